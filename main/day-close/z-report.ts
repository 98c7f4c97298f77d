// Taking the Z: one transaction at synchronous=FULL that force-closes what must be, computes
// every figure from the documents, writes the numbered Z, its shifts and its per-day rollups,
// and journals `day.closed`. A crash leaves no Z or a whole one; the triggers refuse a second Z
// for the day and any gap in the numbers.
import type { CardReconciliationView, DayCloseStatusView, ShiftCashView, XReportView, ZReportView } from '../../preload/contract/day-close-views';
import type { StoreSettings } from '../../preload/contract/views';
import { businessDayOf, businessDayRule } from '../business-day/business-day';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { assertFullDurability } from '../ledger/durability';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { alertsOfDay } from '../fraud/fraud-alerts';
import { liveShift, type ShiftRow } from '../shift/shift-rows';
import { forceCloseShift } from '../shift/shifts';
import { noReconciliation, reconcileCards, type ReconBatch, type ReconPayment } from './card-reconciliation';
import { lastClosedDay, openBusinessDay } from './closed-days';
import { readFigures, shiftCash } from './report-query';
import { lastZ, type StoredZ } from './z-store';

export interface DayCloseContext {
  db: Db;
  now: number;
  settings: StoreSettings;
  actor: { id: number };
}

function maxSeq(db: Db): number {
  return (sql(db, 'SELECT COALESCE(MAX(seq), 0) AS seq FROM journal').get() as { seq: number }).seq;
}

/**
 * The business day the next Z closes: the earliest one after the last Z that has documents or
 * shifts; with none, today (unless today is closed already: then there is nothing to close).
 */
export function dayToClose(db: Db, settings: StoreSettings, now: number): string | null {
  const registerId = settings.registerId;
  const closed = lastClosedDay(db, registerId) ?? '';
  const doc = sql(
    db,
    "SELECT MIN(business_day) AS day FROM documents WHERE register_id = ? AND status = 'completed' AND training = 0 AND business_day > ?",
  ).get(registerId, closed) as { day: string | null };
  const shift = sql(
    db,
    'SELECT MIN(business_day) AS day FROM shifts WHERE register_id = ? AND business_day > ? AND id NOT IN (SELECT shift_id FROM z_shifts)',
  ).get(registerId, closed) as { day: string | null };
  const candidates = [doc.day, shift.day].filter((d): d is string => d !== null).sort();
  if (candidates[0]) return candidates[0];
  const today = businessDayOf(now, businessDayRule(settings));
  return today > closed ? today : null;
}

function unresolvedCardPayments(db: Db): number {
  return (sql(db, "SELECT COUNT(*) AS n FROM card_intents WHERE state IN ('created', 'sent', 'in_progress', 'unknown')").get() as { n: number }).n;
}

function saleInProgress(db: Db, registerId: string): boolean {
  return (
    sql(
      db,
      "SELECT 1 FROM documents d WHERE d.register_id = ? AND d.status = 'open' AND EXISTS (SELECT 1 FROM payments p WHERE p.document_id = d.id) LIMIT 1",
    ).get(registerId) !== undefined
  );
}

export function dayCloseStatus(ctx: DayCloseContext, terminalConfigured: boolean): DayCloseStatusView {
  const { db, settings, now } = ctx;
  const registerId = settings.registerId;
  const day = dayToClose(db, settings, now) ?? openBusinessDay(db, settings, now);
  const prev = lastZ(db, registerId);
  const live = liveShift(db, registerId);
  const documents = sql(db, "SELECT COUNT(*) AS n FROM documents WHERE register_id = ? AND business_day = ? AND status = 'completed' AND training = 0").get(
    registerId,
    day,
  ) as {
    n: number;
  };
  return {
    registerId,
    businessDay: day,
    nextZNo: (prev?.z_no ?? 0) + 1,
    lastZ: prev ? { zNo: prev.z_no, businessDay: prev.business_day, closedAt: prev.closed_at } : null,
    documentCount: documents.n,
    liveShifts:
      live && live.business_day <= day
        ? [
            {
              shiftId: live.id,
              operatorName: shiftCash(db, live).operatorName,
              openedAt: live.opened_at,
              state: live.state === 'counting' ? 'counting' : 'open',
            },
          ]
        : [],
    terminalConfigured,
    unresolvedCardPayments: unresolvedCardPayments(db),
    saleInProgress: saleInProgress(db, registerId),
  };
}

