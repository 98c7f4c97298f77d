// Test-side ESC/POS reader: turns printer bytes back into printed text lines and a command
// list, independently of the encoder under test. It emulates just enough of a thermal printer
// (print position in 12-dot columns, left margin, character scale, Kanji mode) to rebuild
// each line as it would appear on paper.
import iconv from 'iconv-lite';

export interface EscPosCommand {
  /** e.g. 'ESC p', 'GS V', 'GS ( k', 'DLE EOT'. */
  name: string;
  /** Parameter bytes after the command letters (for blocks: only the header). */
  params: number[];
  offset: number;
  /** Decoded payload for data-carrying commands (QR store data, barcode data). */
  data?: string;
}

export interface TokenizeOptions {
  /** Multibyte encoding used in Kanji mode (TextDecoder name), default gb18030. */
  kanjiEncoding?: string;
  /** Printers fixed in Chinese mode start (and stay) in Kanji mode. */
  kanjiAtStart?: boolean;
  /** Dots per character column (Font A = 12). */
  charWidth?: number;
  /** Also record the print style every character is printed in (`styledLines`). */
  styles?: boolean;
}

/** A run of characters printed in one style on one line. */
export interface StyledRun {
  /** The print state the characters were printed in, e.g. "E1 -0 B0 !17 a1 t0 K1". */
  style: string;
  text: string;
}

export interface TokenizeResult {
  lines: string[];
  commands: EscPosCommand[];
  /** Data of every native QR that was stored and printed. */
  qrCodes: string[];
  /** Raster images (GS 8 L / GS v 0), e.g. a QR printed as a picture. */
  images: { name: string; widthDots: number; heightDots: number }[];
  /** With `styles`: each printed line as runs of text in one print style. */
  styledLines?: StyledRun[][];
}

// Print state that changes how characters look on paper, as ESC @ leaves it.
const defaultStyle = (): Record<string, number> => ({
  'ESC E': 0,
  'ESC -': 0,
  'FS -': 0,
  'GS B': 0,
  'GS !': 0,
  'ESC !': 0,
  'FS !': 0,
  'ESC G': 0,
  'ESC M': 0,
  'ESC {': 0,
  'ESC SP': 0,
  'FS S': 0,
  'ESC a': 0,
  'GS L': 0,
  'GS W': 0,
});
// Commands whose (first two) parameter bytes are the state; ESC a, GS L and GS W count only at a line's start, as on a printer.
const styleCommands = new Set(Object.keys(defaultStyle()));
const lineStartOnly = new Set(['ESC a', 'GS L', 'GS W']);
// Parameters that mean the same thing (ESC - 1 and ESC - '1' both underline): only their low bits count.
const lowBits: Record<string, number> = { 'ESC E': 1, 'ESC -': 3, 'FS -': 3, 'GS B': 1, 'ESC G': 1, 'ESC M': 1, 'ESC {': 1, 'ESC a': 3 };

// Parameter bytes that follow `prefix + letter` for fixed-length commands.
const fixed: Record<number, Record<string, number>> = {
  0x1b: {
    '@': 0,
    a: 1,
    M: 1,
    ' ': 1,
    '2': 0,
    '3': 1,
    '{': 1,
    '-': 1,
    E: 1,
    G: 1,
    t: 1,
    $: 2,
    '\\': 2,
    p: 3,
    d: 1,
    J: 1,
    R: 1,
    '!': 1,
    V: 1,
    r: 1,
    U: 1,
    '=': 1,
    B: 2,
    c: 2,
    D: 0,
    i: 0,
    m: 0,
  },
  0x1d: { '!': 1, B: 1, L: 2, W: 2, a: 1, r: 1, w: 1, h: 1, H: 1, f: 1, b: 1, I: 1, P: 2, '\\': 2 },
  0x1c: { '&': 0, '.': 0, C: 1, '-': 1, S: 2, '!': 1, W: 1, p: 2 },
};
const prefixName: Record<number, string> = { 0x1b: 'ESC', 0x1d: 'GS', 0x1c: 'FS', 0x10: 'DLE' };

// Single-byte code pages selected with ESC t n (the ones receiptline uses).
const codePages: Record<number, string> = { 0: 'cp437', 3: 'cp860', 4: 'cp863', 5: 'cp865', 16: 'cp1252', 17: 'cp866', 18: 'cp852', 19: 'cp858' };

