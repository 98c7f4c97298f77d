// Taking the Z: one transaction at synchronous=FULL that force-closes what must be, computes
// every figure from the documents, writes the numbered Z, its shifts and its per-day rollups,
// and journals `day.closed`. A crash leaves no Z or a whole one; the triggers refuse a second Z
// for the day and any gap in the numbers.
import type { CardReconciliationView, ShiftCashView, ZReportView } from '../../preload/contract/day-close-views';
import { assertFullDurability } from '../ledger/durability';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { alertsOfDay } from '../fraud/fraud-alerts';
import { liveShift, type ShiftRow } from '../shift/shift-rows';
import { forceCloseShift } from '../shift/shift-count';
import { pendingCardBatches } from './card-batches';
import { noReconciliation, reconcileCards } from './card-reconciliation';
import { lastClosedDay } from './closed-days';
import { checkCanClose, maxSeq, type DayCloseContext } from './day-close-status';
import { readFigures, shiftCash } from './report-query';
import { lastZ, type StoredZ } from './z-store';

/** How the Z deals with the card terminal, decided before its transaction (the terminal is asked outside it). */
export type TerminalOutcome = { kind: 'reconcile' } | { kind: 'no_terminal' } | { kind: 'skipped'; reason: string };

function rollups(z: { id: number; registerId: string; businessDay: string; stored: StoredZ }): [string, string, number, number, number][] {
  const f = z.stored.figures;
  const rows: [string, string, number, number, number][] = [];
  for (const k of f.kinds) rows.push(['kind', k.kind, k.count, k.totalMinor, k.taxMinor]);
  for (const t of f.tenders) rows.push(['tender_in', t.method, t.inCount, t.inMinor, 0], ['tender_out', t.method, t.outCount, t.outMinor, 0]);
  for (const r of f.taxRates) rows.push(['tax', String(r.rateBp), 0, r.grossMinor, r.taxMinor]);
  for (const o of f.operators) rows.push(['operator', String(o.operatorId), o.salesCount, o.netMinor, 0]);
  for (const h of f.hours) {
    const refunds = h.refundsMinor ?? 0;
    const voids = h.voidsMinor ?? 0;
    if (h.salesCount === 0 && h.netMinor === 0 && refunds === 0 && voids === 0) continue;
    const key = String(h.hour).padStart(2, '0');
    if (h.salesCount > 0 || h.netMinor !== 0) rows.push(['hour', key, h.salesCount, h.netMinor, 0]);
    // The hour's takings, refunds, voids and discounts (amounts only): a Z closed before these
    // rows were written has none, and the report says so rather than showing zeros.
    rows.push(
      ['hour_sales', key, h.salesCount, h.salesMinor, 0],
      ['hour_refunds', key, 0, refunds, 0],
      ['hour_voids', key, 0, voids, 0],
      ['hour_discounts', key, 0, h.discountMinor ?? 0, 0],
    );
  }
  for (const m of f.cashMovements) rows.push(['movement', m.kind, m.count, m.amountMinor, 0]);
  rows.push(
    ['discount', 'sales', f.discounts.count, f.discounts.amountMinor, 0],
    // Its share on goods returned; a Z closed before this row was written has none: unknown, not 0.
    ['discount', 'returned', f.discounts.returnedCount ?? 0, f.discounts.returnedMinor ?? 0, 0],
    ['net', 'all', f.documentCount, f.netMinor, f.netTaxMinor],
    ['events', 'no_sale', f.noSales, 0, 0],
    ['events', 'duplicate', f.duplicates, 0, 0],
    ['cash', 'over_short', z.stored.shifts.filter((s) => s.differenceMinor !== null).length, z.stored.overShortMinor, 0],
    ['cash', 'handover', z.stored.shifts.filter((s) => s.handover).length, z.stored.handoverMinor ?? 0, 0],
    ['card', 'terminal', z.stored.reconciliation.brands.reduce((n, b) => n + b.terminalCount, 0), z.stored.reconciliation.terminalTotalMinor, 0],
    [
      'card',
      z.stored.reconciliation.status,
      z.stored.reconciliation.differences.length,
      z.stored.reconciliation.differences.reduce((s, d) => s + d.differenceMinor, 0),
      0,
    ],
  );
  return rows;
}

