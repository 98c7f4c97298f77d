// The day close as the register runs it: checks first, then the terminal's end of day (outside
// any transaction: the terminal takes seconds), then the Z in one transaction. One close at a
// time per register; a second window is told one is running, or afterwards that the day is closed.
import type { XReportView, ZReportView } from '../../preload/contract/day-close-views';
import type { PrintJobView } from '../../preload/contract/printer';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { getJob, enqueueReport } from '../printing/print-jobs';
import { getPrinterConfig, paperTimeZone } from '../printing/printer-config';
import { xReportPaper, zReportPaper } from './report-paper';
import { checkCanClose, type DayCloseContext } from './day-close-status';
import { takeZ, type TerminalOutcome } from './z-report';
import { xReport } from './x-report';
import { zByNo } from './z-store';
import { INDEXED_KINDS } from '../ledger/journal-kind-index';

export interface DayCloseTerminal {
  configured(): boolean;
  /** Runs 06 50 and stores the batch; throws a ServiceError when it cannot. */
  endOfDay(): Promise<unknown>;
}

const closing = new WeakSet<Db>();

export async function closeDay(
  ctx: DayCloseContext,
  input: { businessDay: string; forceClose?: { shiftId: number; reason: string }[] | undefined; terminalSkipReason?: string | undefined },
  terminal: DayCloseTerminal,
): Promise<ZReportView> {
  if (closing.has(ctx.db)) throw new ServiceError('dayClose.in_progress');
  closing.add(ctx.db);
  try {
    const forceClose = input.forceClose ?? [];
    // Refuse before the terminal settles its batch: a Z that cannot be taken should not close the terminal's day.
    checkCanClose(ctx, input.businessDay, forceClose);
    let outcome: TerminalOutcome = { kind: 'no_terminal' };
    if (terminal.configured()) {
      try {
        await terminal.endOfDay();
        outcome = { kind: 'reconcile' };
      } catch (error) {
        const reason = error instanceof ServiceError ? error.code : 'internal';
        if (!input.terminalSkipReason) throw new ServiceError('dayClose.terminal_failed', { reason });
        outcome = { kind: 'skipped', reason: input.terminalSkipReason };
      }
    }
    return takeZ(ctx, { businessDay: input.businessDay, forceClose }, outcome);
  } finally {
    closing.delete(ctx.db);
  }
}

function operatorName(db: Db, id: number): string {
  return (sql(db, 'SELECT name FROM operators WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? '';
}

function requirePrinter(db: Db) {
  const config = getPrinterConfig(db);
  if (!config.enabled) throw new ServiceError('printer.disabled');
  return config;
}

export function printX(ctx: DayCloseContext, scope: 'shift' | 'day'): PrintJobView {
  const config = requirePrinter(ctx.db);
  return ctx.db.transaction(() => {
    const x: XReportView = xReport(ctx, scope);
    const jobId = enqueueReport(
      ctx.db,
      xReportPaper(x, ctx.settings, paperTimeZone(config, ctx.settings), operatorName(ctx.db, ctx.actor.id)),
      `x:${scope}`,
      0,
      ctx.actor.id,
      ctx.now,
    );
    appendJournal(ctx.db, 'x.printed', { scope, businessDay: x.businessDay, shiftId: x.shiftId, operatorId: ctx.actor.id, jobId }, ctx.now);
    return getJob(ctx.db, jobId);
  })();
}

/** A past Z again, marked COPY #n: n counts this Z's reprints in the journal. */
export function reprintZ(ctx: DayCloseContext, zNo: number): PrintJobView {
  const z = zByNo(ctx.db, ctx.settings.registerId, zNo);
  const config = requirePrinter(ctx.db);
  return ctx.db.transaction(() => {
    const before = (
      sql(ctx.db, `SELECT COUNT(*) AS n FROM journal WHERE kind = 'z.reprinted' AND ${INDEXED_KINDS} AND json_extract(payload, '$.data.zId') = ?`).get(
        z.id,
      ) as { n: number }
    ).n;
    const copyNo = before + 1;
    const jobId = enqueueReport(
      ctx.db,
      zReportPaper(z, ctx.settings, paperTimeZone(config, ctx.settings), copyNo),
      `z:${z.zNo}`,
      copyNo,
      ctx.actor.id,
      ctx.now,
    );
    appendJournal(ctx.db, 'z.reprinted', { zId: z.id, zNo: z.zNo, copyNo, operatorId: ctx.actor.id, jobId }, ctx.now);
    return getJob(ctx.db, jobId);
  })();
}