/** The checks of the Z, made before the terminal is asked and again inside the Z's transaction. */
export function checkCanClose(ctx: DayCloseContext, businessDay: string, forceClose: readonly { shiftId: number; reason: string }[]): void {
  const { db, settings, now } = ctx;
  const closed = lastClosedDay(db, settings.registerId);
  if (closed !== null && businessDay <= closed) throw new ServiceError('dayClose.already_closed', { businessDay });
  const day = dayToClose(db, settings, now);
  if (day === null) throw new ServiceError('dayClose.nothing_to_close');
  if (day !== businessDay) throw new ServiceError('dayClose.wrong_day', { businessDay: day });
  const unresolved = unresolvedCardPayments(db);
  if (unresolved > 0) throw new ServiceError('dayClose.card_unresolved', { count: unresolved });
  if (saleInProgress(db, settings.registerId)) throw new ServiceError('dayClose.sale_in_progress');
  const live = liveShift(db, settings.registerId);
  if (live && live.business_day <= businessDay && !forceClose.some((f) => f.shiftId === live.id))
    throw new ServiceError('dayClose.shift_open', { shiftId: live.id });
}

/** Terminal batches not reconciled by any Z yet, and the card payments booked since the last one that was. */
export function pendingCardBatches(
  db: Db,
  registerId: string,
): { batches: ReconBatch[]; lastBatchId: number | null; payments: (since: number, upto: number) => ReconPayment[]; since: number } {
  const prevBatch = lastZ(db, registerId)?.last_batch_id ?? 0;
  const rows = sql(db, 'SELECT * FROM terminal_batches WHERE id > ? ORDER BY id').all(prevBatch) as {
    id: number;
    closed_at: number;
    terminal_id: string | null;
    total_minor: number;
    totals: string;
    receipt_from: number | null;
    receipt_to: number | null;
  }[];
  const since = (sql(db, 'SELECT closed_at FROM terminal_batches WHERE id = ?').get(prevBatch) as { closed_at: number } | undefined)?.closed_at ?? 0;
  const batches = rows.map((r): ReconBatch => ({
    id: r.id,
    closedAt: r.closed_at,
    terminalId: r.terminal_id,
    totalMinor: r.total_minor,
    brands: JSON.parse(r.totals) as ReconBatch['brands'],
    receiptFrom: r.receipt_from,
    receiptTo: r.receipt_to,
  }));
  return {
    batches,
    lastBatchId: batches.length ? (batches[batches.length - 1]?.id ?? null) : null,
    since,
    payments: (from, upto) => cardPaymentsBetween(db, registerId, from, upto),
  };
}

type CardRow = {
  id: number;
  kind: ReconPayment['documentKind'];
  receipt_no: number;
  amount_minor: number;
  card: string | null;
  original_payment_id: number | null;
  intent_kind: 'payment' | 'refund' | 'reversal' | null;
};

function cardPaymentsBetween(db: Db, registerId: string, since: number, upto: number): ReconPayment[] {
  const rows = sql(
    db,
    `SELECT p.id, d.kind, d.receipt_no, p.amount_minor, p.card, p.original_payment_id,
            (SELECT i.kind FROM card_intents i WHERE i.payment_id = p.id) AS intent_kind
       FROM payments p JOIN documents d ON d.id = p.document_id
      WHERE p.method = 'card' AND p.created_at > ? AND p.created_at <= ? AND d.register_id = ? AND d.status = 'completed' ORDER BY p.id`,
  ).all(since, upto, registerId) as CardRow[];
  return rows.map(reconPayment);
}

