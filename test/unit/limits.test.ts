import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8ByteLength } from '../../preload/contract/limits';

// Node's own UTF-8 encoder (Buffer) is the independent implementation this count must agree with.
describe('utf8ByteLength', () => {
  it('counts 1, 2, 3 and 4-byte characters as UTF-8 does (RFC 3629 section 3)', () => {
    for (const text of ['', 'a', 'é', '价', '😀', 'a价😀é', '生抽 500ml,6.50,13%']) expect(utf8ByteLength(text), text).toBe(Buffer.byteLength(text, 'utf8'));
  });

  it('counts a lone surrogate as the 3-byte U+FFFD an encoder writes for it', () => {
    for (const text of ['\ud800', '\udc00', 'a\ud83d', '\ude00b', '\udc00\ud800'])
      expect(utf8ByteLength(text), JSON.stringify(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });

  it('agrees with Buffer.byteLength on any string of UTF-16 code units', () => {
    const codeUnit = fc.oneof(
      fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
      fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(fc.string({ unit: codeUnit, maxLength: 64 }), (text) => utf8ByteLength(text) === Buffer.byteLength(text, 'utf8')),
      { numRuns: 2000 },
    );
  });
});
