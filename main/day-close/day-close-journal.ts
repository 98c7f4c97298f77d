// Journal kinds of the day close (see ledger/journal-payloads.ts).
import type { CardReconciliationView } from '../../preload/contract/day-close-views';

declare module '../ledger/journal-payloads' {
  interface JournalPayloads {
    /** The Z: the business day is closed; nothing may join it from now on. */
    'day.closed': {
      zId: number;
      zNo: number;
      registerId: string;
      businessDay: string;
      operatorId: number;
      firstReceiptNo: number | null;
      lastReceiptNo: number | null;
      documentCount: number;
      netMinor: number;
      grandTotalBeforeMinor: number;
      grandTotalAfterMinor: number;
      overShortMinor: number;
      shiftIds: number[];
      reconciliation: { status: CardReconciliationView['status']; batchIds: number[]; differences: number; skipReason: string | null };
    };
    'z.reprinted': { zId: number; zNo: number; copyNo: number; operatorId: number; jobId: number };
    'x.printed': { scope: 'shift' | 'day'; businessDay: string; shiftId: number | null; operatorId: number; jobId: number };
  }
}

export {};
