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
    expect(scanCanonical('{"data":{"at":1,"kind":"k","seq":1}}')).toMatchObject({ atStart: -1, kindStart: -1, seqStart: -1 });
    expect(scanCanonical('"a string"')).toBeNull();
    expect(scanCanonical('[1,2]')).toMatchObject({ seqStart: -1 });
  });
});
