// Checks that a text is canonical JSON (exactly what canonicalJson would write for the value it
// holds) in one pass over its characters, without building the value. Verifying a journal used
// to parse every payload and serialise it again to compare, which cost four times the hashing;
// this accepts and refuses exactly the same texts (a property test holds it to that) at a
// fraction of the cost.
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

class NotCanonical extends Error {}
const notCanonical = new NotCanonical();

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const ZERO = 0x30;
const NINE = 0x39;

class Scanner {
  i = 0;
  readonly spans: EnvelopeSpans = { atStart: -1, atEnd: -1, kindStart: -1, kindEnd: -1, seqStart: -1, seqEnd: -1 };

  constructor(private readonly text: string) {}

  private code(): number {
    // NaN past the end: it matches no character, so every check below fails there.
    return this.text.charCodeAt(this.i);
  }

  private expect(c: number): void {
    if (this.code() !== c) throw notCanonical;
    this.i += 1;
  }

  value(depth: number): void {
    const c = this.code();
    if (c === 0x7b) this.object(depth);
    else if (c === 0x5b) this.array(depth);
    else if (c === QUOTE) this.string();
    else if (c === MINUS || (c >= ZERO && c <= NINE)) this.number();
    else if (c === 0x74) this.literal('true');
    else if (c === 0x66) this.literal('false');
    else if (c === 0x6e) this.literal('null');
    else throw notCanonical;
  }

  private literal(word: string): void {
    if (!this.text.startsWith(word, this.i)) throw notCanonical;
    this.i += word.length;
  }

  /** Returns the key's value as a JS string (for ordering). */
  private string(): string {
    const start = this.i;
    this.i += 1;
    let recheck = false;
    for (;;) {
      const c = this.code();
      if (c === QUOTE) break;
      if (Number.isNaN(c) || c < 0x20) throw notCanonical;
      if (c === BACKSLASH) {
        // Which escapes are canonical (\n but not \u000a, \u001f but not \u0041, lone
        // surrogates only) is JSON.stringify's business: such strings are checked against it.
        recheck = true;
        this.i += 2;
        continue;
      }
      if (c >= 0xd800 && c <= 0xdfff) recheck = true;
      this.i += 1;
    }
    this.i += 1;
    const token = this.text.slice(start, this.i);
    if (!recheck) return token.slice(1, -1);
    let decoded: unknown;
    try {
      decoded = JSON.parse(token);
    } catch {
      throw notCanonical;
    }
    if (typeof decoded !== 'string' || JSON.stringify(decoded) !== token) throw notCanonical;
    return decoded;
  }

  private number(): void {
    const start = this.i;
    if (this.code() === MINUS) this.i += 1;
    const first = this.code();
    if (first === ZERO) this.i += 1;
    else if (first > ZERO && first <= NINE) {
      while (this.code() >= ZERO && this.code() <= NINE) this.i += 1;
    } else throw notCanonical;
    // A fraction or an exponent is never how String() writes a safe integer.
    const next = this.code();
    if (next === 0x2e || next === 0x65 || next === 0x45) throw notCanonical;
    const token = this.text.slice(start, this.i);
    if (token === '-0' || !Number.isSafeInteger(Number(token))) throw notCanonical;
  }

  private array(depth: number): void {
    this.i += 1;
    if (this.code() === 0x5d) {
      this.i += 1;
      return;
    }
    for (;;) {
      this.value(depth + 1);
      const c = this.code();
      this.i += 1;
      if (c === 0x5d) return;
      if (c !== COMMA) throw notCanonical;
    }
  }

  private object(depth: number): void {
    this.i += 1;
    if (this.code() === 0x7d) {
      this.i += 1;
      return;
    }
    let previous: string | null = null;
    for (;;) {
      if (this.code() !== QUOTE) throw notCanonical;
      const key = this.string();
      if (previous !== null && !(previous < key)) throw notCanonical;
      previous = key;
      this.expect(COLON);
      const start = this.i;
      this.value(depth + 1);
      if (depth === 0) this.note(key, start, this.i);
      const c = this.code();
      this.i += 1;
      if (c === 0x7d) return;
      if (c !== COMMA) throw notCanonical;
    }
  }

  private note(key: string, start: number, end: number): void {
    if (key === 'at') {
      this.spans.atStart = start;
      this.spans.atEnd = end;
    } else if (key === 'kind') {
      this.spans.kindStart = start;
      this.spans.kindEnd = end;
    } else if (key === 'seq') {
      this.spans.seqStart = start;
      this.spans.seqEnd = end;
    }
  }

  done(): boolean {
    return this.i === this.text.length;
  }
}

/**
 * Null when `text` is not the canonical JSON of an object or array (what appendJournal writes);
 * otherwise where its top-level `at`, `kind` and `seq` are, so their raw text can be compared
 * with the entry's columns.
 */
export function scanCanonical(text: string): EnvelopeSpans | null {
  const first = text.charCodeAt(0);
  if (first !== 0x7b && first !== 0x5b) return null;
  const scanner = new Scanner(text);
  try {
    scanner.value(0);
  } catch (error) {
    // Nesting too deep for the stack is not something appendJournal writes either.
    if (error === notCanonical || error instanceof RangeError) return null;
    throw error;
  }
  return scanner.done() ? scanner.spans : null;
}

/** True when `text` is canonical JSON of any value (the property test's entry point). */
export function isCanonicalJson(text: string): boolean {
  const first = text.charCodeAt(0);
  if (first === 0x7b || first === 0x5b) return scanCanonical(text) !== null;
  const scanner = new Scanner(text);
  try {
    scanner.value(0);
  } catch (error) {
    if (error === notCanonical) return false;
    throw error;
  }
  return scanner.done();
}
