// A pass over finished ESC/POS bytes that drops commands which leave the printer's state as it
// already is. receiptline opens every line with the full style reset (underline off, bold off,
// reverse off, size 1×1, margin, width, alignment, code page, Kanji mode), about 50 bytes a
// line: more than half of a Chinese receipt, seconds of a 9600-baud line. Dropping a command
// that sets a state to the value it already has cannot change what is printed; the tests decode
// the stream before and after with the project's own decoder and compare the paper.
//
// Conservative by construction: it knows each command's length (so data inside QR codes and
// images is never read as commands) and hands back the bytes unchanged at the first command it
// does not know. ESC @ and ESC ! forget what they reset, so the setting after them is kept.

// Parameter bytes after `prefix letter` for the fixed-length commands that may appear.
const FIXED: Record<number, Record<number, number>> = {
  0x1b: {
    0x40: 0, // ESC @ initialise
    0x61: 1, // ESC a justification
    0x4d: 1, // ESC M font
    0x20: 1, // ESC SP right-side character spacing
    0x32: 0, // ESC 2 default line spacing
    0x33: 1, // ESC 3 line spacing
    0x7b: 1, // ESC { upside down
    0x2d: 1, // ESC - underline
    0x45: 1, // ESC E emphasised
    0x47: 1, // ESC G double-strike
    0x74: 1, // ESC t code table
    0x24: 2, // ESC $ absolute position
    0x5c: 2, // ESC \ relative position
    0x70: 3, // ESC p drawer pulse
    0x64: 1, // ESC d feed n lines
    0x4a: 1, // ESC J feed n dots
    0x52: 1, // ESC R international character set
    0x21: 1, // ESC ! print mode
    0x56: 1, // ESC V 90° rotation
    0x72: 1, // ESC r colour
    0x55: 1, // ESC U unidirectional
    0x3d: 1, // ESC = peripheral device
    0x42: 2, // ESC B buzzer
    0x63: 2, // ESC c n1 n2 (paper sensors, panel keys)
    0x44: 0, // ESC D tab positions: the list that follows is NUL-terminated, see below
    0x69: 0, // ESC i partial cut
    0x6d: 0, // ESC m partial cut
  },
  0x1d: {
    0x21: 1, // GS ! character size
    0x42: 1, // GS B reverse
    0x4c: 2, // GS L left margin
    0x57: 2, // GS W print area width
    0x61: 1, // GS a automatic status back
    0x72: 1, // GS r transmit status
    0x77: 1, // GS w barcode width
    0x68: 1, // GS h barcode height
    0x48: 1, // GS H HRI position
    0x66: 1, // GS f HRI font
    0x62: 1, // GS b smoothing
    0x49: 1, // GS I printer id
    0x50: 2, // GS P motion units
    0x5c: 2, // GS \ relative vertical position
  },
  0x1c: {
    0x26: 0, // FS & Kanji mode on
    0x2e: 0, // FS . Kanji mode off
    0x43: 1, // FS C Kanji code system
    0x2d: 1, // FS - Kanji underline
    0x53: 2, // FS S Kanji spacing
    0x21: 1, // FS ! Kanji print mode
    0x57: 1, // FS W Kanji quadruple size
  },
};

// Commands that set one piece of state, keyed by prefix << 8 | letter; the value names the piece
// (ESC 2 and ESC 3 both set the line spacing, FS & and FS . both the Kanji mode).
const STATE_SLOT = new Map<number, string>([
  [0x1b61, 'justification'],
  [0x1b4d, 'font'],
  [0x1b20, 'right-spacing'],
  [0x1b32, 'line-spacing'],
  [0x1b33, 'line-spacing'],
  [0x1b7b, 'upside-down'],
  [0x1b2d, 'underline'],
  [0x1b45, 'emphasised'],
  [0x1b47, 'double-strike'],
  [0x1b74, 'code-table'],
  [0x1b52, 'charset'],
  [0x1b56, 'rotation'],
  [0x1b72, 'colour'],
  [0x1d21, 'size'],
  [0x1d42, 'reverse'],
  [0x1d4c, 'left-margin'],
  [0x1d57, 'print-width'],
  [0x1c26, 'kanji-mode'],
  [0x1c2e, 'kanji-mode'],
  [0x1c43, 'kanji-code'],
  [0x1c2d, 'kanji-underline'],
  [0x1c53, 'kanji-spacing'],
  [0x1c21, 'kanji-print-mode'],
  [0x1c57, 'kanji-quadruple'],
]);

// Settings a printer takes only at the start of a line (ignored elsewhere): tracked only there.
const LINE_START_ONLY = new Set(['justification', 'left-margin', 'print-width']);

// ESC ! and FS ! set several of the pieces above at once; after them those pieces are unknown.
const PRINT_MODE_PIECES = ['font', 'emphasised', 'underline', 'size'];
const KANJI_MODE_PIECES = ['kanji-underline', 'kanji-quadruple', 'size'];

