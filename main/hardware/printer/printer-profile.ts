// What differs between printers, as settings data. Validated with zod because it arrives from
// the settings screen; defaults describe the common Chinese-market 80 mm thermal printer.

export { printerEncodings, paperColumns, printerProfileSchema, type PrinterEncoding, type PrinterProfile } from '../../../preload/contract/printer-schemas';
import { paperColumns, type PrinterProfile } from '../../../preload/contract/printer-schemas';

export const defaultPrinterProfile: PrinterProfile = {
  paper: '80mm',
  encoding: 'gb18030',
  kanjiMode: true,
  qr: 'native',
  qrCell: 4,
  cut: true,
  commandSet: 'escpos',
  drawer: { pin: 0, onMs: 50, offMs: 500, openLevel: 'high' },
};

export function profileColumns(p: Pick<PrinterProfile, 'paper' | 'columns'>): number {
  return p.paper === 'custom' ? (p.columns ?? 48) : paperColumns[p.paper];
}
