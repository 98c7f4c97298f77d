// Journal kinds of shifts and the drawer's cash (see ledger/journal-payloads.ts).
import type { CashCountPurpose, CashMovementKind, DenominationCountView, ExpectedCashView } from '../../preload/contract/shift-views';

declare module '../ledger/journal-payloads' {
  interface JournalPayloads {
    'shift.opened': {
      shiftId: number;
      registerId: string;
      businessDay: string;
      operatorId: number;
      floatMinor: number;
      floatSource: 'counted' | 'carried';
      counts: DenominationCountView[];
      carriedFromShiftId: number | null;
    };
    /**
     * The float counted at an open differs from the previous close's count the same business day
     * (shift/handover.ts): cash left or entered the drawer between two shifts with nothing booked.
     */
    'shift.handover_differed': {
      shiftId: number;
      registerId: string;
      operatorId: number;
      previousShiftId: number;
      previousCountedMinor: number;
      floatMinor: number;
      differenceMinor: number;
    };
    /** A blind count (closing) or the one recount; the expected cash is journalled with it. */
    'shift.counted': {
      shiftId: number;
      countId: number;
      purpose: CashCountPurpose;
      operatorId: number;
      counts: DenominationCountView[];
      totalMinor: number;
      expectedMinor: number;
      differenceMinor: number;
    };
    'shift.closed': {
      shiftId: number;
      registerId: string;
      operatorId: number;
      expected: ExpectedCashView;
      countedMinor: number | null;
      differenceMinor: number | null;
      /** Closed by the day close without a confirmed count, and why. */
      forced: boolean;
      reason: string | null;
    };
    /** Paid-in, paid-out, safe drop, float top-up: the printer follows it with the drawer and a slip. */
    'cash.moved': {
      movementId: number;
      shiftId: number;
      registerId: string;
      kind: CashMovementKind;
      amountMinor: number;
      reason: string;
      operatorId: number;
    };
    /**
     * Cash asked of the drawer beyond what it should hold, refused (drawer-cash.ts). Journalled so
     * that probing the blind count's expected cash by refused amounts leaves a trace; the expected
     * cash itself is not written, or the journal would tell whoever reads it what the count hides.
     */
    'cash.out_refused': { operatorId: number; shiftId: number; asked: CashOutAsked; amountMinor: number };
  }
}

/** What the refused cash was for: a movement out of the drawer, or the cash part of a correction. */
export type CashOutAsked = 'paid_out' | 'safe_drop' | 'refund_cash' | 'void_cash';

// A module, so that the declaration above adds to the ledger's interface instead of declaring a new one.
export {};
