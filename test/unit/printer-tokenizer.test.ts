// The test-side tokenizer is itself an oracle, so it gets its own checks on hand-written bytes.
import { describe, expect, it } from 'vitest';
import { commandsNamed, EscPosTokenizeError, tokenizeEscPos } from '../support/escpos-tokenizer';

const b = (...parts: (number[] | string)[]): Buffer => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));

describe('ESC/POS tokenizer', () => {
  it('tracks Kanji mode: GB18030 after FS &, code-page glyphs after FS .', () => {
    const gb = [0xd6, 0xd0, 0xce, 0xc4]; // 中文
    const t = tokenizeEscPos(b([0x1c, 0x26], gb, '\n', [0x1c, 0x2e, 0x1b, 0x74, 0x01, 0x95, 0x95, 0x95], '\n', [0x1b, 0x74, 0x00, 0x9d], '\n'));
    expect(t.lines).toEqual(['中文', '---', '¥']);
  });

  it('decodes four-byte GB18030 sequences as one character', () => {
    expect(tokenizeEscPos(b([0x1c, 0x26, 0x81, 0x30, 0x84, 0x36], '\n')).lines).toEqual(['¥']);
  });

  it('places text by ESC $ / ESC \\ positions, the GS L margin and the GS ! width', () => {
    const t = tokenizeEscPos(
      b([0x1d, 0x4c, 24, 0], 'A', [0x1b, 0x24, 120, 0], 'B', [0x1b, 0x5c, 24, 0], 'C', '\n', [0x1d, 0x4c, 0, 0, 0x1d, 0x21, 0x10], 'WW\n'),
    );
    expect(t.lines).toEqual(['  A         B  C', 'W W']);
  });

  it('skips data blocks: GS ( k (with QR data), GS v 0, GS 8 L, GS k, GS V with and without n', () => {
    const qrStore = [0x1d, 0x28, 0x6b, 6, 0, 0x31, 0x50, 0x30, 0x0a, 0x1b, 0x40];
    const qrPrint = [0x1d, 0x28, 0x6b, 3, 0, 0x31, 0x51, 0x30];
    const gsv0 = [0x1d, 0x76, 0x30, 0, 1, 0, 2, 0, 0x0a, 0x0a];
    const gs8l = [0x1d, 0x38, 0x4c, 11, 0, 0, 0, 0x30, 0x70, 0x30, 1, 1, 0x31, 8, 0, 1, 0, 0x0a];
    const gsk = [0x1d, 0x6b, 0x49, 3, 0x7b, 0x42, 0x0a];
    const t = tokenizeEscPos(b(qrStore, qrPrint, gsv0, gs8l, gsk, [0x1d, 0x56, 0x00, 0x1d, 0x56, 0x42, 0x00], 'x\n'));
    // Bytes inside the blocks (0x0a, ESC @) are data, not line feeds or commands.
    expect(t.lines).toEqual(['x']);
    expect(t.qrCodes).toEqual(['\n\x1b@']);
    expect(t.images.map((i) => i.name)).toEqual(['GS v 0', 'GS 8 L']);
    expect(commandsNamed(t, 'GS k')[0]?.data).toBe('{B\n');
    expect(commandsNamed(t, 'GS V').map((c) => c.params)).toEqual([[0], [0x42, 0]]);
    expect(commandsNamed(t, 'ESC @')).toEqual([]);
  });

  it('reads DLE EOT, DLE DC4 and ESC p with all their parameters', () => {
    const t = tokenizeEscPos(b([0x10, 0x04, 0x01, 0x10, 0x14, 0x01, 0x00, 0x05, 0x1b, 0x70, 0x00, 0x19, 0xfa]));
    expect(t.commands.map((c) => [c.name, c.params])).toEqual([
      ['DLE EOT', [1]],
      ['DLE DC4', [1, 0, 5]],
      ['ESC p', [0, 25, 250]],
    ]);
  });

  it('refuses truncated commands instead of guessing', () => {
    expect(() => tokenizeEscPos(Uint8Array.of(0x1b, 0x70, 0x00))).toThrow(EscPosTokenizeError);
    expect(() => tokenizeEscPos(Uint8Array.of(0x1d, 0x28, 0x6b, 9, 0, 0x31))).toThrow(EscPosTokenizeError);
  });
});
