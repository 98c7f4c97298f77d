// The one-pass canonical check must accept and refuse exactly what the old check did: parse the
// text, serialise the value with canonicalJson, compare. The old check is the oracle here.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../main/journal-chain/canonical-json';
import { isCanonicalJson, scanCanonical } from '../../main/ledger/canonical-scan';

function oracle(text: string): boolean {
  try {
    return canonicalJson(JSON.parse(text)) === text;
  } catch {
    return false;
  }
}

// JSON values with integers only (what a journal payload may hold), and any string content.
const jsonValue = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
    fc.string({ unit: 'binary' }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string({ unit: 'binary', maxLength: 6 }), tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Small edits that a forger or a bug could make to a canonical text. */
const edits: ((s: string, n: number) => string)[] = [
  (s, n) => s.slice(0, n % (s.length + 1)) + ' ' + s.slice(n % (s.length + 1)),
  (s, n) => s.slice(0, n % (s.length + 1)) + s.slice((n % (s.length + 1)) + 1),
  (s) => s.replace(/(\d)(?=[,}\]])/, '$1.0'),
  (s) => s.replace(/(\d)(?=[,}\]])/, '$1e0'),
  (s) => s.replace(/:(\d)/, ':0$1'),
  (s) => s.replace(/:0(?=[,}\]])/, ':-0'),
  (s) => s.replace('"', '"\\u0041'),
  (s) => s.replace(/\\n/, '\\u000a'),
  (s) => s.replace(/\\u00([0-1][0-9a-f])/, (_m, h: string) => `\\u00${h.toUpperCase()}`),
  (s) => s.replace('/', '\\/'),
  (s) => s.replace(/,"/, ',"~'),
  (s) => s.replace(/\{"([^"]*)":([^,{}[\]]*),"([^"]*)":([^,{}[\]]*)/, '{"$3":$4,"$1":$2'),
  (s) => s.replace(/\{"([^"]*)":([^,{}[\]]*)/, '{"$1":$2,"$1":$2'),
  (s) => `${s}\n`,
  (s) => `[${s}]`,
];

// The same values with ASCII strings only (every code from 0 to 0x7f: quotes, backslashes and
// control characters included), which the byte scanner decides or hands on; and with strings
// that are not ASCII but need no escape, which the scanner of plain texts decides.
function valuesOf(text: fc.Arbitrary<string>, key: fc.Arbitrary<string>) {
  return fc.letrec((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.boolean(),
      fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }),
      text,
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    ),
  })).value;
}
const asciiValue = valuesOf(
  fc.oneof(fc.string({ unit: 'binary-ascii' }), fc.string({ unit: 'grapheme-ascii', maxLength: 40 })),
  fc.string({ unit: 'grapheme-ascii', maxLength: 9 }),
);
const plainUnit = fc.constantFrom('a', 'b', 'é', '收', '据', '#', ' ', '~', '\u007f', '\uffff');
const plainValue = valuesOf(fc.string({ unit: plainUnit, maxLength: 30 }), fc.string({ unit: plainUnit, maxLength: 4 }));

// Texts from the characters JSON is made of, with the ones the byte scanner treats specially (a
// quote, a backslash, '#' just after a quote, characters below and just above 0x20) and a
// non-ASCII one: whatever structure they happen to form.
const jsonish = fc.string({
  unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '0', '1', '9', '-', 'a', 'b', '#', '!', ' ', '\\', '\u001f', '\u007f', 'é', 'e', '.'),
  maxLength: 60,
});

