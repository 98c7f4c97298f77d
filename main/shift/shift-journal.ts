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
  }
}

// A module, so that the declaration above adds to the ledger's interface instead of declaring a new one.
export {};
