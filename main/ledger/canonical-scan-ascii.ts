// The canonical-JSON check of canonical-scan.ts for an ASCII text, on its bytes. Most journal
// payloads are ASCII, and string tokens are two thirds of a sale's payload: here they are skipped
// four bytes at a time, a quarter cheaper than a native regular expression over the text plus
// indexOf per token (measured on the bench's sale payloads; a loop per character is slower
// still). It decides only what is plainly decided: a text that is not ASCII, or that holds a
// backslash or a control character inside a string token, is left to the other scanners, so all
// agree on every text (the property tests hold each to parse-and-serialise).

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

/** The scanner has no answer: the general scanner must decide. */
export const UNDECIDED = -1;

// The text's bytes, written here once per text, seen byte by byte and four bytes at a time.
let textBytes = Buffer.alloc(0);
let textWords = new Int32Array(0);
// Per open container: 1 for an object, 0 for an array; and the span of its last key.
let stackIsObject = new Uint8Array(64);
let stackKeyStarts = new Int32Array(64);
let stackKeyEnds = new Int32Array(64);

function reserve(length: number): void {
  // Room for every UTF-16 unit at three bytes (so that a short count means "not ASCII") and a
  // word of zeros after the text.
  const need = length * 3 + 8;
  if (need <= textBytes.length) return;
  let size = 1 << 16;
  while (size < need) size *= 2;
  textBytes = Buffer.alloc(size);
  textWords = new Int32Array(textBytes.buffer, textBytes.byteOffset, size >> 2);
}

function growStack(): void {
  const size = stackIsObject.length * 2;
  const o = new Uint8Array(size);
  o.set(stackIsObject);
  const s = new Int32Array(size);
  s.set(stackKeyStarts);
  const e = new Int32Array(size);
  e.set(stackKeyEnds);
  stackIsObject = o;
  stackKeyStarts = s;
  stackKeyEnds = e;
}

/**
 * Where the string token whose content starts at `from` ends (the index of its closing quote),
 * or UNDECIDED at a backslash or a control character. Bytes are little-endian in a word; for an
 * ASCII word the expression marks with its high bit every byte that is a quote, a backslash or
 * below 0x20, and may also mark a byte above a marked one (a borrow): so the lowest mark is
 * looked at, and a mark on any other byte is dropped and the search goes on.
 */
function stringEnd(bytes: Uint8Array, words: Int32Array, from: number): number {
  let w = from >> 2;
  let v = words[w] as number;
  let q = v ^ 0x22222222;
  let b = v ^ 0x5c5c5c5c;
  // Marks on the bytes before `from` are masked off.
  let marks = (((q - 0x01010101) & ~q) | ((b - 0x01010101) & ~b) | ((v - 0x20202020) & ~v)) & (0x80808080 << ((from & 3) << 3));
  for (;;) {
    while (marks === 0) {
      w += 1;
      v = words[w] as number;
      q = v ^ 0x22222222;
      b = v ^ 0x5c5c5c5c;
      marks = (((q - 0x01010101) & ~q) | ((b - 0x01010101) & ~b) | ((v - 0x20202020) & ~v)) & 0x80808080;
    }
    const at = (w << 2) + ((31 - Math.clz32(marks & -marks)) >> 3);
    const c = bytes[at] as number;
    if (c === QUOTE) return at;
    if (c < 0x20 || c === BACKSLASH) return UNDECIDED;
    marks &= marks - 1;
  }
}

/** The number token at `start` ends before the returned index; -1 if it is not how String() writes a safe integer. */
function numberEnd(bytes: Uint8Array, text: string, start: number): number {
  let i = start;
  const negative = bytes[i] === MINUS;
  if (negative) i += 1;
  const first = bytes[i] as number;
  if (first === ZERO) {
    if (negative) return -1; // -0
    i += 1;
  } else if (first > ZERO && first <= NINE) {
    i += 1;
    for (let c = bytes[i] as number; c >= ZERO && c <= NINE; c = bytes[i] as number) i += 1;
  } else return -1;
  const next = bytes[i];
  if (next === 0x2e || next === 0x65 || next === 0x45) return -1; // a fraction or an exponent
  // Fifteen digits are always a safe integer; sixteen may be; more never are.
  const digits = i - start - (negative ? 1 : 0);
  if (digits > 16 || (digits === 16 && !Number.isSafeInteger(Number(text.slice(start, i))))) return -1;
  return i;
}