/** Writes the Z of `businessDay`. Call after the terminal's end of day (if any) has been stored. */
export function takeZ(
  ctx: DayCloseContext,
  input: { businessDay: string; forceClose: readonly { shiftId: number; reason: string }[] },
  terminal: TerminalOutcome,
): ZReportView {
  const { db, settings, now } = ctx;
  const registerId = settings.registerId;
  return db
    .transaction(() => {
      assertFullDurability(db);
      checkCanClose(ctx, input.businessDay, input.forceClose);
      const live = liveShift(db, registerId);
      if (live && live.business_day <= input.businessDay) {
        const reason = input.forceClose.find((f) => f.shiftId === live.id)?.reason ?? '';
        forceCloseShift(db, live, reason, ctx.actor.id, now);
      }
      // Shifts of days a Z already closed are in that Z: only those after the last closed day can still be waiting.
      const shifts = sql(
        db,
        "SELECT * FROM shifts WHERE register_id = ? AND state = 'closed' AND business_day > ? AND business_day <= ? AND id NOT IN (SELECT shift_id FROM z_shifts) ORDER BY id",
      ).all(registerId, lastClosedDay(db, registerId) ?? '', input.businessDay) as ShiftRow[];
      const prev = lastZ(db, registerId);
      const uptoSeq = maxSeq(db);
      const figures = readFigures(
        db,
        { kind: 'day', registerId, businessDay: input.businessDay },
        { afterSeq: prev?.last_journal_seq ?? 0, uptoSeq },
        shifts.map((s) => s.id),
        settings.timeZone,
      );
      const cash: ShiftCashView[] = shifts.map((s) => shiftCash(db, s));
      const card = pendingCardBatches(db, registerId);
      let reconciliation: CardReconciliationView;
      let lastBatchId = prev?.last_batch_id ?? null;
      if (terminal.kind === 'reconcile' && card.batches.length > 0) {
        const upto = Math.max(...card.batches.map((b) => b.closedAt));
        reconciliation = reconcileCards(card.batches, card.payments(card.since, upto));
        lastBatchId = card.lastBatchId;
      } else {
        const cardTender = figures.tenders.find((t) => t.method === 'card') ?? { inMinor: 0, outMinor: 0 };
        reconciliation = noReconciliation(
          terminal.kind === 'skipped' ? 'skipped' : 'no_terminal',
          terminal.kind === 'skipped' ? terminal.reason : null,
          cardTender,
        );
      }
      const stored: StoredZ = {
        figures,
        shifts: cash,
        overShortMinor: cash.reduce((s, c) => s + (c.differenceMinor ?? 0), 0),
        handoverMinor: cash.reduce((s, c) => s + (c.handover?.differenceMinor ?? 0), 0),
        reconciliation,
      };
      const before = prev?.grand_total_after_minor ?? 0;
      const zNo = (prev?.z_no ?? 0) + 1;
      const info = sql(
        db,
        `INSERT INTO z_reports (register_id, z_no, business_day, closed_at, operator_id, first_receipt_no, last_receipt_no, grand_total_before_minor,
         grand_total_after_minor, last_journal_seq, last_batch_id, figures) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        registerId,
        zNo,
        input.businessDay,
        now,
        ctx.actor.id,
        figures.firstReceiptNo,
        figures.lastReceiptNo,
        before,
        before + figures.netMinor,
        uptoSeq,
        lastBatchId,
        JSON.stringify(stored),
      );
      const zId = Number(info.lastInsertRowid);
      const link = sql(db, 'INSERT INTO z_shifts (z_id, shift_id) VALUES (?, ?)');
      for (const s of shifts) link.run(zId, s.id);
      const rollup = sql(
        db,
        'INSERT INTO day_rollups (z_id, register_id, business_day, dimension, key, count, amount_minor, tax_minor) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      );
      for (const [dimension, key, count, amount, tax] of rollups({ id: zId, registerId, businessDay: input.businessDay, stored }))
        rollup.run(zId, registerId, input.businessDay, dimension, key, count, amount, tax);
      appendJournal(
        db,
        'day.closed',
        {
          zId,
          zNo,
          registerId,
          businessDay: input.businessDay,
          operatorId: ctx.actor.id,
          firstReceiptNo: figures.firstReceiptNo,
          lastReceiptNo: figures.lastReceiptNo,
          documentCount: figures.documentCount,
          netMinor: figures.netMinor,
          grandTotalBeforeMinor: before,
          grandTotalAfterMinor: before + figures.netMinor,
          overShortMinor: stored.overShortMinor,
          handoverMinor: stored.handoverMinor ?? 0,
          shiftIds: shifts.map((s) => s.id),
          reconciliation: {
            status: reconciliation.status,
            batchIds: reconciliation.batchIds,
            differences: reconciliation.differences.length,
            skipReason: reconciliation.skipReason,
          },
        },
        now,
      );
      // What was just written, as zById would read it back (the stored part is plain JSON).
      const operator = sql(db, 'SELECT name FROM operators WHERE id = ?').get(ctx.actor.id) as { name: string } | undefined;
      return {
        id: zId,
        zNo,
        registerId,
        businessDay: input.businessDay,
        closedAt: now,
        operatorName: operator?.name ?? '',
        firstReceiptNo: figures.firstReceiptNo,
        lastReceiptNo: figures.lastReceiptNo,
        grandTotalBeforeMinor: before,
        grandTotalAfterMinor: before + figures.netMinor,
        ...stored,
        fraudAlerts: alertsOfDay(db, registerId, input.businessDay),
      };
    })
    .immediate();
}
