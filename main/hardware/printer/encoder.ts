// ReceiptDocument + PrinterProfile → ESC/POS bytes. receiptline lays out and encodes the text
// (Kanji mode, GB18030, column maths); we add what it lacks through its command-set hook:
// native QR, a mode without FS commands, and the drawer kick.
import { commands, transform, type BaseCommand, type Encoding } from 'receiptline';
import type { ReceiptDocument } from './receipt-document';
import { profileColumns, type PrinterProfile } from './printer-profile';
import { drawerKick, nativeQr, printDensity, toBinaryString } from './escpos-commands';
import { toReceiptLine } from './receiptline-markup';
import { dropRedundantCommands } from './escpos-state-pass';

function commandSet(profile: PrinterProfile): BaseCommand {
  const base = commands[profile.commandSet];
  const overrides: Partial<BaseCommand> = {};
  if (profile.qr === 'native') {
    overrides.qrcode = (symbol) => {
      if (symbol.data.length === 0) return '';
      return toBinaryString(nativeQr(Buffer.from(symbol.data, 'utf8'), symbol.cell, symbol.level));
    };
  }
  if (!profile.kanjiMode) {
    // Printers fixed in Chinese mode (or without FS commands): no FS & / FS . / FS C, and
    // ASCII rules, because a rule glyph byte ≥ 0x80 would be read as half a Chinese character.
    const stripFs = (s: string): string => s.replace(/\x1c[&.]/g, '').replace(/\x1cC[\x00-\x02\x30-\x32]/g, '');
    overrides.open = function (this: BaseCommand, printer) {
      return stripFs(base.open.call(this, printer));
    };
    overrides.text = function (this: BaseCommand, text: string, encoding: Encoding) {
      return stripFs(base.text.call(this, text, encoding));
    };
    overrides.hr = (width: number) => '-'.repeat(width);
  }
  if (profile.density !== undefined && profile.density !== 0) {
    // After receiptline's ESC @ (which resets the printer), so the setting holds for this job.
    const density = toBinaryString(printDensity(profile.density));
    const open = overrides.open ?? base.open;
    overrides.open = function (this: BaseCommand, printer) {
      return open.call(this, printer) + density;
    };
  }
  return Object.assign({}, base, overrides);
}

export interface EncodeOptions {
  /** Override the document's drawer decision (e.g. a "no sale" opening prints nothing). */
  openDrawer?: boolean;
  /** The bytes as receiptline wrote them, without escpos-state-pass.ts (to compare the two). */
  keepRedundant?: boolean;
}

export function encodeReceipt(doc: ReceiptDocument, profile: PrinterProfile, options: EncodeOptions = {}): Buffer {
  const columns = profileColumns(profile);
  const markup = toReceiptLine(doc, { columns, encoding: profile.encoding, qrCell: profile.qrCell });
  const body = transform(markup, {
    cpl: columns,
    encoding: profile.encoding,
    command: commandSet(profile),
    cutting: profile.cut,
    // Text, rules and codes: no dithering (it would blur the QR).
    gradient: false,
  });
  const parts = [Buffer.from(body, 'binary')];
  // Kick first: the drawer opens while the receipt prints, as cashiers expect.
  if (options.openDrawer ?? doc.openDrawer) {
    const { pin, onMs, offMs } = profile.drawer;
    parts.unshift(Buffer.from(drawerKick(pin, onMs, offMs)));
  }
  const bytes = Buffer.concat(parts);
  return options.keepRedundant ? bytes : dropRedundantCommands(bytes);
}
