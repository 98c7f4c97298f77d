import { scanAscii, UNDECIDED } from './canonical-scan-ascii';

// Checks that a text is canonical JSON (exactly what canonicalJson would write for the value it
// holds) in one pass over its characters, without building the value. Verifying a journal used
// to parse every payload and serialise it again to compare, which cost four times the hashing;
// this accepts and refuses exactly the same texts (a property test holds it to that) at a
// fraction of the cost. Most payloads never reach the general scan() below: an ASCII one is
// decided on its bytes (canonical-scan-ascii.ts), and one with no escape by scanPlain().
//
// Canonical means: no whitespace; object keys unique and in ascending UTF-16 order; numbers are
// safe integers written the way String(n) writes them; strings written the way JSON.stringify
// writes them; true, false and null.

/** Where the raw text of the top-level members `at`, `kind` and `seq` lies; -1 when absent. */
export interface EnvelopeSpans {
  atStart: number;
  atEnd: number;
  kindStart: number;
  kindEnd: number;
  seqStart: number;
  seqEnd: number;
}

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

// A backslash, a control character or a surrogate anywhere in the text. Checked once, natively:
// without them a string token simply ends at the next quote.
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const SPECIAL = /[\u0000-\u001f\\\ud800-\udfff]/;

/** The string token starting at `start` (a quote) ends before the returned index; -1 if it is not canonical. */
function stringEnd(text: string, start: number, plain: boolean): number {
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
function numberEnd(text: string, start: number): number {
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
function compareKeys(text: string, plain: boolean, aStart: number, aEnd: number, bStart: number, bEnd: number): number {
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

function keyIs(text: string, start: number, end: number, word: string): boolean {
  return end - start === word.length + 2 && text.startsWith(word, start + 1);
}

// What the scanner expects next.
const VALUE = 0;
const VALUE_OR_CLOSE = 1; // just after [
const KEY = 2; // just after , in an object
const KEY_OR_CLOSE = 3; // just after {
const AFTER_VALUE = 4;

// Per open container: 1 for an object, 0 for an array, and the span of its last key. Reused
// between calls; they grow with the deepest text seen.
let isObject = new Uint8Array(64);
let lastKeyStart = new Int32Array(64);
let lastKeyEnd = new Int32Array(64);

function grow(): void {
  const size = isObject.length * 2;
  const o = new Uint8Array(size);
  o.set(isObject);
  const s = new Int32Array(size);
  s.set(lastKeyStart);
  const e = new Int32Array(size);
  e.set(lastKeyEnd);
  isObject = o;
  lastKeyStart = s;
  lastKeyEnd = e;
}

/**
 * One pass with an explicit stack (no recursion, no allocation for a plain text). Fills `spans`
 * with the top-level at, kind and seq when the text is an object. False when not canonical.
 */
function scan(text: string, spans: EnvelopeSpans | null): boolean {
  const length = text.length;
  const plain = !SPECIAL.test(text);
  let i = 0;
  let depth = 0;
  let expect = VALUE;
  // The top-level member whose value is being read: 1 at, 2 kind, 3 seq, 0 other.
  let member = 0;
  let memberStart = 0;
  for (;;) {
    if (expect === AFTER_VALUE) {
      if (depth === 1 && member !== 0 && spans !== null) {
        if (member === 1) {
          spans.atStart = memberStart;
          spans.atEnd = i;
        } else if (member === 2) {
          spans.kindStart = memberStart;
          spans.kindEnd = i;
        } else {
          spans.seqStart = memberStart;
          spans.seqEnd = i;
        }
        member = 0;
      }
      if (depth === 0) return i === length;
      const c = text.charCodeAt(i);
      const top = depth - 1;
      if (c === COMMA) {
        i += 1;
        expect = isObject[top] === 1 ? KEY : VALUE;
      } else if (c === (isObject[top] === 1 ? CLOSE_OBJECT : CLOSE_ARRAY)) {
        i += 1;
        depth -= 1;
      } else return false;
      continue;
    }
    const c = text.charCodeAt(i);
    if (expect === KEY || expect === KEY_OR_CLOSE) {
      if (c === CLOSE_OBJECT && expect === KEY_OR_CLOSE) {
        i += 1;
        depth -= 1;
        expect = AFTER_VALUE;
        continue;
      }
      if (c !== QUOTE) return false;
      const end = stringEnd(text, i, plain);
      if (end < 0) return false;
      const top = depth - 1;
      // Keys strictly ascending: sorted, and none twice.
      if (expect === KEY && compareKeys(text, plain, lastKeyStart[top] ?? 0, lastKeyEnd[top] ?? 0, i, end) >= 0) return false;
      lastKeyStart[top] = i;
      lastKeyEnd[top] = end;
      // Also in a text with escapes elsewhere: a key with an escape is never at, kind or seq (their
      // canonical text has none), and any other key's raw text is the key.
      if (depth === 1) {
        member = keyIs(text, i, end, 'at') ? 1 : keyIs(text, i, end, 'kind') ? 2 : keyIs(text, i, end, 'seq') ? 3 : 0;
      }
      if (text.charCodeAt(end) !== COLON) return false;
      i = end + 1;
      memberStart = i;
      expect = VALUE;
      continue;
    }
    // A value (or, just after [, the end of the array).
    if (c === CLOSE_ARRAY && expect === VALUE_OR_CLOSE) {
      i += 1;
      depth -= 1;
      expect = AFTER_VALUE;
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (depth === isObject.length) grow();
      isObject[depth] = c === OPEN_OBJECT ? 1 : 0;
      depth += 1;
      i += 1;
      expect = c === OPEN_OBJECT ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
      continue;
    }
    let end: number;
    if (c === QUOTE) end = stringEnd(text, i, plain);
    else if (c === MINUS || (c >= ZERO && c <= NINE)) end = numberEnd(text, i);
    else if (c === 0x74) end = text.startsWith('true', i) ? i + 4 : -1;
    else if (c === 0x66) end = text.startsWith('false', i) ? i + 5 : -1;
    else if (c === 0x6e) end = text.startsWith('null', i) ? i + 4 : -1;
    else end = -1;
    if (end < 0) return false;
    i = end;
    expect = AFTER_VALUE;
  }
}

// The same check for a plain text, one without a backslash, a control character or a surrogate
// (an entry with a name in Chinese; ASCII texts go to canonical-scan-ascii.ts first): each string
// token then ends at the next quote and a key's raw text is the key, so strings are skipped by
// indexOf, keys compare as raw text, and no state is dispatched per token: a quarter less than
// scan(). The test is written as "only other characters" because that form runs faster.
// eslint-disable-next-line no-control-regex -- control characters are exactly what it looks for
const PLAIN = /^[^\u0000-\u001f\\\ud800-\udfff]*$/;

/** Where scanEnvelope writes the top-level spans: at, kind, seq (start and end each), -1 when absent. */
export const AT_START = 0;
export const AT_END = 1;
export const KIND_START = 2;
export const KIND_END = 3;
export const SEQ_START = 4;
export const SEQ_END = 5;

// The spans of a text checked for a caller that does not want them.
const scratch = new Int32Array(6);

/** scan() for a plain text, writing the envelope's spans as scanEnvelope does. */
function scanPlain(text: string, spans: Int32Array): boolean {
  const length = text.length;
  spans.fill(-1);
  let objects = isObject;
  let keyStarts = lastKeyStart;
  let keyEnds = lastKeyEnd;
  let depth = 0;
  let i = 0;
  // The top-level member whose value is being read: its span's index in `spans`, or -1.
  let member = -1;
  let memberStart = 0;
  for (;;) {
    // A value starts at i.
    let c = text.charCodeAt(i);
    if (c === QUOTE) {
      const end = text.indexOf('"', i + 1);
      if (end < 0) return false;
      i = end + 1;
    } else if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      i += 1;
      const empty = text.charCodeAt(i) === (c === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY);
      if (empty) i += 1;
      else {
        if (depth === objects.length) {
          grow();
          objects = isObject;
          keyStarts = lastKeyStart;
          keyEnds = lastKeyEnd;
        }
        depth += 1;
        if (c === OPEN_ARRAY) {
          objects[depth - 1] = 0;
          continue;
        }
        objects[depth - 1] = 1;
        // The first key: nothing to be ordered after.
        if (text.charCodeAt(i) !== QUOTE) return false;
        const end = text.indexOf('"', i + 1) + 1;
        if (end === 0 || text.charCodeAt(end) !== COLON) return false;
        keyStarts[depth - 1] = i;
        keyEnds[depth - 1] = end;
        if (depth === 1) member = envelopeMember(text, i, end);
        i = end + 1;
        memberStart = i;
        continue;
      }
    } else if (c === MINUS || (c >= ZERO && c <= NINE)) {
      i = numberEnd(text, i);
      if (i < 0) return false;
    } else if (c === 0x74) {
      if (!text.startsWith('true', i)) return false;
      i += 4;
    } else if (c === 0x66) {
      if (!text.startsWith('false', i)) return false;
      i += 5;
    } else if (c === 0x6e) {
      if (!text.startsWith('null', i)) return false;
      i += 4;
    } else return false;
    // After a value: commas and closing brackets until the next value starts.
    for (;;) {
      if (depth === 1 && member >= 0) {
        spans[member] = memberStart;
        spans[member + 1] = i;
        member = -1;
      }
      if (depth === 0) return i === length;
      c = text.charCodeAt(i);
      const inObject = objects[depth - 1] === 1;
      if (c === COMMA) {
        i += 1;
        if (inObject) {
          if (text.charCodeAt(i) !== QUOTE) return false;
          const end = text.indexOf('"', i + 1) + 1;
          if (end === 0 || text.charCodeAt(end) !== COLON) return false;
          // Keys strictly ascending (sorted, none twice), compared as raw text: UTF-16 order.
          const prevStart = keyStarts[depth - 1] as number;
          const prevLength = (keyEnds[depth - 1] as number) - prevStart;
          const keyLength = end - i;
          const n = Math.min(prevLength, keyLength) - 1;
          let d = 0;
          for (let k = 1; k < n && d === 0; k++) d = text.charCodeAt(prevStart + k) - text.charCodeAt(i + k);
          if (d > 0 || (d === 0 && prevLength >= keyLength)) return false;
          keyStarts[depth - 1] = i;
          keyEnds[depth - 1] = end;
          if (depth === 1) member = envelopeMember(text, i, end);
          i = end + 1;
          memberStart = i;
        }
        break;
      }
      if (c !== (inObject ? CLOSE_OBJECT : CLOSE_ARRAY)) return false;
      i += 1;
      depth -= 1;
    }
  }
}

/** Which span a top-level key's value goes to (the key token is text[start, end)), or -1. */
function envelopeMember(text: string, start: number, end: number): number {
  return keyIs(text, start, end, 'at') ? AT_START : keyIs(text, start, end, 'kind') ? KIND_START : keyIs(text, start, end, 'seq') ? SEQ_START : -1;
}

/**
 * For the journal's walker: whether `text` is the canonical JSON of an object or array, with the
 * raw text spans of its top-level at, kind and seq written to `spans` (six entries: start and end
 * of each, in that order; -1 when absent). Allocates nothing for a plain text.
 */
export function scanEnvelope(text: string, spans: Int32Array): boolean {
  const first = text.charCodeAt(0);
  if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) return false;
  const ascii = scanAscii(text, spans);
  if (ascii !== UNDECIDED) return ascii === 1;
  if (PLAIN.test(text)) return scanPlain(text, spans);
  const found: EnvelopeSpans = { atStart: -1, atEnd: -1, kindStart: -1, kindEnd: -1, seqStart: -1, seqEnd: -1 };
  if (!scan(text, found)) return false;
  spans[AT_START] = found.atStart;
  spans[AT_END] = found.atEnd;
  spans[KIND_START] = found.kindStart;
  spans[KIND_END] = found.kindEnd;
  spans[SEQ_START] = found.seqStart;
  spans[SEQ_END] = found.seqEnd;
  return true;
}

/**
 * Null when `text` is not the canonical JSON of an object or array (what appendJournal writes);
 * otherwise where its top-level `at`, `kind` and `seq` are, so their raw text can be compared
 * with the entry's columns. (A key with an escape in it is never one of those three.)
 */
export function scanCanonical(text: string): EnvelopeSpans | null {
  const first = text.charCodeAt(0);
  if (first !== OPEN_OBJECT && first !== OPEN_ARRAY) return null;
  if (scanEnvelope(text, scratch)) {
    return {
      atStart: scratch[AT_START] as number,
      atEnd: scratch[AT_END] as number,
      kindStart: scratch[KIND_START] as number,
      kindEnd: scratch[KIND_END] as number,
      seqStart: scratch[SEQ_START] as number,
      seqEnd: scratch[SEQ_END] as number,
    };
  }
  return null;
}

/** True when `text` is canonical JSON of any value (the property test's entry point). */
export function isCanonicalJson(text: string): boolean {
  const ascii = scanAscii(text, scratch);
  if (ascii !== UNDECIDED) return ascii === 1;
  return PLAIN.test(text) ? scanPlain(text, scratch) : scan(text, null);
}
