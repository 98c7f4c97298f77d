// Public surface of the printer module for the print queue, services and IPC.
export type { ReceiptDocument, ReceiptBlock, ReceiptKind } from './receipt-document';
export {
  buildReceipt,
  buildMerchantSlip,
  buildReceiptDocuments,
  receiptLocaleOf,
  receiptOpensDrawer,
  ReceiptModelError,
  type ReceiptOptions,
} from './receipt-model';
export { encodeReceipt, type EncodeOptions } from './encoder';
export { renderReceiptText, renderReceiptSvg } from './render';
export { printerProfileSchema, defaultPrinterProfile, profileColumns, type PrinterProfile, type PrinterEncoding } from './printer-profile';
export { parseStatus, isStatusByte, noAnswerStatus, type PrinterStatus, type PrinterProblem } from './status';
export { queryStatusOver, type StatusChannel, type StatusQueryOptions } from './status-reader';
export { drawerKickBytes, drawerKickFor, openDrawer, type DrawerKick } from './drawer';
export { printTestPage, printNow, buildTestPage, type TestPageResult } from './test-page';
export { createTransport, transportConfigSchema, type TransportConfig } from './transports/create-transport';
export type { PrinterTransport, TransportError, TransportErrorCode, TransportResult } from './transports/transport';
export { TcpTransport } from './transports/tcp';
export { SerialTransport } from './transports/serial';
export { DeviceFileTransport } from './transports/device-file';
export { FileSinkTransport } from './transports/file-sink';
