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
      /**
       * Sum of the day's handover differences (cash missing or found between a close and the next
       * open of the same day). Absent in entries written before it was chained: readers treat that
       * as unknown (null), never as 0, since those days' handovers were not recorded here.
       */
      handoverMinor?: number;
      shiftIds: number[];
      reconciliation: { status: CardReconciliationView['status']; batchIds: number[]; differences: number; skipReason: string | null };
    };
    'z.reprinted': { zId: number; zNo: number; copyNo: number; operatorId: number; jobId: number };
    'x.printed': { scope: 'shift' | 'day'; businessDay: string; shiftId: number | null; operatorId: number; jobId: number };
  }
}

export {};
