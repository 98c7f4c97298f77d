// The journal chain's pure code, shared by the register and HQ: canonical JSON checked against an
// independent serialiser (sorted keys, then the platform's JSON.stringify), chain breaks named,
// request signatures bound to every signed part.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, isCanonicalJsonText } from '../../main/journal-chain/canonical-json';
import { entryHash, entryPayload, GENESIS_HASH, verifyChain, type ChainEntry } from '../../main/journal-chain/chain';
import { signatureHolds, signingText, signRequest, type SignedParts } from '../../main/journal-chain/request-signature';

function sortedDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedDeep);
  if (value && typeof value === 'object') {
    // No prototype: a plain object would take a "__proto__" key (which fast-check generates) as its prototype, not as a key.
    const out = Object.create(null) as Record<string, unknown>;
    for (const key of Object.keys(value).sort()) out[key] = sortedDeep((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

// Keys that look like array indices are kept out: a JS object lists those first whatever order
// they were added in, so the reference (an object rebuilt in sorted order) could not express them.
const key = fc.string().filter((k) => !/^(0|[1-9][0-9]*)$/.test(k));
const jsonInt = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.string(),
    fc.maxSafeInteger(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(key, tie('value'), { maxKeys: 6 }),
  ),
})).value;

function chain(n: number): ChainEntry[] {
  const entries: ChainEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const payload = entryPayload(seq, 1_700_000_000_000 + seq, 'sale.completed', { receiptNo: seq, totalMinor: seq * 100 });
    const hash = entryHash(prev, payload);
    entries.push({ seq, at: 1_700_000_000_000 + seq, kind: 'sale.completed', payload, prev_hash: prev, hash });
    prev = hash;
  }
  return entries;
}

describe('journal chain (shared by register and HQ)', () => {
  it('canonical JSON is JSON with keys sorted, for any integer-only JSON value', () => {
    fc.assert(fc.property(jsonInt, (v) => canonicalJson(v) === JSON.stringify(sortedDeep(v))));
    // Index-like keys sort as strings too, by UTF-16 code units.
    expect(canonicalJson({ '10': 1, '9': 2, '': 3, b: 4, B: 5 })).toBe('{"":3,"10":1,"9":2,"B":5,"b":4}');
    // A "__proto__" key as JSON.parse makes it (an own key) is a key like any other.
    expect(canonicalJson(JSON.parse('{"b":1,"__proto__":[2]}'))).toBe('{"__proto__":[2],"b":1}');
  });

  it('recognises canonical text exactly as rebuilding it with canonicalJson would, index-like keys, floats and all', () => {
    const anyKey = fc.oneof(fc.string(), fc.nat({ max: 20 }).map(String));
    const anyJson = fc.letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.string(),
        fc.maxSafeInteger(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('value'), { maxLength: 5 }),
        fc.dictionary(anyKey, tie('value'), { maxKeys: 6 }),
      ),
    })).value;
    const slow = (value: unknown, text: string) => {
      try {
        return canonicalJson(value) === text;
      } catch {
        return false;
      }
    };
    fc.assert(
      fc.property(anyJson, (v) => {
        for (const text of [JSON.stringify(v), JSON.stringify(sortedDeep(v)), JSON.stringify(v, null, 1)]) {
          const parsed: unknown = JSON.parse(text);
          expect(isCanonicalJsonText(parsed, text)).toBe(slow(parsed, text));
        }
      }),
    );
    expect(isCanonicalJsonText({ '10': 1, '9': 2, b: 4 }, '{"10":1,"9":2,"b":4}')).toBe(true);
    expect(isCanonicalJsonText({ '10': 1, '9': 2, b: 4 }, '{"9":2,"10":1,"b":4}')).toBe(false);
    expect(isCanonicalJsonText(JSON.parse('{"a":1,"a":2}'), '{"a":1,"a":2}')).toBe(false);
    expect(isCanonicalJsonText({ a: 1.5 }, '{"a":1.5}')).toBe(false);
  });

  it('entry hash is SHA-256 over prev_hash then payload (FIPS 180-4 "abc" vector, split across the two)', () => {
    expect(entryHash('a', 'bc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('names the first entry that does not hold', () => {
    const good = chain(10);
    expect(verifyChain(good)).toEqual({ ok: true, entries: 10, firstBadSeq: null, reason: null });
    expect(verifyChain([...good.slice(0, 4), ...good.slice(5)])).toMatchObject({ ok: false, firstBadSeq: 5, reason: 'gap' });
    const edited = good.map((e) => (e.seq === 6 ? { ...e, payload: e.payload.replace('"totalMinor":600', '"totalMinor":601') } : e));
    expect(verifyChain(edited)).toMatchObject({ ok: false, firstBadSeq: 6, reason: 'hash_mismatch' });
    const rehashed = edited.map((e) => (e.seq === 6 ? { ...e, hash: entryHash(e.prev_hash, e.payload) } : e));
    expect(verifyChain(rehashed)).toMatchObject({ ok: false, firstBadSeq: 7, reason: 'prev_hash_mismatch' });
    const spaced = good.map((e) =>
      e.seq === 3 ? { ...e, payload: e.payload.replace(':', ': '), hash: entryHash(e.prev_hash, e.payload.replace(':', ': ')) } : e,
    );
    expect(verifyChain(spaced.slice(0, 3))).toMatchObject({ ok: false, firstBadSeq: 3, reason: 'payload_not_canonical' });
    const moved = good.map((e) => (e.seq === 2 ? { ...e, at: e.at + 1 } : e));
    expect(verifyChain(moved)).toMatchObject({ ok: false, firstBadSeq: 2, reason: 'fields_differ' });
    // A tail checked from a head HQ already holds.
    const head = good[4];
    expect(verifyChain(good.slice(5), { seq: head?.seq ?? 0, hash: head?.hash ?? '' })).toMatchObject({ ok: true, entries: 5 });
  });

  it('a signature holds only for exactly what was signed', () => {
    const secret = Buffer.alloc(32, 7);
    const parts: SignedParts = { method: 'POST', path: '/api/upload', registerId: 'S1-R1', time: 1_700_000_000_000, nonce: 'ab'.repeat(16), body: '{"a":1}' };
    const sig = signRequest(secret, parts);
    expect(signatureHolds(secret, parts, sig)).toBe(true);
    // The body is bound through its SHA-256 (FIPS 180-4: SHA-256 of "" is e3b0c442…).
    expect(signingText({ ...parts, body: '' }).endsWith('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')).toBe(true);
    for (const changed of [
      { method: 'GET' },
      { path: '/api/down' },
      { registerId: 'S1-R2' },
      { time: parts.time + 1 },
      { nonce: 'cd'.repeat(16) },
      { body: '{"a":2}' },
    ])
      expect(signatureHolds(secret, { ...parts, ...changed }, sig), JSON.stringify(changed)).toBe(false);
    expect(signatureHolds(Buffer.alloc(32, 8), parts, sig)).toBe(false);
    expect(signatureHolds(secret, parts, sig.toUpperCase())).toBe(false);
    expect(signatureHolds(secret, parts, 'zz')).toBe(false);
  });
});
