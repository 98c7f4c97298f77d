// A shift from opening float to confirmed count. Every step is one transaction with its journal
// entry; the count is blind: nothing the till can ask for shows the expected cash of an open
// shift, and the first count is what reveals it (and ends selling in that shift).
import type { DenominationCountView, ExpectedCashView, ShiftCountResultView, ShiftStateView, ShiftView } from '../../preload/contract/shift-views';
import type { StoreSettings } from '../../preload/contract/views';
import { businessDayOfNewDocument, businessDayRule } from '../business-day/business-day';
import { ServiceError } from '../common/service-error';
import { lastClosedDay } from '../day-close/closed-days';
import type { Db } from '../ledger/database';
import { assertFullDurability } from '../ledger/durability';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { countTotal, denominationsFor } from './denominations';
import { expectedCash, overShort } from './expected-cash';
import { findShift, frozenExpected, liveShift, shiftCount, shiftView, type ShiftRow } from './shift-rows';

export interface ShiftContext {
  db: Db;
  now: number;
  settings: StoreSettings;
  actor: { id: number };
}

export function storeDenominations(settings: StoreSettings): number[] {
  return denominationsFor(settings.currency, settings.cashDenominationsMinor);
}

/** The sums behind the expected cash of one shift, read from its completed documents and its movements. */
export function shiftCashTerms(db: Db, row: Pick<ShiftRow, 'id' | 'float_minor'>): ExpectedCashView {
  const docs = sql(
    db,
    `SELECT COALESCE(SUM(CASE WHEN d.kind = 'sale' THEN p.tendered_minor END), 0) AS taken,
            COALESCE(SUM(CASE WHEN d.kind = 'sale' THEN p.change_minor END), 0) AS change,
            COALESCE(SUM(CASE WHEN d.kind = 'refund' THEN p.amount_minor END), 0) AS refunds,
            COALESCE(SUM(CASE WHEN d.kind = 'void' THEN p.amount_minor END), 0) AS voids
       FROM documents d JOIN payments p ON p.document_id = d.id
      WHERE d.shift_id = ? AND d.status = 'completed' AND d.training = 0 AND p.method = 'cash'`,
  ).get(row.id) as { taken: number; change: number; refunds: number; voids: number };
  const moves = sql(
    db,
    `SELECT COALESCE(SUM(CASE WHEN kind = 'paid_in' THEN amount_minor END), 0) AS paid_in,
            COALESCE(SUM(CASE WHEN kind = 'float_top_up' THEN amount_minor END), 0) AS top_up,
            COALESCE(SUM(CASE WHEN kind = 'paid_out' THEN amount_minor END), 0) AS paid_out,
            COALESCE(SUM(CASE WHEN kind = 'safe_drop' THEN amount_minor END), 0) AS safe_drop
       FROM cash_movements WHERE shift_id = ?`,
  ).get(row.id) as { paid_in: number; top_up: number; paid_out: number; safe_drop: number };
  return expectedCash({
    floatMinor: row.float_minor,
    cashTakenMinor: docs.taken,
    changeGivenMinor: docs.change,
    paidInMinor: moves.paid_in,
    floatTopUpMinor: moves.top_up,
    paidOutMinor: moves.paid_out,
    safeDropMinor: moves.safe_drop,
    cashRefundsMinor: docs.refunds,
    cashVoidsMinor: docs.voids,
  });
}

/** The last closed shift with a count, whose money a new shift may take over as its float. */
function carryOverFrom(db: Db, registerId: string): (ShiftRow & { counted_minor: number }) | null {
  const row = sql(db, "SELECT * FROM shifts WHERE register_id = ? AND state = 'closed' ORDER BY closed_at DESC, id DESC LIMIT 1").get(registerId) as
    ShiftRow | undefined;
  return row && row.counted_minor !== null ? { ...row, counted_minor: row.counted_minor } : null;
}

/** The count that stands for a closed or counting shift: the recount if there is one. */
function standingCount(db: Db, shiftId: number) {
  return shiftCount(db, shiftId, 'recount') ?? shiftCount(db, shiftId, 'closing');
}

export function shiftState(ctx: ShiftContext): ShiftStateView {
  const registerId = ctx.settings.registerId;
  const live = liveShift(ctx.db, registerId);
  const carry = live ? null : carryOverFrom(ctx.db, registerId);
  return {
    shift: live ? shiftView(ctx.db, live) : null,
    denominations: storeDenominations(ctx.settings),
    carryOver: carry ? { shiftId: carry.id, amountMinor: carry.counted_minor } : null,
    closing: live && live.state === 'counting' ? countResult(ctx.db, live) : null,
  };
}

