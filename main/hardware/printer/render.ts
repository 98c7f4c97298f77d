// The same receipt as plain text (golden files, logs, the virtual printer's echo) and SVG
// (on-screen preview). Both use the printer's columns and encoding so the preview wraps
// exactly where the paper does.
import { transform } from 'receiptline';
import type { ReceiptDocument } from './receipt-document';
import { defaultPrinterProfile, profileColumns, type PrinterProfile } from './printer-profile';
import { toReceiptLine } from './receiptline-markup';

type LayoutProfile = Pick<PrinterProfile, 'paper' | 'columns' | 'encoding' | 'qrCell'>;

function markup(doc: ReceiptDocument, profile: LayoutProfile): { markup: string; columns: number } {
  const columns = profileColumns(profile);
  return { markup: toReceiptLine(doc, { columns, encoding: profile.encoding, qrCell: profile.qrCell }), columns };
}

/**
 * Plain text, one line per printed line (each ending in '\n'), trailing spaces removed. A QR
 * code leaves an empty line where it is printed.
 */
export function renderReceiptText(doc: ReceiptDocument, profile: LayoutProfile = defaultPrinterProfile): string {
  const m = markup(doc, profile);
  const text = transform(m.markup, { cpl: m.columns, encoding: profile.encoding, command: 'text' });
  return text
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n');
}

/** SVG for the preview; width = columns × 12 px (receiptline's character cell). */
export function renderReceiptSvg(doc: ReceiptDocument, profile: LayoutProfile = defaultPrinterProfile): string {
  const m = markup(doc, profile);
  return transform(m.markup, { cpl: m.columns, encoding: profile.encoding, command: 'svg' });
}
