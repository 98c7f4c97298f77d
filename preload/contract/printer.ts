// Receipt printing, the print queue, the cash drawer and hardware status.
import { z } from 'zod';
import { call } from './define';
import type { HardwareStatus } from './events';
import type { CashMovementKind } from './shift-views';
import { approval, id, receiptCode, shortText, timeZone, uuid } from './primitives';
import { printerProfileSchema, transportConfigSchema, type PrinterProfile, type TransportConfigOutput } from './printer-schemas';

const terminalReceiptLines = z.enum(['none', 'merchant', 'both']);

export const printerConfigSchema = z
  .object({
    /** Off = this register prints nothing and opens no drawer (no jobs pile up for later). */
    enabled: z.boolean(),
    transport: transportConfigSchema.nullable(),
    profile: printerProfileSchema,
    /** The zone receipts are dated in when it is not the store's own (settings' timeZone); absent = the store's. */
    timeZone: timeZone.optional(),
    /**
     * Which copies repeat the card terminal's own receipt text: none (default; our card block
     * already prints what the slip needs), the merchant copy, or both. Its signature lines never are.
     */
    terminalReceiptLines: terminalReceiptLines.default('none'),
  })
  .strict()
  .refine((c) => !c.enabled || c.transport !== null, { message: 'an enabled printer needs a transport', path: ['transport'] });

export interface PrinterConfigView {
  enabled: boolean;
  transport: TransportConfigOutput | null;
  profile: PrinterProfile;
  timeZone?: string | undefined;
  terminalReceiptLines: z.output<typeof terminalReceiptLines>;
}

export type PrintJobState = 'queued' | 'sending' | 'printed' | 'cancelled';

export interface PrintJobView {
  id: number;
  /** report: an X or Z report or a cash slip, its paper stored with the job. */
  kind: 'receipt' | 'drawer' | 'report';
  saleId: string | null;
  receiptNo: number | null;
  /** 0 = original; n = the n-th duplicate (reprint). */
  copyNo: number;
  state: PrintJobState;
  attempts: number;
  /** Error code of the last failed attempt (translated under errors.). */
  lastError: string | null;
  reason: string | null;
  /** What the job puts on paper (or opens), in the terms an owner looks for it by; the queue names jobs from this. */
  paper: PrintJobPaper;
  createdAt: number;
  finishedAt: number | null;
}

/** A document a job prints or opens the drawer for, with its number as printed (R1-000001, R1-T-000001 in training). */
export interface PrintJobDocument {
  kind: 'sale' | 'refund' | 'void';
  receiptNo: string;
}

export type PrintJobPaper =
  /** A document's receipt; a duplicate when the job's copyNo > 0. */
  | { what: 'receipt'; document: PrintJobDocument | null }
  /** The drawer kick of a sale, refund or void. */
  | { what: 'drawer'; document: PrintJobDocument | null }
  /** "No sale": the drawer opened with the reason given (in `reason`). */
  | { what: 'noSale' }
  /** An X report, of the shift or of the business day. */
  | { what: 'x'; scope: 'shift' | 'day' }
  /** Z report number zNo; a copy when the job's copyNo > 0. */
  | { what: 'z'; zNo: number }
  /** A cash movement's slip, or its drawer kick. */
  | { what: 'cashSlip' | 'cashDrawer'; movement: CashMovementKind | null; amountMinor: number | null }
  /** Paper of a kind this version does not know (written by a newer one). */
  | { what: 'other' };

export interface ReceiptPreviewView {
  saleId: string;
  registerId: string;
  receiptNo: number | null;
  /** The customer receipt as SVG, the same layout the printer gets. */
  svg: string;
  copyNo: number;
  /** How many duplicates have been printed or queued so far. */
  reprints: number;
}

export interface TestPageView {
  bytes: number;
  /** Warnings the printer reported while it printed (e.g. paper near end). */
  problems: string[];
}

/** 0 / absent = the original; n = how the n-th duplicate looks. */
const copyNo = z.number().int().min(0).max(10_000).optional();
const receiptRef = z.union([
  z.object({ saleId: uuid, copyNo }).strict(),
  z.object({ receiptNo: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), copyNo }).strict(),
  z.object({ code: receiptCode, copyNo }).strict(),
]);

export const printerCalls = {
  'printer.getConfig': call<PrinterConfigView>()(z.object({}).strict()),
  'printer.setConfig': call<PrinterConfigView>()(printerConfigSchema),
  /** Prints a test page with the given (possibly unsaved) settings, or the saved ones. */
  'printer.testPage': call<TestPageView>()(z.object({ transport: transportConfigSchema.optional(), profile: printerProfileSchema.optional() }).strict()),
  'printer.jobs': call<PrintJobView[]>()(z.object({}).strict()),
  'printer.retryJob': call<PrintJobView>()(z.object({ jobId: id }).strict()),
  'printer.cancelJob': call<PrintJobView>()(z.object({ jobId: id }).strict()),
  'hardware.status': call<HardwareStatus>()(z.object({}).strict()),
  /** A completed receipt as SVG, by sale id or by this register's receipt number. */
  'receipt.preview': call<ReceiptPreviewView>()(receiptRef),
  /** Queues a duplicate marked "DUPLICATE / 重印 #n"; journalled. */
  'receipt.reprint': call<PrintJobView>()(z.object({ saleId: uuid }).strict()),
  /** "No sale": opens the drawer with a reason; a cashier needs a supervisor's approval. */
  'drawer.open': call<PrintJobView>()(z.object({ reason: shortText, approval: approval.optional() }).strict()),
};

/** Printer, receipt and drawer refusals. Each needs its translation in assets/locales (errors.json). */
export const printerErrors = [
  'printer.disabled',
  'printer.connect_timeout',
  'printer.connection_refused',
  'printer.unreachable',
  'printer.write_timeout',
  'printer.not_found',
  'printer.permission_denied',
  'printer.busy',
  'printer.io_error',
  'printer.paper_out',
  'printer.cover_open',
  'printer.offline',
  'printer.error',
  'printer.no_answer',
  'printer.job_not_found',
  'printer.job_not_retryable',
  'printer.job_not_cancellable',
  'printer.drawer_not_retryable',
  'printer.drawer_not_delivered',
  'printer.bad_serial_path',
  'printer.device_unsupported',
  'receipt.not_completed',
  'drawer.needs_supervisor',
] as const;
