import { scanAscii, UNDECIDED } from './canonical-scan-ascii';
import { scan, type EnvelopeSpans } from './canonical-scan-general';
import {
  CLOSE_ARRAY,
  CLOSE_OBJECT,
  COLON,
  COMMA,
  containers,
  grow,
  keyIs,
  MINUS,
  NINE,
  numberEnd,
  OPEN_ARRAY,
  OPEN_OBJECT,
  QUOTE,
  ZERO,
} from './canonical-tokens';

export type { EnvelopeSpans } from './canonical-scan-general';

// Checks that a text is canonical JSON (exactly what canonicalJson would write for the value it
// holds) in one pass over its characters, without building the value. Verifying a journal used
// to parse every payload and serialise it again to compare, which cost four times the hashing;
// this accepts and refuses exactly the same texts (a property test holds it to that) at a
// fraction of the cost. Most payloads never reach the general scan() (canonical-scan-general.ts):
// an ASCII one is decided on its bytes (canonical-scan-ascii.ts), and one with no escape by
// scanPlain() below.
//
// Canonical means: no whitespace; object keys unique and in ascending UTF-16 order; numbers are
// safe integers written the way String(n) writes them; strings written the way JSON.stringify
// writes them; true, false and null.

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
  let objects = containers.isObject;
  let keyStarts = containers.lastKeyStart;
  let keyEnds = containers.lastKeyEnd;
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
          objects = containers.isObject;
          keyStarts = containers.lastKeyStart;
          keyEnds = containers.lastKeyEnd;
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
