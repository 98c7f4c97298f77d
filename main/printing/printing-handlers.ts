import type { printerCalls } from '../../preload/contract/printer';
import { documentIdByCode } from '../documents/receipt-lookup';
import { documentIdByReceipt } from '../documents/document-rows';
import { supervisorFor } from '../operators/approval';
import { cancelJob, enqueueNoSale, enqueueReprint, listJobs, retryJob } from './print-jobs';
import { checkedPrinterConfig, getPrinterConfig, setPrinterConfig, testPageTarget } from './printer-config';
import { receiptPreview } from './receipt-output';
import { ServiceError } from '../common/service-error';
import { receiptLocaleOf } from '../hardware/printer';
import type { HandlerContext, HandlerTable } from '../ipc/handler';
import { isTraining, refuseCashInTraining } from '../training/training';

/** Jobs only exist for a printer that is on: a disabled register must not pile up paper for later. */
function requireEnabled(ctx: HandlerContext): void {
  if (!getPrinterConfig(ctx.db).enabled) throw new ServiceError('printer.disabled');
}

/**
 * Every handler that changes the job queue ends here: the printer runtime publishes the queue and
 * looks at it only when told (`kick`), so a change that skipped this would sit unprinted. Passes
 * the changed job back as the handler's result.
 */
function afterQueueChange<T>(ctx: HandlerContext, job: T): T {
  ctx.services.printer.kick();
  return job;
}

function saleIdFor(ctx: HandlerContext, input: { saleId: string } | { receiptNo: number } | { code: string }): string {
  if ('saleId' in input) return input.saleId;
  // A bare number names a practice receipt for an operator in training, as at the refund screen.
  if ('code' in input) return documentIdByCode(ctx.db, ctx.settings.registerId, input.code, isTraining(ctx.db, ctx.settings.registerId, ctx.actor.id));
  return documentIdByReceipt(ctx.db, ctx.settings.registerId, input.receiptNo);
}

export const printerHandlers: Pick<HandlerTable, keyof typeof printerCalls> = {
  'printer.getConfig': { access: 'owner', handle: (_input, ctx) => getPrinterConfig(ctx.db) },
  'printer.setConfig': {
    access: 'owner',
    handle: (input, ctx) => {
      const saved = setPrinterConfig(ctx.db, checkedPrinterConfig(input, ctx.services.platform), ctx.actor.id, ctx.now);
      ctx.services.printer.configChanged();
      return saved;
    },
  },
  'printer.testPage': {
    access: 'supervisor',
    handle: (input, ctx) => {
      const target = testPageTarget(ctx.db, ctx.actor, input, ctx.services.platform);
      return ctx.services.printer.testPage(target.transport, target.profile, receiptLocaleOf(ctx.settings));
    },
  },
  'printer.jobs': { access: 'supervisor', handle: (_input, ctx) => listJobs(ctx.db) },
  'printer.retryJob': {
    access: 'supervisor',
    handle: (input, ctx) => afterQueueChange(ctx, retryJob(ctx.db, input.jobId, ctx.actor.id, ctx.now)),
  },
  'printer.cancelJob': {
    access: 'supervisor',
    handle: (input, ctx) => afterQueueChange(ctx, cancelJob(ctx.db, input.jobId, ctx.actor.id, ctx.now)),
  },
  'hardware.status': { access: 'cashier', handle: (_input, ctx) => ctx.services.printer.status() },
  'receipt.preview': { access: 'cashier', handle: (input, ctx) => receiptPreview(ctx.db, saleIdFor(ctx, input), getPrinterConfig(ctx.db), input.copyNo ?? 0) },
  'receipt.reprint': {
    access: 'cashier',
    handle: (input, ctx) => {
      requireEnabled(ctx);
      return afterQueueChange(ctx, enqueueReprint(ctx.db, input.saleId, ctx.actor.id, ctx.now));
    },
  },
  'drawer.open': {
    access: 'cashier',
    handle: (input, ctx) => {
      // A no-sale opens the real drawer and counts in the X and the fraud rules: none in training.
      refuseCashInTraining(ctx.db, ctx.settings.registerId, ctx.actor.id);
      requireEnabled(ctx);
      // A supervisor opens it on their own authority; a cashier needs one to type their PIN.
      const approverId = supervisorFor(ctx.db, ctx.actor, input.approval, ctx.now, 'drawer.needs_supervisor');
      const job = afterQueueChange(ctx, enqueueNoSale(ctx.db, input.reason, ctx.actor.id, approverId, ctx.now));
      // Answers with what became of the kick (sent, dropped, or still queued), never just "asked for".
      return ctx.services.printer.drawerOutcome(job.id);
    },
  },
};
