// 交接差额: the float counted at an open against the previous close's count that business day
// (shift/handover.ts). Between the two nothing can be booked, so a difference is cash that left
// the drawer (or came into it) between two people with no record.
import type { HandoverFact } from './fraud-facts';
import { draft, type AlertDraft, type RuleContext } from './fraud-rule-kit';

/** From the owner's amount on, short or over; the alert names who closed, who opened and both counts. */
export function handoverDifference(fact: HandoverFact, ctx: RuleContext): AlertDraft[] {
  const t = ctx.thresholds.handover_difference;
  if (!t.enabled || fact.differenceMinor === 0 || Math.abs(fact.differenceMinor) < t.minMinor) return [];
  const closedBy = ctx.history.shiftClosedBy(fact.previousShiftId);
  return [
    draft(fact, 'handover_difference', { kind: 'register', registerId: fact.registerId }, ctx, [fact], {
      shiftId: fact.shiftId,
      previousShiftId: fact.previousShiftId,
      previousCountedMinor: fact.previousCountedMinor,
      floatMinor: fact.floatMinor,
      differenceMinor: fact.differenceMinor,
      minMinor: t.minMinor,
      openedByOperatorId: fact.operatorId,
      // -1: a close with no shift.closed entry (never so today; the words then say "unknown").
      closedByOperatorId: closedBy ?? -1,
    }),
  ];
}
