// The general canonical-JSON scan, for texts with a backslash, a control character or a surrogate
// somewhere (rare in a journal: canonical-scan.ts sends ASCII and plain texts down faster paths).
import {
  QUOTE,
  COMMA,
  COLON,
  MINUS,
  ZERO,
  NINE,
  OPEN_OBJECT,
  CLOSE_OBJECT,
  OPEN_ARRAY,
  CLOSE_ARRAY,
  SPECIAL,
  stringEnd,
  numberEnd,
  compareKeys,
  keyIs,
  containers,
  grow,
} from './canonical-tokens';

/** Where the raw text of the top-level members `at`, `kind` and `seq` lies; -1 when absent. */
export interface EnvelopeSpans {
  atStart: number;
  atEnd: number;
  kindStart: number;
  kindEnd: number;
  seqStart: number;
  seqEnd: number;
}

// What the scanner expects next.
const VALUE = 0;
const VALUE_OR_CLOSE = 1; // just after [
const KEY = 2; // just after , in an object
const KEY_OR_CLOSE = 3; // just after {
const AFTER_VALUE = 4;

/**
 * One pass with an explicit stack (no recursion, no allocation for a plain text). Fills `spans`
 * with the top-level at, kind and seq when the text is an object. False when not canonical.
 */
export function scan(text: string, spans: EnvelopeSpans | null): boolean {
  const length = text.length;
  const plain = !SPECIAL.test(text);
  let i = 0;
  let depth = 0;
  let expect = VALUE;
  // The top-level member whose value is being read: 1 at, 2 kind, 3 seq, 0 other.
  let member = 0;
  let memberStart = 0;
  let { isObject, lastKeyStart, lastKeyEnd } = containers;
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
      if (depth === isObject.length) {
        grow();
        ({ isObject, lastKeyStart, lastKeyEnd } = containers);
      }
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
