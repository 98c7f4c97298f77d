// Ending a shift: the blind count (the first freezes the expected cash and ends selling, a second
// is the one recount), the confirmation that closes it, and the close the day close forces.
import type { DenominationCountView, ExpectedCashView, ShiftCountResultView } from '../../preload/contract/shift-views';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { openDocumentWithMoney } from '../documents/open-with-money';
import { assertFullDurability } from '../ledger/durability';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { countTotal, storeDenominations } from './denominations';
import { overShort } from './expected-cash';
import { countResult, findShift, frozenExpected, insertCount, shiftCount, type ShiftRow } from './shift-rows';
import { shiftCashTerms } from './shift-cash-terms';
import type { ShiftContext } from './shifts';

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
  const paying = openDocumentWithMoney(db, registerId);
  // A return or void with part of its money back is finished on the return screen, not by "completing a sale".
  if (paying && paying.kind !== 'sale') throw new ServiceError('shift.correction_in_progress', { correctionId: paying.id });
  const card = sql(
    db,
    "SELECT i.sale_id AS id FROM card_intents i JOIN documents d ON d.id = i.sale_id WHERE d.register_id = ? AND i.state IN ('created', 'sent', 'in_progress', 'unknown') LIMIT 1",
  ).get(registerId) as { id: string } | undefined;
  const id = paying?.id ?? card?.id;
  if (id) throw new ServiceError('shift.sale_in_progress', { saleId: id });
}

/** The blind count: the first freezes the expected cash and ends selling; a second is the one recount. */
export function countShift(ctx: ShiftContext, shiftId: number, counts: DenominationCountView[]): ShiftCountResultView {
  const { db } = ctx;
  return db.transaction(() => {
    assertFullDurability(db);
    const row = registerShift(ctx, shiftId);
    const counted = countTotal(counts, storeDenominations(ctx.settings));
    if (row.state === 'closed') throw new ServiceError('shift.not_open', { state: row.state });
    if (row.state === 'open') {
      refuseWhileSaleInProgress(db, row.register_id);
      const expected = shiftCashTerms(db, row);
      recordCount(ctx, row.id, 'closing', counted, expected, (difference) =>
        sql(db, "UPDATE shifts SET state = 'counting', expected_minor = ?, expected = ?, counted_minor = ?, difference_minor = ? WHERE id = ?").run(
          expected.expectedMinor,
          JSON.stringify(expected),
          counted.totalMinor,
          difference,
          row.id,
        ),
      );
    } else {
      if (shiftCount(db, row.id, 'recount')) throw new ServiceError('shift.recount_used', { shiftId: row.id });
      const expected = frozenExpected(row);
      if (!expected) throw new ServiceError('shift.not_counting', { shiftId: row.id });
      recordCount(ctx, row.id, 'recount', counted, expected, (difference) =>
        sql(db, 'UPDATE shifts SET counted_minor = ?, difference_minor = ? WHERE id = ?').run(counted.totalMinor, difference, row.id),
      );
    }
    return countResult(db, findShift(db, row.id));
  })();
}

/**
 * Stores a closing count or the recount with its journal entry; `update` writes the count's
 * result (and, for the first count, the frozen expected cash) onto the shift in between.
 */
function recordCount(
  ctx: ShiftContext,
  shiftId: number,
  purpose: 'closing' | 'recount',
  counted: { counts: DenominationCountView[]; totalMinor: number },
  expected: ExpectedCashView,
  update: (differenceMinor: number) => void,
): void {
  const difference = overShort(counted.totalMinor, expected);
  const countId = insertCount(ctx.db, shiftId, purpose, counted.counts, counted.totalMinor, ctx.actor.id, ctx.now);
  update(difference);
  appendJournal(
    ctx.db,
    'shift.counted',
    {
      shiftId,
      countId,
      purpose,
      operatorId: ctx.actor.id,
      counts: counted.counts,
      totalMinor: counted.totalMinor,
      expectedMinor: expected.expectedMinor,
      differenceMinor: difference,
    },
    ctx.now,
  );
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
