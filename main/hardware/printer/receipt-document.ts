// A receipt document is what the paper says, as plain data: no bytes, no markup, no I/O.
// The same document becomes ESC/POS bytes, plain text (golden tests) and SVG (preview), so
// what the cashier sees on screen is what the printer prints.
import type { Locale } from '../../../preload/contract/primitives';

export type ReceiptAlign = 'left' | 'center' | 'right';

export type ReceiptBlock =
  /** One line of text (wrapped by the layout when it is too long). */
  | { kind: 'text'; text: string; align: ReceiptAlign; bold?: boolean; tall?: boolean; inverted?: boolean }
  /** A label on the left and a value (usually an amount) flush right. */
  | { kind: 'row'; left: string; right: string; bold?: boolean; tall?: boolean; indent?: boolean }
  | { kind: 'rule' }
  | { kind: 'blank' }
  | { kind: 'qr'; data: string }
  /** A picture (the store's logo): a PNG in base64, printed as a raster image. */
  | { kind: 'image'; png: string }
  /** A Code 128 barcode with its text underneath (operator badges). */
  | { kind: 'code128'; data: string }
  /** A blank line to sign on, with its label underneath. */
  | { kind: 'signature'; label: string; note: string };

export type ReceiptKind = 'sale' | 'refund' | 'void' | 'merchant-slip' | 'test-page' | 'x-report' | 'z-report' | 'cash-slip' | 'badge';

export interface ReceiptDocument {
  kind: ReceiptKind;
  locale: Locale;
  currency: string;
  /** The ledger document's id (UUID) or a synthetic id for test pages. */
  documentId: string;
  /** Set on reprints: the duplicate's copy number (1 = first reprint). */
  duplicateCopy: number | null;
  /**
   * Whether printing this document should kick the drawer. Decided by the model (a cash
   * tender and the store's setting), never on reprints, so the encoder only obeys.
   */
  openDrawer: boolean;
  blocks: ReceiptBlock[];
}