function insertCount(
  db: Db,
  shiftId: number,
  purpose: 'opening' | 'closing' | 'recount',
  counts: DenominationCountView[],
  total: number,
  operatorId: number,
  now: number,
): number {
  const info = sql(db, 'INSERT INTO cash_counts (shift_id, purpose, counts, total_minor, operator_id, counted_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    shiftId,
    purpose,
    JSON.stringify(counts),
    total,
    operatorId,
    now,
  );
  return Number(info.lastInsertRowid);
}

export function openShift(ctx: ShiftContext, float: { kind: 'counted'; counts: DenominationCountView[] } | { kind: 'carried' }): ShiftView {
  const { db, settings, now } = ctx;
  return db.transaction(() => {
    assertFullDurability(db);
    const registerId = settings.registerId;
    const live = liveShift(db, registerId);
    if (live) throw new ServiceError('shift.already_open', { shiftId: live.id, state: live.state });
    let counted: { counts: DenominationCountView[]; totalMinor: number };
    let carriedFrom: number | null = null;
    if (float.kind === 'counted') counted = countTotal(float.counts, storeDenominations(settings));
    else {
      const last = carryOverFrom(db, registerId);
      const count = last ? standingCount(db, last.id) : null;
      if (!last || !count) throw new ServiceError('shift.nothing_to_carry');
      counted = { counts: count.counts, totalMinor: last.counted_minor };
      carriedFrom = last.id;
    }
    const businessDay = businessDayOfNewDocument(now, businessDayRule(settings), lastClosedDay(db, registerId));
    const info = sql(
      db,
      "INSERT INTO shifts (register_id, business_day, operator_id, opened_at, float_minor, float_source, carried_from_shift_id, state) VALUES (?, ?, ?, ?, ?, ?, ?, 'open')",
    ).run(registerId, businessDay, ctx.actor.id, now, counted.totalMinor, float.kind, carriedFrom);
    const shiftId = Number(info.lastInsertRowid);
    insertCount(db, shiftId, 'opening', counted.counts, counted.totalMinor, ctx.actor.id, now);
    appendJournal(
      db,
      'shift.opened',
      {
        shiftId,
        registerId,
        businessDay,
        operatorId: ctx.actor.id,
        floatMinor: counted.totalMinor,
        floatSource: float.kind,
        counts: counted.counts,
        carriedFromShiftId: carriedFrom,
      },
      now,
    );
    return shiftView(db, findShift(db, shiftId));
  })();
}

function countResult(db: Db, row: ShiftRow): ShiftCountResultView {
  const expected = frozenExpected(row);
  const count = shiftCount(db, row.id, 'closing');
  if (!expected || !count || row.counted_minor === null || row.difference_minor === null) throw new ServiceError('shift.not_counting', { shiftId: row.id });
  const recount = shiftCount(db, row.id, 'recount');
  return {
    shift: shiftView(db, row),
    expected,
    count,
    recount,
    countedMinor: row.counted_minor,
    differenceMinor: row.difference_minor,
    recountAllowed: row.state === 'counting' && recount === null,
  };
}

function registerShift(ctx: ShiftContext, shiftId: number): ShiftRow {
  const row = findShift(ctx.db, shiftId);
  if (row.register_id !== ctx.settings.registerId) throw new ServiceError('shift.not_found', { shiftId });
  return row;
}

/**
 * Money still on its way into the drawer: a sale with a payment but not completed, or a card
 * payment whose outcome is not known. Counting now would count cash the shift cannot explain.
 */
function refuseWhileSaleInProgress(db: Db, registerId: string): void {
  const paying = sql(
    db,
    "SELECT d.id FROM documents d WHERE d.register_id = ? AND d.status = 'open' AND EXISTS (SELECT 1 FROM payments p WHERE p.document_id = d.id) LIMIT 1",
  ).get(registerId) as { id: string } | undefined;
  const card = sql(
    db,
    "SELECT i.sale_id AS id FROM card_intents i JOIN documents d ON d.id = i.sale_id WHERE d.register_id = ? AND i.state IN ('created', 'sent', 'in_progress', 'unknown') LIMIT 1",
  ).get(registerId) as { id: string } | undefined;
  const id = paying?.id ?? card?.id;
  if (id) throw new ServiceError('shift.sale_in_progress', { saleId: id });
}

