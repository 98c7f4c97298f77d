// What the ZVT client reports and how it is set up: the shapes callers see (steps, receipts,
// transactions, end-of-day, status) and the client's options.
import type { FrameLogger } from './frame-logger';
import type { LinkHooks, ZvtTimeouts } from './link';
import type { ReceiptLine, ReceiptType } from './pt-messages';
import type { BatchTotals, StatusInformation } from './status-info';

export interface TerminalStep {
  /** `terminal.step.<name>`, a translation key */
  key: string;
  /** The raw intermediate status byte, for diagnostics */
  status: number;
}

export type StepCallback = (step: TerminalStep) => void;

export interface TerminalReceipt {
  /** Print lines (06 D1) in arrival order */
  lines: ReceiptLine[];
  /** Text blocks (06 D3), each a whole receipt */
  blocks: { receiptType: ReceiptType; lines: ReceiptLine[] }[];
}

/** What the terminal reported for one transaction: status information plus its receipt. */
export interface TerminalTransaction extends StatusInformation {
  receipt: TerminalReceipt;
  steps: string[];
}

export interface EndOfDayResult {
  totalMinor: number;
  totals: BatchTotals | null;
  status: StatusInformation | null;
  receipt: TerminalReceipt;
}

/** What a Status-Enquiry's completion says ([S] §2.56.5). */
export interface TerminalStatus {
  terminalId: string | null;
  softwareVersion: string | null;
  /** Terminal status code ([S] §11): 00 ready, 9C please wait, F0 reconciliation required, ... */
  terminalStatus: number | null;
  /** `terminal.status.<name>` */
  terminalStatusKey: string;
  deviceName: string | null;
}

export type ConnectionState = 'disconnected' | 'connecting' | 'ready' | 'busy';

export interface TerminalClientOptions {
  password?: string;
  currency?: number;
  configByte?: number;
  timeouts?: Partial<ZvtTimeouts>;
  logger?: FrameLogger;
  hooks?: LinkHooks;
  onConnectionChange?: (state: ConnectionState) => void;
  /** Registration retries while the terminal answers busy (default 20, 250 ms apart). */
  registerAttempts?: number;
}