/** Bytes of the command starting at `i` (prefix included), or -1 when it is not one we know. */
function commandLength(bytes: Uint8Array, i: number): number {
  const prefix = bytes[i] ?? 0;
  const letter = bytes[i + 1];
  if (letter === undefined) return -1;
  if (prefix === 0x10) return letter === 0x14 ? 5 : letter === 0x04 || letter === 0x05 ? 3 : -1;
  if (prefix === 0x1b && letter === 0x44) {
    // ESC D n1 ... nk NUL
    const end = bytes.indexOf(0, i + 2);
    return end < 0 ? -1 : end - i + 1;
  }
  if (prefix === 0x1d && letter === 0x56) {
    // GS V m, or GS V m n for the feed-and-cut forms
    const m = bytes[i + 2];
    if (m === undefined) return -1;
    return [65, 66, 97, 98, 103, 104].includes(m) ? 4 : 3;
  }
  if ((prefix === 0x1d || prefix === 0x1c) && letter === 0x28) {
    // GS ( x pL pH ... / FS ( x pL pH ...
    if (i + 4 >= bytes.length) return -1;
    return 5 + ((bytes[i + 3] ?? 0) | ((bytes[i + 4] ?? 0) << 8));
  }
  if (prefix === 0x1d && letter === 0x76) {
    // GS v 0 m xL xH yL yH data: x bytes × y rows
    if (i + 7 >= bytes.length) return -1;
    const x = (bytes[i + 4] ?? 0) | ((bytes[i + 5] ?? 0) << 8);
    const y = (bytes[i + 6] ?? 0) | ((bytes[i + 7] ?? 0) << 8);
    return 8 + x * y;
  }
  if (prefix === 0x1d && letter === 0x38) {
    // GS 8 L p1 p2 p3 p4 ...: a 32-bit length
    if (i + 6 >= bytes.length) return -1;
    const p = ((bytes[i + 3] ?? 0) | ((bytes[i + 4] ?? 0) << 8) | ((bytes[i + 5] ?? 0) << 16)) + (bytes[i + 6] ?? 0) * 0x1000000;
    return 7 + p;
  }
  if (prefix === 0x1d && letter === 0x6b) {
    // GS k m d1...dk NUL (m ≤ 6) or GS k m n d1...dn
    const m = bytes[i + 2];
    if (m === undefined) return -1;
    if (m <= 6) {
      const end = bytes.indexOf(0, i + 3);
      return end < 0 ? -1 : end - i + 1;
    }
    const n = bytes[i + 3];
    return n === undefined ? -1 : 4 + n;
  }
  const params = FIXED[prefix]?.[letter];
  return params === undefined ? -1 : 2 + params;
}

function same(bytes: Uint8Array, a: number, b: number, length: number): boolean {
  for (let k = 0; k < length; k++) if (bytes[a + k] !== bytes[b + k]) return false;
  return true;
}

/**
 * `bytes` without the commands that would not change the printer's state. Returns `bytes`
 * itself when it meets anything it does not know.
 */
export function dropRedundantCommands(bytes: Buffer): Buffer {
  const out = Buffer.allocUnsafe(bytes.length);
  let n = 0;
  // Per piece of state: offset and length of the command that last set it (in `bytes`).
  const state = new Map<string, { at: number; length: number }>();
  let lineStart = true;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] ?? 0;
    if (b === 0x1b || b === 0x1d || b === 0x1c || b === 0x10) {
      const length = commandLength(bytes, i);
      if (length < 0 || i + length > bytes.length) return bytes;
      const key = (b << 8) | (bytes[i + 1] ?? 0);
      const slot = STATE_SLOT.get(key);
      let drop = false;
      if (slot !== undefined) {
        if (LINE_START_ONLY.has(slot) && !lineStart) {
          // The printer ignores it here; what it holds is no longer certain.
          state.delete(slot);
        } else {
          const last = state.get(slot);
          drop = last !== undefined && last.length === length && same(bytes, last.at, i, length);
          if (!drop) state.set(slot, { at: i, length });
        }
      } else if (key === 0x1b40) {
        state.clear();
        lineStart = true;
      } else if (key === 0x1b21) {
        for (const piece of PRINT_MODE_PIECES) state.delete(piece);
      } else if (key === 0x1c21) {
        for (const piece of KANJI_MODE_PIECES) state.delete(piece);
      } else if (key === 0x1b5c) {
        // A relative move by zero moves nothing.
        drop = bytes[i + 2] === 0 && bytes[i + 3] === 0;
      } else if (key === 0x1b24) {
        // At the start of a line the position already is the start of the print area.
        drop = lineStart && bytes[i + 2] === 0 && bytes[i + 3] === 0;
        if (!drop) lineStart = false;
      } else if (key === 0x1b64 || key === 0x1b4a) {
        lineStart = true;
      } else {
        // Codes, images, cuts, pulses, status: kept, and nothing is assumed about the position after them.
        lineStart = false;
      }
      if (!drop) {
        out.set(bytes.subarray(i, i + length), n);
        n += length;
      }
      i += length;
      continue;
    }
    out[n++] = b;
    if (b === 0x0a) lineStart = true;
    else if (b !== 0x0d) lineStart = false;
    i += 1;
  }
  return out.subarray(0, n);
}