/** receiptline draws rules with box glyphs of code page 1 (Katakana); read them as ASCII. */
function ruleGlyph(b: number): string {
  if (b === 0x95) return '-';
  if (b === 0x96) return '|';
  return b >= 0x8f && b <= 0x9f ? '+' : '?';
}

export class EscPosTokenizeError extends Error {}

export function tokenizeEscPos(input: Uint8Array, options: TokenizeOptions = {}): TokenizeResult {
  const bytes = Buffer.from(input);
  const charWidth = options.charWidth ?? 12;
  const decoder = new TextDecoder(options.kanjiEncoding ?? 'gb18030', { fatal: true });
  const commands: EscPosCommand[] = [];
  const lines: string[] = [];
  const qrCodes: string[] = [];
  const images: TokenizeResult['images'] = [];
  let kanji = options.kanjiAtStart ?? false;
  let codePage = 0;
  let leftDots = 0;
  let posDots = 0;
  let scaleW = 1;
  let pendingQr: string | null = null;
  // Printed cells of the current line: column → char ('' marks the second half of a wide char).
  let cells: string[] = [];
  let style = defaultStyle();
  const styledLines: StyledRun[][] = [];
  let runs: StyledRun[] = [];
  const styleKey = (): string =>
    `${Object.entries(style)
      .map(([k, v]) => `${k}=${v}`)
      .join(' ')} t=${codePage} K=${kanji ? 1 : 0} spacing=${lineSpacing}`;
  let lineSpacing = 'default';

  const put = (ch: string, cols: number): void => {
    if (options.styles) {
      const key = styleKey();
      const last = runs[runs.length - 1];
      if (last && last.style === key) last.text += ch;
      else runs.push({ style: key, text: ch });
    }
    let col = Math.round((leftDots + posDots) / charWidth);
    cells[col] = ch;
    for (let i = 1; i < cols; i++) cells[col + i] = '';
    col += cols;
    // A scaled character leaves blank cells behind it, as on paper.
    for (let i = 0; i < cols * (scaleW - 1); i++) cells[col + i] = ' ';
    posDots += cols * scaleW * charWidth;
  };
  const newline = (): void => {
    let s = '';
    for (let i = 0; i < cells.length; i++) s += cells[i] === undefined ? ' ' : cells[i];
    lines.push(s.replace(/\s+$/, ''));
    cells = [];
    posDots = 0;
    styledLines.push(runs);
    runs = [];
  };
  const need = (i: number, n: number): void => {
    if (i + n > bytes.length) throw new EscPosTokenizeError(`truncated command at ${i}`);
  };
  const u16 = (i: number): number => bytes[i]! | (bytes[i + 1]! << 8);

  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const start = i;
    if (b === 0x0a) {
      newline();
      i++;
      continue;
    }
    if (b === 0x0d || b === 0x09 || b === 0x00) {
      i++;
      continue;
    }
    if (b === 0x1b || b === 0x1d || b === 0x1c || b === 0x10) {
      need(i, 2);
      const letter = String.fromCharCode(bytes[i + 1]!);
      const name = `${prefixName[b]} ${b === 0x10 ? (({ 0x04: 'EOT', 0x05: 'ENQ', 0x14: 'DC4' } as Record<number, string>)[bytes[i + 1]!] ?? letter) : letter}`;
      let len: number | undefined;
      let data: string | undefined;
      if (b === 0x10) {
        len = bytes[i + 1] === 0x14 ? 3 : 1;
      } else if (b === 0x1d && letter === 'V') {
        need(i, 3);
        len = [65, 66, 97, 98, 103, 104].includes(bytes[i + 2]!) ? 2 : 1;
      } else if (b === 0x1d && letter === 'k') {
        need(i, 3);
        const m = bytes[i + 2]!;
        if (m <= 6) {
          const end = bytes.indexOf(0, i + 3);
          if (end < 0) throw new EscPosTokenizeError(`unterminated GS k at ${i}`);
          len = end - (i + 2) + 1;
          data = bytes.subarray(i + 3, end).toString('latin1');
        } else {
          need(i, 4);
          len = 2 + bytes[i + 3]!;
          data = bytes.subarray(i + 4, i + 4 + bytes[i + 3]!).toString('latin1');
        }
      } else if (b === 0x1d && letter === 'v') {
        // GS v 0 m xL xH yL yH d1…dk: raster bit image, k = x bytes × y rows.
        need(i, 8);
        const x = u16(i + 4);
        const y = u16(i + 6);
        len = 6 + x * y;
        images.push({ name: 'GS v 0', widthDots: x * 8, heightDots: y });
      } else if (b === 0x1d && letter === '8') {
        // GS 8 L p1 p2 p3 p4 m fn …: graphics data with a 32-bit length.
        need(i, 7);
        const p = bytes.readUInt32LE(i + 3);
        len = 5 + p;
        if (bytes[i + 8] === 0x70) images.push({ name: 'GS 8 L', widthDots: u16(i + 13), heightDots: u16(i + 15) });
      } else if ((b === 0x1d || b === 0x1c) && letter === '(') {
        // GS ( x pL pH … and FS ( x pL pH …: function blocks with a 16-bit length.
        need(i, 5);
        len = 3 + u16(i + 3);
        const fnName = `${name} ${String.fromCharCode(bytes[i + 2]!)}`;
        if (b === 0x1d && bytes[i + 2] === 0x6b && bytes[i + 5] === 0x31) {
          const fn = bytes[i + 6];
          if (fn === 0x50) pendingQr = bytes.subarray(i + 8, i + 2 + len).toString('utf8');
          if (fn === 0x51 && pendingQr !== null) qrCodes.push(pendingQr);
        }
        need(i, 2 + len);
        commands.push({
          name: fnName,
          params: [...bytes.subarray(i + 5, Math.min(i + 2 + len, i + 8))],
          offset: start,
          ...(fnName === 'GS ( k' && bytes[i + 6] === 0x50 ? { data: pendingQr ?? '' } : {}),
        });
        i += 2 + len;
        continue;
      } else {
        len = fixed[b]?.[letter];
        if (len === undefined) throw new EscPosTokenizeError(`unknown command ${name} (0x${bytes[i + 1]!.toString(16)}) at ${i}`);
        if (b === 0x1b && letter === 'c') len = 2;
      }
      need(i, 2 + len);
      const params = [...bytes.subarray(i + 2, i + 2 + Math.min(len, 16))];
      commands.push({ name, params, offset: start, ...(data !== undefined ? { data } : {}) });
      // State the text layout depends on.
      if (name === 'FS &') kanji = true;
      if (name === 'FS .') kanji = false;
      if (name === 'ESC t') codePage = params[0]!;
      if (name === 'ESC @') {
        codePage = 0;
        leftDots = 0;
        scaleW = 1;
        kanji = options.kanjiAtStart ?? false;
      }
      if (name === 'GS L') leftDots = params[0]! | (params[1]! << 8);
      if (name === 'ESC $') posDots = params[0]! | (params[1]! << 8);
      if (name === 'ESC \\') posDots += ((params[0]! | (params[1]! << 8)) << 16) >> 16;
      if (name === 'GS !') scaleW = (params[0]! >> 4) + 1;
      if (name === 'ESC @') {
        style = defaultStyle();
        lineSpacing = 'default';
      }
      if (name === 'ESC 2') lineSpacing = 'default';
      if (name === 'ESC 3') lineSpacing = String(params[0]);
      const styleName = name === 'ESC  ' ? 'ESC SP' : name;
      if (styleCommands.has(styleName) && !(lineStartOnly.has(styleName) && cells.length > 0)) {
        const value = (params[0] ?? 0) | ((params[1] ?? 0) << 8);
        style[styleName] = lowBits[styleName] ? value & lowBits[styleName] : value;
      }
      i += 2 + len;
      continue;
    }
    if (b < 0x80) {
      put(String.fromCharCode(b), 1);
      i++;
      continue;
    }
    if (kanji) {
      // GB18030: four-byte sequences have an ASCII digit as second byte.
      const n = bytes[i + 1] !== undefined && bytes[i + 1]! >= 0x30 && bytes[i + 1]! <= 0x39 ? 4 : 2;
      need(i, n);
      put(decoder.decode(bytes.subarray(i, i + n)), 2);
      i += n;
      continue;
    }
    put(codePage === 1 ? ruleGlyph(b) : iconv.decode(bytes.subarray(i, i + 1), codePages[codePage] ?? 'cp437'), 1);
    i++;
  }
  if (cells.length > 0) newline();
  return { lines, commands, qrCodes, images, ...(options.styles ? { styledLines } : {}) };
}

/** Commands with a given name, e.g. count(result, 'GS V'). */
export function commandsNamed(result: TokenizeResult, name: string): EscPosCommand[] {
  return result.commands.filter((c) => c.name === name);
}
