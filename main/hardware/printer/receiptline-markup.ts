// ReceiptDocument → ReceiptLine markup. receiptline does the column maths (a Chinese character
// is two columns) and wrapping; this file only has to escape user text and say where
// columns go. One markup string feeds the ESC/POS, text and SVG outputs alike.
import { commands } from 'receiptline';
import type { ReceiptBlock, ReceiptDocument } from './receipt-document';
import type { PrinterEncoding } from './printer-profile';

export interface MarkupOptions {
  columns: number;
  encoding: PrinterEncoding;
  qrCell: number;
}

/**
 * '¥' (U+00A5) is a four-byte sequence in GB18030 (81 30 84 36) that most printer fonts
 * print as garbage; the full-width '￥' (U+FFE5, A3 A4) is in every GB font.
 */
export function normalizeForEncoding(text: string, encoding: PrinterEncoding): string {
  const gbLike = encoding === 'gb18030' || encoding === 'cp936' || encoding === 'big5' || encoding === 'cp950';
  return gbLike ? text.replace(/\u00a5/g, '\uffe5') : text;
}

/** Escape every character receiptline gives a meaning to, and drop control characters. */
export function escapeText(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/[\\|{}~_"`^\-=]/g, (c) => `\\${c}`);
}

/** Property values: receiptline has no `\:` escape, so separators go in as `\xNN`. */
export function escapeProperty(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/[\\|{}:;]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** Printed width in columns, as receiptline counts it for this encoding. */
export function measureColumns(text: string, encoding: PrinterEncoding): number {
  return commands.text.measureText(text, encoding);
}

/**
 * Break Latin text between words; receiptline breaks at the column edge, mid-word. Words wider
 * than the paper and CJK runs (no spaces) are left to receiptline's character wrapping.
 */
export function wrapWords(text: string, columns: number, encoding: PrinterEncoding): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/ +/)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && measureColumns(candidate, encoding) > columns) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current || lines.length === 0) lines.push(current);
  return lines;
}

function decorate(text: string, b: { bold?: boolean; tall?: boolean; inverted?: boolean }): string {
  // '^^' is double height only: it keeps the column count, so layout maths stays simple.
  return (b.inverted ? '`' : '') + (b.bold ? '"' : '') + (b.tall ? '^^' : '') + text;
}

export function toReceiptLine(doc: ReceiptDocument, opts: MarkupOptions): string {
  const out: string[] = [];
  let width = 'auto';
  const setWidth = (w: string): void => {
    if (w !== width) {
      out.push(`{w:${w}}`);
      width = w;
    }
  };
  const text = (s: string): string => escapeText(normalizeForEncoding(s, opts.encoding));

  const emit = (b: ReceiptBlock): void => {
    switch (b.kind) {
      case 'text': {
        setWidth('auto');
        for (const piece of wrapWords(normalizeForEncoding(b.text, opts.encoding), opts.columns, opts.encoding)) {
          const t = decorate(escapeText(piece), b);
          // receiptline aligns a single column by where its pipes are (the "magnet" rule).
          out.push(b.align === 'left' ? `|${t}` : b.align === 'right' ? `| ${t}` : `|${t}|`);
        }
        return;
      }
      case 'row': {
        const right = normalizeForEncoding(b.right, opts.encoding);
        // The value column is exactly as wide as the value, so only the label ever wraps; a
        // value only gives way (to half the paper) when label and value cannot share a line.
        const rightWidth = measureColumns(right, opts.encoding);
        const leftWidth = measureColumns(normalizeForEncoding(b.left, opts.encoding), opts.encoding) + (b.indent ? 2 : 0);
        const rightCols = leftWidth + 1 + rightWidth <= opts.columns ? rightWidth : Math.min(rightWidth, Math.floor(opts.columns / 2));
        setWidth(`*,${rightCols}`);
        const indent = b.indent ? '~~' : '';
        out.push(`|${indent}${decorate(text(b.left), b)} | ${decorate(escapeText(right), b)}|`);
        return;
      }
      case 'rule':
        out.push('---');
        return;
      case 'blank':
        setWidth('auto');
        out.push('|~');
        return;
      case 'qr':
        setWidth('auto');
        out.push(`{c:${escapeProperty(b.data)};o:qrcode,${opts.qrCell},m}`);
        return;
      case 'image':
        setWidth('auto');
        // receiptline centres the picture and sends it as a raster image (GS v 0 / GS 8 L).
        out.push(`{i:${b.png}}`);
        return;
      case 'code128':
        setWidth('auto');
        // Module width 2, 72 dots high, human-readable text below: scans from a badge at arm's length.
        out.push(`{c:${escapeProperty(b.data)};o:code128,2,72,hri}`);
        return;
      case 'signature': {
        setWidth('auto');
        out.push('|~', '|~', `|X${'\\_'.repeat(Math.max(8, opts.columns - 2))}`);
        out.push(`|${text(b.label)}|`, `|${text(b.note)}|`);
        return;
      }
    }
  };
  for (const b of doc.blocks) emit(b);
  return out.join('\n') + '\n';
}