describe('canonical JSON in one pass', () => {
  it('accepts every canonical text canonicalJson writes', () => {
    fc.assert(
      fc.property(jsonValue, (v) => {
        const text = canonicalJson(v);
        expect(isCanonicalJson(text)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with parse-and-serialise on edited canonical texts', () => {
    fc.assert(
      fc.property(jsonValue, fc.nat(), fc.nat({ max: edits.length - 1 }), (v, n, which) => {
        const text = edits[which]?.(canonicalJson(v), n) ?? '';
        expect(isCanonicalJson(text)).toBe(oracle(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('agrees with parse-and-serialise on arbitrary JSON texts and arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string({ unit: 'binary' }), fc.string({ unit: 'grapheme-ascii' })), (text) => {
        expect(isCanonicalJson(text)).toBe(oracle(text));
      }),
      { numRuns: 5000 },
    );
  });

  for (const [name, values] of [
    ['ASCII', asciiValue],
    ['plain non-ASCII', plainValue],
  ] as const) {
    it(`accepts every canonical ${name} text and agrees with parse-and-serialise on its edits`, () => {
      fc.assert(
        fc.property(values, fc.nat(), fc.nat({ max: edits.length - 1 }), (v, n, which) => {
          const text = canonicalJson(v);
          expect(isCanonicalJson(text)).toBe(true);
          const edited = edits[which]?.(text, n) ?? '';
          expect(isCanonicalJson(edited)).toBe(oracle(edited));
        }),
        { numRuns: 5000 },
      );
    });
  }

  it('agrees with parse-and-serialise on texts made of JSON characters', () => {
    fc.assert(
      fc.property(jsonish, (text) => {
        expect(isCanonicalJson(text)).toBe(oracle(text));
        expect(isCanonicalJson(`{"k":${text}}`)).toBe(oracle(`{"k":${text}}`));
        expect(isCanonicalJson(`["${text}"]`)).toBe(oracle(`["${text}"]`));
      }),
      { numRuns: 5000 },
    );
  });

  it('finds the end of a string wherever it starts and ends in the text', () => {
    // Strings of every length from every offset, with the characters next to the ones looked for.
    for (let pad = 0; pad < 5; pad++) {
      for (let length = 0; length < 12; length++) {
        for (const fill of ['a', '#', '!', ' ', '\u007f', '#"', '\\', '\u0000', '\n', 'é']) {
          const value = fill.repeat(length);
          const text = canonicalJson({ ['k'.repeat(pad + 1)]: value, z: [value, 1] });
          expect([text, isCanonicalJson(text)]).toEqual([text, true]);
          const unterminated = text.slice(0, text.indexOf(value === '' ? '""' : value) + 1 + value.length);
          expect([unterminated, isCanonicalJson(unterminated)]).toEqual([unterminated, oracle(unterminated)]);
        }
      }
    }
  });

  it('agrees on the edge cases of numbers and strings', () => {
    const cases = [
      '0',
      '-0',
      '-1',
      '01',
      '1.0',
      '1e3',
      '9007199254740991',
      '9007199254740992',
      '-9007199254740991',
      '"a\\nb"',
      '"a\\u000ab"',
      '"\\u001f"',
      '"\\u001F"',
      '"\\u0041"',
      '"\\/"',
      '"\\ud800"',
      '"\\ud83d\\ude00"',
      '"\u{1f600}"',
      '"\u2028"',
      '"\u007f"',
      '"tab\there"',
      '{"a":1,"a":1}',
      '{"b":1,"a":2}',
      '{"a":1,"b":2}',
      '{"":1,"a":2}',
      '{"\\n":1,"a":2}',
      '{"a":1 }',
      '[1,]',
      '[,1]',
      '[]',
      '{}',
      'true',
      'tru',
      'null',
      '',
      '[',
      '{"a":',
      '"unterminated',
      '"\\',
    ];
    for (const text of cases) expect([text, isCanonicalJson(text)]).toEqual([text, oracle(text)]);
  });

  it('finds the top-level at, kind and seq of a journal payload, not nested ones', () => {
    const payload = canonicalJson({ seq: 12, at: 1_700_000_000_000, kind: 'sale.completed', data: { seq: 1, at: 2, kind: 'x' } });
    const spans = scanCanonical(payload);
    expect(spans).not.toBeNull();
    if (!spans) return;
    expect(payload.slice(spans.seqStart, spans.seqEnd)).toBe('12');
    expect(payload.slice(spans.atStart, spans.atEnd)).toBe('1700000000000');
    expect(payload.slice(spans.kindStart, spans.kindEnd)).toBe('"sale.completed"');
    for (const data of [{ name: 'a "b"\\ c\n' }, { name: '收据 🧾' }, { name: 'x', note: '\u0001' }]) {
      const other = canonicalJson({ seq: 7, at: 9, kind: 'k.k', data });
      expect(scanCanonical(other)).toMatchObject({ seqStart: other.indexOf('"seq":') + 6, atStart: 6, kindStart: other.indexOf('"kind":') + 7 });
    }
    expect(scanCanonical('{"data":{"at":1,"kind":"k","seq":1}}')).toMatchObject({ atStart: -1, kindStart: -1, seqStart: -1 });
    expect(scanCanonical('"a string"')).toBeNull();
    expect(scanCanonical('[1,2]')).toMatchObject({ seqStart: -1 });
  });
});
