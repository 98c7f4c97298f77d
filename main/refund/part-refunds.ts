// A correction that gives money back to a card (and maybe to more cards and wallets) goes back
// one part at a time, in the plan's order: each card part through the terminal as a single card
// refund does (its intent committed before the terminal hears of it, see card-payment.ts), each
// scan part through the provider refunds (its refund number written before the provider hears of
// it). It completes when every part has gone back. A part refused after another went back stops
// the run with the correction open: the cashier retries that part or gives it in cash; nothing
// that went back is ever sent again, because a part with a payment on the correction is skipped.
import type { CompletionView } from '../../preload/contract/views';
import { ServiceError } from '../common/service-error';
import { findDocument } from '../documents/document-rows';
import { documentView } from '../documents/document-view';
import { createIntent, lastKnownReceiptNo } from '../card/card-intents';
import { createScanRefunds } from '../scan-pay/scan-refunds';
import { completeIfAllBack, latestIntent, latestScanRefund, paymentFor, planParts, takeScanPart } from './correction-parts';
import type { RefundContext } from './refund-plans';
import { reversalReceiptNo } from './refund-booking';
import { outcomeUnknown } from '../card/card-outcome-errors';

export interface PartRefundDeps {
  ctx: RefundContext;
  clock: () => number;
  /** The terminal gives a card part back (card-payment.ts `giveBack`). */
  giveBack(intentId: number, reversalOf: number | null): Promise<CompletionView>;
  /** The provider refunds send the correction's scan refunds (provider-refunds.ts `settle`). */
  settleScan(documentId: string): Promise<void>;
}

type Step = { kind: 'end' } | { kind: 'card'; intentId: number; reversalOf: number | null } | { kind: 'scan'; rowId: number };

/** The terminal's refusals of a part: the part did not go back, and the cashier decides what next. */
const REFUSALS = new Set(['terminal.declined', 'terminal.aborted', 'terminal.failed', 'terminal.busy', 'terminal.not_configured', 'terminal.not_connected']);
const REFUSED_INTENT = new Set(['declined', 'aborted', 'failed']);

function cancelledError(ctx: RefundContext, documentId: string): ServiceError {
  const intent = ctx.db.prepare('SELECT reason FROM card_intents WHERE sale_id = ? ORDER BY id DESC LIMIT 1').get(documentId) as
    { reason: string | null } | undefined;
  return intent
    ? new ServiceError('terminal.declined', { reason: intent.reason ?? 'terminal.result.declined' })
    : new ServiceError('refund.provider_refused', { providerCode: 'REFUSED' });
}

/** What the run does next, decided (and the next part's intent or refund number written) in one transaction. */
function nextStep(deps: PartRefundDeps, documentId: string, retry: number | null): Step {
  const { ctx } = deps;
  const { db } = ctx;
  const doc = findDocument(db, documentId);
  if (doc.status === 'cancelled') throw cancelledError(ctx, documentId);
  if (doc.status !== 'open') return { kind: 'end' };
  const now = deps.clock();
  const parts = planParts(db, documentId) ?? [];
  for (const part of parts) {
    if (paymentFor(db, documentId, part.paymentId, part.afterPaymentId)) continue;
    if (part.method === 'card') {
      const intent = latestIntent(db, documentId, part.paymentId);
      if (intent?.state === 'unknown') throw outcomeUnknown(intent.id, 'refund');
      if (intent?.state === 'sent' || intent?.state === 'in_progress') throw new ServiceError('terminal.busy');
      if (intent && intent.state !== 'created' && !(REFUSED_INTENT.has(intent.state) && retry === part.paymentId)) return { kind: 'end' };
      const reversalOf = reversalReceiptNo(ctx, part);
      if (intent?.state === 'created') return { kind: 'card', intentId: intent.id, reversalOf };
      const created = createIntent(
        db,
        {
          saleId: documentId,
          idempotencyKey: `${documentId}:${part.paymentId}:${now}`,
          amountMinor: part.amountMinor,
          operatorId: doc.operator_id,
          previousReceiptNo: lastKnownReceiptNo(db),
          kind: reversalOf === null ? 'refund' : 'reversal',
          originalPaymentId: part.paymentId,
        },
        now,
      );
      return { kind: 'card', intentId: created.id, reversalOf };
    }
    const row = latestScanRefund(db, documentId, part.paymentId);
    if (row?.state === 'done') {
      takeScanPart(db, documentId, row, now);
      continue;
    }
    if (row && row.state !== 'failed') return { kind: 'scan', rowId: row.id };
    if (row && retry !== part.paymentId) return { kind: 'end' };
    // The wallet parts (the last in the plan) are all written now: the provider refunds send each in turn, also later on their own.
    const unwritten = parts.filter((p) => p.method === 'scan' && (p === part || !latestScanRefund(db, documentId, p.paymentId)));
    createScanRefunds(db, documentId, unwritten, doc.operator_id, now);
    const made = latestScanRefund(db, documentId, part.paymentId);
    return { kind: 'scan', rowId: made?.id ?? 0 };
  }
  completeIfAllBack(db, documentId, now);
  return { kind: 'end' };
}

/** The correction as it stands: completed, or open with what went back so far. */
function standing(deps: PartRefundDeps, documentId: string): CompletionView {
  const { db } = deps.ctx;
  const doc = findDocument(db, documentId);
  if (doc.status === 'cancelled') throw cancelledError(deps.ctx, documentId);
  const sale = documentView(db, documentId);
  return { sale, receiptNo: sale.receiptNo, changeMinor: 0 };
}

async function run(deps: PartRefundDeps, documentId: string, retryOf: number | null): Promise<CompletionView> {
  const { db } = deps.ctx;
  let retry = retryOf;
  const sentScan = new Set<number>();
  for (;;) {
    const step = db.transaction(() => nextStep(deps, documentId, retry))();
    retry = null;
    if (step.kind === 'end') return standing(deps, documentId);
    if (step.kind === 'card') {
      try {
        await deps.giveBack(step.intentId, step.reversalOf);
      } catch (e) {
        // Refused with nothing gone back: the card domain's answer cancelled the correction, and the refusal is the answer.
        if (!(e instanceof ServiceError) || !REFUSALS.has(e.code) || findDocument(db, documentId).status !== 'open') throw e;
      }
      continue;
    }
    // Still with the provider after its own repeats: the correction waits, open, and the provider refunds ask again later.
    if (sentScan.has(step.rowId)) return standing(deps, documentId);
    sentScan.add(step.rowId);
    await deps.settleScan(documentId);
  }
}

const running = new Map<string, Promise<CompletionView>>();

/**
 * Gives the correction's parts back from where it stands; `retry` names a refused part to send
 * again. One run per correction at a time: a second request joins the first.
 */
export function giveBackParts(deps: PartRefundDeps, documentId: string, retry: number | null = null): Promise<CompletionView> {
  const joined = running.get(documentId);
  if (joined) return joined;
  const p = run(deps, documentId, retry).finally(() => running.delete(documentId));
  running.set(documentId, p);
  return p;
}