/** The blind count: the first freezes the expected cash and ends selling; a second is the one recount. */
export function countShift(ctx: ShiftContext, shiftId: number, counts: DenominationCountView[]): ShiftCountResultView {
  const { db, now } = ctx;
  return db.transaction(() => {
    assertFullDurability(db);
    const row = registerShift(ctx, shiftId);
    const counted = countTotal(counts, storeDenominations(ctx.settings));
    if (row.state === 'closed') throw new ServiceError('shift.not_open', { state: row.state });
    if (row.state === 'open') {
      refuseWhileSaleInProgress(db, row.register_id);
      const expected = shiftCashTerms(db, row);
      const difference = overShort(counted.totalMinor, expected);
      const countId = insertCount(db, row.id, 'closing', counted.counts, counted.totalMinor, ctx.actor.id, now);
      sql(db, "UPDATE shifts SET state = 'counting', expected_minor = ?, expected = ?, counted_minor = ?, difference_minor = ? WHERE id = ?").run(
        expected.expectedMinor,
        JSON.stringify(expected),
        counted.totalMinor,
        difference,
        row.id,
      );
      appendJournal(
        db,
        'shift.counted',
        {
          shiftId: row.id,
          countId,
          purpose: 'closing',
          operatorId: ctx.actor.id,
          counts: counted.counts,
          totalMinor: counted.totalMinor,
          expectedMinor: expected.expectedMinor,
          differenceMinor: difference,
        },
        now,
      );
    } else {
      if (shiftCount(db, row.id, 'recount')) throw new ServiceError('shift.recount_used', { shiftId: row.id });
      const expected = frozenExpected(row);
      if (!expected) throw new ServiceError('shift.not_counting', { shiftId: row.id });
      const difference = overShort(counted.totalMinor, expected);
      const countId = insertCount(db, row.id, 'recount', counted.counts, counted.totalMinor, ctx.actor.id, now);
      sql(db, 'UPDATE shifts SET counted_minor = ?, difference_minor = ? WHERE id = ?').run(counted.totalMinor, difference, row.id);
      appendJournal(
        db,
        'shift.counted',
        {
          shiftId: row.id,
          countId,
          purpose: 'recount',
          operatorId: ctx.actor.id,
          counts: counted.counts,
          totalMinor: counted.totalMinor,
          expectedMinor: expected.expectedMinor,
          differenceMinor: difference,
        },
        now,
      );
    }
    return countResult(db, findShift(db, row.id));
  })();
}

/** Confirms the standing count: the shift closes with its over/short as it is. */
export function closeShift(ctx: ShiftContext, shiftId: number): ShiftCountResultView {
  const { db, now } = ctx;
  return db.transaction(() => {
    assertFullDurability(db);
    const row = registerShift(ctx, shiftId);
    if (row.state !== 'counting') throw new ServiceError('shift.not_counting', { shiftId, state: row.state });
    const expected = frozenExpected(row);
    if (!expected) throw new ServiceError('shift.not_counting', { shiftId });
    sql(db, "UPDATE shifts SET state = 'closed', closed_at = ?, closed_by = ? WHERE id = ?").run(now, ctx.actor.id, row.id);
    appendJournal(
      db,
      'shift.closed',
      {
        shiftId: row.id,
        registerId: row.register_id,
        operatorId: ctx.actor.id,
        expected,
        countedMinor: row.counted_minor,
        differenceMinor: row.difference_minor,
        forced: false,
        reason: null,
      },
      now,
    );
    return countResult(db, findShift(db, row.id));
  })();
}

/**
 * The day close ends a shift nobody closed. A shift already counted keeps its count and
 * difference; one never counted closes with its expected cash and no count: its over/short is
 * unknown, not zero. Runs inside the Z's transaction.
 */
export function forceCloseShift(db: Db, row: ShiftRow, reason: string, operatorId: number, now: number): void {
  if (row.state === 'closed') return;
  const expected = row.state === 'counting' ? frozenExpected(row) : shiftCashTerms(db, row);
  if (!expected) throw new ServiceError('shift.not_counting', { shiftId: row.id });
  sql(db, "UPDATE shifts SET state = 'closed', expected_minor = ?, expected = ?, closed_at = ?, closed_by = ?, force_reason = ? WHERE id = ?").run(
    expected.expectedMinor,
    JSON.stringify(expected),
    now,
    operatorId,
    reason,
    row.id,
  );
  appendJournal(
    db,
    'shift.closed',
    {
      shiftId: row.id,
      registerId: row.register_id,
      operatorId,
      expected,
      countedMinor: row.counted_minor,
      differenceMinor: row.difference_minor,
      forced: true,
      reason,
    },
    now,
  );
}