function reconPayment(r: CardRow): ReconPayment {
  const card = r.card ? (JSON.parse(r.card) as { brand?: string | null; terminalReceiptNo?: string | null }) : {};
  const no = card.terminalReceiptNo ? Number(card.terminalReceiptNo) : null;
  return {
    paymentId: r.id,
    documentKind: r.kind,
    documentReceiptNo: r.receipt_no,
    brand: card.brand ?? null,
    amountMinor: r.amount_minor,
    terminalReceiptNo: no !== null && Number.isFinite(no) ? no : null,
    originalPaymentId: r.original_payment_id,
    byReversal: r.intent_kind === 'reversal',
  };
}

/** How the Z deals with the card terminal, decided before its transaction (the terminal is asked outside it). */
export type TerminalOutcome = { kind: 'reconcile' } | { kind: 'no_terminal' } | { kind: 'skipped'; reason: string };

function rollups(z: { id: number; registerId: string; businessDay: string; stored: StoredZ }): [string, string, number, number, number][] {
  const f = z.stored.figures;
  const rows: [string, string, number, number, number][] = [];
  for (const k of f.kinds) rows.push(['kind', k.kind, k.count, k.totalMinor, k.taxMinor]);
  for (const t of f.tenders) rows.push(['tender_in', t.method, t.inCount, t.inMinor, 0], ['tender_out', t.method, t.outCount, t.outMinor, 0]);
  for (const r of f.taxRates) rows.push(['tax', String(r.rateBp), 0, r.grossMinor, r.taxMinor]);
  for (const o of f.operators) rows.push(['operator', String(o.operatorId), o.salesCount, o.netMinor, 0]);
  for (const h of f.hours) if (h.salesCount > 0 || h.netMinor !== 0) rows.push(['hour', String(h.hour).padStart(2, '0'), h.salesCount, h.netMinor, 0]);
  for (const m of f.cashMovements) rows.push(['movement', m.kind, m.count, m.amountMinor, 0]);
  rows.push(
    ['discount', 'sales', f.discounts.count, f.discounts.amountMinor, 0],
    ['net', 'all', f.documentCount, f.netMinor, f.netTaxMinor],
    ['events', 'no_sale', f.noSales, 0, 0],
    ['events', 'duplicate', f.duplicates, 0, 0],
    ['cash', 'over_short', z.stored.shifts.filter((s) => s.differenceMinor !== null).length, z.stored.overShortMinor, 0],
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

/** The X report: the same figures as a Z, of the open business day or of the live shift, changing nothing. */
export function xReport(ctx: DayCloseContext, scope: 'shift' | 'day'): XReportView {
  const { db, settings, now } = ctx;
  const registerId = settings.registerId;
  const prev = lastZ(db, registerId);
  const grand = sql(db, 'SELECT grand_total_minor AS g FROM register_counters WHERE register_id = ?').get(registerId) as { g: number } | undefined;
  if (scope === 'shift') {
    const live = liveShift(db, registerId);
    if (!live) throw new ServiceError('shift.not_open', { state: 'none' });
    const figures = readFigures(db, { kind: 'shift', shiftId: live.id }, { fromAt: live.opened_at, toAt: null }, [live.id], settings.timeZone);
    return {
      scope,
      registerId,
      businessDay: live.business_day,
      shiftId: live.id,
      at: now,
      figures,
      shifts: [shiftCash(db, live)],
      grandTotalMinor: grand?.g ?? 0,
    };
  }
  const day = dayToClose(db, settings, now) ?? openBusinessDay(db, settings, now);
  const shifts = sql(
    db,
    'SELECT * FROM shifts WHERE register_id = ? AND business_day > ? AND business_day <= ? AND id NOT IN (SELECT shift_id FROM z_shifts) ORDER BY id',
  ).all(registerId, prev?.business_day ?? '', day) as ShiftRow[];
  const figures = readFigures(
    db,
    { kind: 'day', registerId, businessDay: day },
    { afterSeq: prev?.last_journal_seq ?? 0, uptoSeq: maxSeq(db) },
    shifts.map((s) => s.id),
    settings.timeZone,
  );
  return { scope, registerId, businessDay: day, shiftId: null, at: now, figures, shifts: shifts.map((s) => shiftCash(db, s)), grandTotalMinor: grand?.g ?? 0 };
}
