// The tokens of canonical JSON as the scanners check them (canonical-scan.ts and
// canonical-scan-general.ts): a string, a number, a key's order and name, and the stack of open
// containers the scanners share. Canonical means what canonical-scan.ts says.

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COMMA = 0x2c;
export const COLON = 0x3a;
export const MINUS = 0x2d;
export const ZERO = 0x30;
export const NINE = 0x39;
export const OPEN_OBJECT = 0x7b;
export const CLOSE_OBJECT = 0x7d;
export const OPEN_ARRAY = 0x5b;
export const CLOSE_ARRAY = 0x5d;

// A backslash, a control character or a surrogate anywhere in the text. Checked once, natively:
// without them a string token simply ends at the next quote.
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
export const SPECIAL = /[\u0000-\u001f\\\ud800-\udfff]/;

/** The string token starting at `start` (a quote) ends before the returned index; -1 if it is not canonical. */
export function stringEnd(text: string, start: number, plain: boolean): number {
  if (plain) {
    const end = text.indexOf('"', start + 1);
    return end < 0 ? -1 : end + 1;
  }
  let i = start + 1;
  let recheck = false;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) break;
    // NaN past the end fails this test too.
    if (!(c >= 0x20)) return -1;
    if (c === BACKSLASH) {
      // Which escapes are canonical (\n but not \u000a, \u001f but not \u0041, lone surrogates
      // only) is JSON.stringify's business: such strings are checked against it.
      recheck = true;
      i += 2;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) recheck = true;
    i += 1;
  }
  const end = i + 1;
  if (recheck) {
    const token = text.slice(start, end);
    try {
      const decoded: unknown = JSON.parse(token);
      if (typeof decoded !== 'string' || JSON.stringify(decoded) !== token) return -1;
    } catch {
      return -1;
    }
  }
  return end;
}

/** The number token starting at `start` ends before the returned index; -1 if it is not how String() writes a safe integer. */
export function numberEnd(text: string, start: number): number {
  let i = start;
  const negative = text.charCodeAt(i) === MINUS;
  if (negative) i += 1;
  const first = text.charCodeAt(i);
  if (first === ZERO) {
    if (negative) return -1; // -0
    i += 1;
  } else if (first > ZERO && first <= NINE) {
    i += 1;
    for (let c = text.charCodeAt(i); c >= ZERO && c <= NINE; c = text.charCodeAt(i)) i += 1;
  } else return -1;
  const next = text.charCodeAt(i);
  if (next === 0x2e || next === 0x65 || next === 0x45) return -1; // a fraction or an exponent
  // Fifteen digits are always a safe integer; sixteen may be; more never are.
  const digits = i - start - (negative ? 1 : 0);
  if (digits > 16 || (digits === 16 && !Number.isSafeInteger(Number(text.slice(start, i))))) return -1;
  return i;
}

/**
 * Compares two key tokens (quotes included) in UTF-16 order, the order canonicalJson sorts keys
 * in. In a plain text the raw text between the quotes is the key itself.
 */
export function compareKeys(text: string, plain: boolean, aStart: number, aEnd: number, bStart: number, bEnd: number): number {
  if (!plain) {
    const a = JSON.parse(text.slice(aStart, aEnd)) as string;
    const b = JSON.parse(text.slice(bStart, bEnd)) as string;
    return a < b ? -1 : a > b ? 1 : 0;
  }
  const aLength = aEnd - aStart;
  const bLength = bEnd - bStart;
  const n = Math.min(aLength, bLength) - 1;
  for (let k = 1; k < n; k++) {
    const d = text.charCodeAt(aStart + k) - text.charCodeAt(bStart + k);
    if (d !== 0) return d;
  }
  return aLength - bLength;
}

export function keyIs(text: string, start: number, end: number, word: string): boolean {
  return end - start === word.length + 2 && text.startsWith(word, start + 1);
}

// Per open container: 1 for an object, 0 for an array, and the span of its last key. Reused
// between calls; they grow with the deepest text seen.
// One object, not three exported bindings: grow() replaces the arrays, and a scanner takes them
// afresh from here after calling it.
export const containers = { isObject: new Uint8Array(64), lastKeyStart: new Int32Array(64), lastKeyEnd: new Int32Array(64) };

export function grow(): void {
  const size = containers.isObject.length * 2;
  const o = new Uint8Array(size);
  o.set(containers.isObject);
  const s = new Int32Array(size);
  s.set(containers.lastKeyStart);
  const e = new Int32Array(size);
  e.set(containers.lastKeyEnd);
  containers.isObject = o;
  containers.lastKeyStart = s;
  containers.lastKeyEnd = e;
}
