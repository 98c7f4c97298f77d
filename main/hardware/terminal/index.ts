// Public surface of the card-terminal module (ZVT). Services import from here only.
export { TerminalClient } from './client';
export type {
  TerminalClientOptions,
  TerminalTransaction,
  TerminalReceipt,
  TerminalStep,
  StepCallback,
  EndOfDayResult,
  TerminalStatus,
  ConnectionState,
} from './client';
export { matchRecoveredTransaction } from './recovery';
export { approvalMismatch, type ApprovalMismatch } from './approval-check';
export { terminalStatusKey, type StatusEnquiryCompletion } from './status-enquiry';
export type { PaymentIntent, RecoveryVerdict } from './recovery';
export type { StatusInformation, BatchTotals, BrandTotal, EntryMode } from './status-info';
export type { ReceiptLine, ReceiptType } from './pt-messages';
export type { TerminalResult, TerminalError, TerminalErrorCode } from './result';
export { createFrameLogger, formatLinkEvent, type FrameLogger, type LinkEvent } from './frame-logger';
export { ZVT_TIMEOUTS, type ZvtTimeouts } from './link';
export { ZVT_SERIAL_DEFAULTS, type SerialOptions } from './serial-transport';
export { ZVT_TCP_PORT, type TcpOptions } from './tcp-transport';
export { CURRENCY } from './commands';
export { resultKey, stepKey } from './codes';
export { maskPan } from './pan';
