// A shift from opening float to confirmed count. Every step is one transaction with its journal
// entry; the count is blind: nothing the till can ask for shows the expected cash of an open
// shift, and the first count is what reveals it (and ends selling in that shift). Counting and
// closing are in shift-count.ts, the sums behind the expected cash in shift-cash-terms.ts.
import type { DenominationCountView, ShiftStateView, ShiftView } from '../../preload/contract/shift-views';
import type { StoreSettings } from '../../preload/contract/views';
import { businessDayRule } from '../business-day/business-day';
import { ServiceError } from '../common/service-error';
import { newDocumentDay } from '../day-close/closed-days';
import type { Db } from '../ledger/database';
import { assertFullDurability } from '../ledger/durability';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { countTotal, storeDenominations } from './denominations';
import { countResult, findShift, insertCount, liveShift, shiftCount, shiftView, type ShiftRow } from './shift-rows';

export interface ShiftContext {
  db: Db;
  now: number;
  settings: StoreSettings;
  actor: { id: number };
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
    const businessDay = newDocumentDay(db, registerId, businessDayRule(settings), now);
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
    const view = shiftView(db, findShift(db, shiftId));
    if (view.handover && view.handover.differenceMinor !== 0)
      appendJournal(db, 'shift.handover_differed', { shiftId, registerId, operatorId: ctx.actor.id, ...view.handover }, now);
    return view;
  })();
}