/** Which span a top-level key (its token is text[start, end)) fills: its index in `spans`, or -1. */
function envelopeMember(bytes: Uint8Array, start: number, end: number): number {
  const length = end - start;
  const c = bytes[start + 1];
  if (length === 4 && c === 0x61 && bytes[start + 2] === 0x74) return 0; // "at"
  if (length === 6 && c === 0x6b && bytes[start + 2] === 0x69 && bytes[start + 3] === 0x6e && bytes[start + 4] === 0x64) return 2; // "kind"
  if (length === 5 && c === 0x73 && bytes[start + 2] === 0x65 && bytes[start + 3] === 0x71) return 4; // "seq"
  return -1;
}

/**
 * 1 when `text` is canonical JSON, 0 when it is not, UNDECIDED when the general scanner must
 * say. Fills `spans` (at, kind, seq: start and end of each, -1 when absent) as scanEnvelope does.
 */
export function scanAscii(text: string, spans: Int32Array): number {
  const length = text.length;
  reserve(length);
  // Locals, not the module's variables: the compiled loop keeps them in registers.
  const bytes = textBytes;
  const words = textWords;
  let isObject = stackIsObject;
  let keyStarts = stackKeyStarts;
  let keyEnds = stackKeyEnds;
  if (bytes.write(text, 0, 'utf8') !== length) return UNDECIDED;
  // Zeros from the end of the text on (a control character, so an unterminated string stops
  // there, and no token goes on past it); the bytes after them are an earlier text's.
  words[length >> 2] = (words[length >> 2] as number) & ~(-1 << ((length & 3) << 3));
  words[(length >> 2) + 1] = 0;
  spans.fill(-1);
  let depth = 0;
  let i = 0;
  let member = -1;
  let memberStart = 0;
  for (;;) {
    // A value starts at i.
    let c = bytes[i] as number;
    if (c === QUOTE) {
      const end = stringEnd(bytes, words, i + 1);
      if (end < 0) return UNDECIDED;
      i = end + 1;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      i += 1;
      if (bytes[i] === (c === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY)) i += 1;
      else {
        if (depth === isObject.length) {
          growStack();
          isObject = stackIsObject;
          keyStarts = stackKeyStarts;
          keyEnds = stackKeyEnds;
        }
        depth += 1;
        if (c === OPEN_ARRAY) {
          isObject[depth - 1] = 0;
          continue;
        }
        isObject[depth - 1] = 1;
        // The first key: nothing to be ordered after.
        if (bytes[i] !== QUOTE) return 0;
        const close = stringEnd(bytes, words, i + 1);
        if (close < 0) return UNDECIDED;
        const end = close + 1;
        if (bytes[end] !== COLON) return 0;
        keyStarts[depth - 1] = i;
        keyEnds[depth - 1] = end;
        if (depth === 1) member = envelopeMember(bytes, i, end);
        i = end + 1;
        memberStart = i;
        continue;
      }
    } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
      i = numberEnd(bytes, text, i);
      if (i < 0) return 0;
    } else if (c === 0x74) {
      if (!text.startsWith('true', i)) return 0;
      i += 4;
    } else if (c === 0x66) {
      if (!text.startsWith('false', i)) return 0;
      i += 5;
    } else if (c === 0x6e) {
      if (!text.startsWith('null', i)) return 0;
      i += 4;
    } else return 0;
    // After a value: commas and closing brackets until the next value starts.
    for (;;) {
      if (depth === 1 && member >= 0) {
        spans[member] = memberStart;
        spans[member + 1] = i;
        member = -1;
      }
      if (depth === 0) return i === length ? 1 : 0;
      c = bytes[i] as number;
      const inObject = isObject[depth - 1] === 1;
      if (c === COMMA) {
        i += 1;
        if (inObject) {
          if (bytes[i] !== QUOTE) return 0;
          const close = stringEnd(bytes, words, i + 1);
          if (close < 0) return UNDECIDED;
          const end = close + 1;
          if (bytes[end] !== COLON) return 0;
          // Keys strictly ascending (sorted, none twice); ASCII bytes are UTF-16 units.
          const prevStart = keyStarts[depth - 1] as number;
          const prevLength = (keyEnds[depth - 1] as number) - prevStart;
          const keyLength = end - i;
          const n = Math.min(prevLength, keyLength) - 1;
          let d = 0;
          for (let k = 1; k < n && d === 0; k++) d = (bytes[prevStart + k] as number) - (bytes[i + k] as number);
          if (d > 0 || (d === 0 && prevLength >= keyLength)) return 0;
          keyStarts[depth - 1] = i;
          keyEnds[depth - 1] = end;
          if (depth === 1) member = envelopeMember(bytes, i, end);
          i = end + 1;
          memberStart = i;
        }
        break;
      }
      if (c !== (inObject ? CLOSE_OBJECT : CLOSE_ARRAY)) return 0;
      i += 1;
      depth -= 1;
    }
  }
}
