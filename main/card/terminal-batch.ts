// End-of-day on the terminal: the batch it settles with the bank. Its totals are stored for the
// day close, so the Z report can set card takings in the ledger against what the bank will pay.
import type { TerminalBatchView } from '../../preload/contract/card-views';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import type { EndOfDayResult } from '../hardware/terminal/client';
import { openBusinessDay } from '../day-close/closed-days';
import { getSettings } from '../settings/settings';
import { cardPaymentsBetween, reconBatch } from '../day-close/card-batches';
import { reconcileCards } from '../day-close/card-reconciliation';

interface BatchRow {
  id: number;
  business_day: string;
  closed_at: number;
  terminal_id: string | null;
  total_minor: number;
  count: number;
  totals: string;
  receipt_lines: string;
  receipt_from: number | null;
  receipt_to: number | null;
}

/**
 * The batch beside the register's own card payments and refunds over the same period (after the
 * batch before it, up to this one's close): the day close's reconciliation, for one batch.
 */
function comparison(db: Db, r: BatchRow): TerminalBatchView['comparison'] {
  const prev = sql(db, 'SELECT closed_at FROM terminal_batches WHERE id < ? ORDER BY id DESC LIMIT 1').get(r.id) as { closed_at: number } | undefined;
  return reconcileCards([reconBatch(r)], cardPaymentsBetween(db, getSettings(db).registerId, prev?.closed_at ?? 0, r.closed_at));
}

function view(db: Db, r: BatchRow): TerminalBatchView {
  return {
    id: r.id,
    businessDay: r.business_day,
    closedAt: r.closed_at,
    terminalId: r.terminal_id,
    totalMinor: r.total_minor,
    count: r.count,
    brands: JSON.parse(r.totals) as TerminalBatchView['brands'],
    receiptLines: JSON.parse(r.receipt_lines) as string[],
    receiptFrom: r.receipt_from,
    receiptTo: r.receipt_to,
    comparison: comparison(db, r),
  };
}

export function storeTerminalBatch(db: Db, eod: EndOfDayResult, terminalId: string | null, operatorId: number, now: number): TerminalBatchView {
  return db.transaction(() => {
    const brands = (eod.totals?.brands ?? []).filter((b) => b.count > 0).map((b) => ({ brand: b.brand, count: b.count, amountMinor: b.amountMinor }));
    const count = brands.reduce((n, b) => n + b.count, 0);
    const lines = [...eod.receipt.lines, ...eod.receipt.blocks.flatMap((b) => b.lines)].map((l) => l.text);
    const day = openBusinessDay(db, getSettings(db), now);
    // The terminal's receipt numbers in this batch (BMP 60): the day close checks the ledger's card payments against them.
    const range = eod.totals && count > 0 ? { from: eod.totals.receiptFrom, to: eod.totals.receiptTo } : { from: null, to: null };
    const info = sql(
      db,
      'INSERT INTO terminal_batches (business_day, closed_at, terminal_id, total_minor, count, totals, receipt_lines, operator_id, receipt_from, receipt_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(day, now, terminalId, eod.totalMinor, count, JSON.stringify(brands), JSON.stringify(lines), operatorId, range.from, range.to);
    appendJournal(
      db,
      'terminal.end_of_day',
      { batchId: Number(info.lastInsertRowid), businessDay: day, terminalId, totalMinor: eod.totalMinor, count, brands, operatorId },
      now,
    );
    return view(db, sql(db, 'SELECT * FROM terminal_batches WHERE id = ?').get(info.lastInsertRowid) as BatchRow);
  })();
}

export function terminalBatches(db: Db, businessDay?: string): TerminalBatchView[] {
  const rows = businessDay
    ? (sql(db, 'SELECT * FROM terminal_batches WHERE business_day = ? ORDER BY id').all(businessDay) as BatchRow[])
    : (sql(db, 'SELECT * FROM terminal_batches ORDER BY id DESC LIMIT 100').all() as BatchRow[]);
  return rows.map((r) => view(db, r));
}
