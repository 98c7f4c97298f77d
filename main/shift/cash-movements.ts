// Cash in and out of the drawer that is not a sale. Each movement is journalled in its own
// transaction; the printer follows the journal entry with the drawer kick and a slip.
import type { CashMovementKind, CashMovementView } from '../../preload/contract/shift-views';
import type { Role } from '../../preload/contract/primitives';
import type { Db } from '../ledger/database';
import { assertFullDurability } from '../ledger/durability';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { refuseCashInTraining } from '../training/training';
import { refuseCashOutBeyondDrawer } from './drawer-cash';
import { getMovement, requireOpenShift } from './shift-rows';
import type { ShiftContext } from './shifts';

export function moveCash(
  ctx: ShiftContext & { actor: { role: Role } },
  input: { kind: CashMovementKind; amountMinor: number; reason: string },
): CashMovementView {
  const { db, now } = ctx;
  return db.transaction(() => {
    refuseCashInTraining(db, ctx.settings.registerId, ctx.actor.id);
    assertFullDurability(db);
    const shift = requireOpenShift(db, ctx.settings.registerId);
    // A paid-out and a safe drop take cash out of the drawer; the other movements put it in.
    if (input.kind === 'paid_out' || input.kind === 'safe_drop')
      refuseCashOutBeyondDrawer(db, shift, { asked: input.kind, amountMinor: input.amountMinor, at: now }, ctx.actor);
    const info = sql(db, 'INSERT INTO cash_movements (shift_id, register_id, kind, amount_minor, reason, operator_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      shift.id,
      shift.register_id,
      input.kind,
      input.amountMinor,
      input.reason,
      ctx.actor.id,
      now,
    );
    const movementId = Number(info.lastInsertRowid);
    appendJournal(
      db,
      'cash.moved',
      {
        movementId,
        shiftId: shift.id,
        registerId: shift.register_id,
        kind: input.kind,
        amountMinor: input.amountMinor,
        reason: input.reason,
        operatorId: ctx.actor.id,
      },
      now,
    );
    return getMovement(db, movementId);
  })();
}

/** Movements of every shift taken in by one Z or running in a day, for the report. */
export function movementTotals(db: Db, shiftIds: readonly number[]): Record<CashMovementKind, { count: number; amountMinor: number }> {
  const totals: Record<CashMovementKind, { count: number; amountMinor: number }> = {
    paid_in: { count: 0, amountMinor: 0 },
    paid_out: { count: 0, amountMinor: 0 },
    safe_drop: { count: 0, amountMinor: 0 },
    float_top_up: { count: 0, amountMinor: 0 },
  };
  const statement = sql(db, 'SELECT kind, COUNT(*) AS n, SUM(amount_minor) AS amount FROM cash_movements WHERE shift_id = ? GROUP BY kind');
  for (const id of shiftIds) {
    for (const r of statement.all(id) as { kind: CashMovementKind; n: number; amount: number }[]) {
      totals[r.kind].count += r.n;
      totals[r.kind].amountMinor += r.amount;
    }
  }
  return totals;
}
