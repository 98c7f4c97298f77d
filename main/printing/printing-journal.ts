// Journal kinds of printing and the drawer (see ledger/journal-payloads.ts).
import type { PrinterConfigView, PrintJobState } from '../../preload/contract/printer';

interface JobChange {
  jobId: number;
  kind: string;
  saleId: string | null;
  copyNo: number;
  operatorId: number;
}

declare module '../ledger/journal-payloads' {
  interface JournalPayloads {
    'receipt.reprinted': { saleId: string; registerId: string; receiptNo: number | null; copyNo: number; operatorId: number; jobId: number };
    /** A drawer opened without a sale (no sale), with its reason and who approved it. */
    'drawer.opened': { reason: string; operatorId: number; approverId: number | null; jobId: number; noSale: true };
    /** A drawer kick that could not reach the printer in time: dropped, never sent later (drawer-jobs.ts). */
    'drawer.not_opened': { jobId: number; saleId: string | null; reason: string | null; cause: string };
    'print.job_retried': JobChange & { from: PrintJobState };
    'print.job_cancelled': JobChange;
    'printer.config_changed': { operatorId: number | null; from: PrinterConfigView; to: PrinterConfigView };
  }
}
