// The codec meets whatever a broken cable or a confused terminal sends. These properties feed
// it random and mutated frames: it must never throw, never loop, and always answer with data
// or a typed codec/terminal error code.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ApduStreamDecoder, decodeApdu, encodeApdu } from '../../main/hardware/terminal/apdu';
import { decodeBmps } from '../../main/hardware/terminal/bmp';
import { build, parseEcrCommand } from '../../main/hardware/terminal/commands';
import { FrameDecoder, encodeFrame } from '../../main/hardware/terminal/framing';
import { parsePtMessage, ptBuild } from '../../main/hardware/terminal/pt-messages';
import type { TerminalResult } from '../../main/hardware/terminal/result';
import { decodeTlv } from '../../main/hardware/terminal/tlv';

const RUNS = 5_000;

function typed(r: TerminalResult<unknown>): boolean {
  return r.ok || /^(codec|terminal)\.[a-z_]+$/.test(r.error.code);
}

/** Every layer of decoding, as the link layer would chain it. */
function decodeAll(bytes: Uint8Array): void {
  expect(typed(decodeBmps(bytes))).toBe(true);
  expect(typed(decodeTlv(bytes))).toBe(true);
  const a = decodeApdu(bytes);
  expect(typed(a)).toBe(true);
  if (a.ok) {
    expect(typed(parsePtMessage(a.value))).toBe(true);
    expect(typed(parseEcrCommand(a.value))).toBe(true);
  }
}

function validFrames(): Uint8Array[] {
  const apdus = [
    build.authorization(1000),
    build.authorization(123456789),
    build.refund(1010),
    build.reversal(10),
    build.registration(),
    build.statusEnquiry(),
    build.endOfDay(),
    ptBuild.status({
      resultCode: 0,
      amountMinor: 1010,
      receiptNo: 16,
      trace: 1010,
      maskedPan: '476173******0119',
      cardName: 'VISA',
      authCode: '101010',
      terminalId: '10101010',
      signatureRequired: true,
      entryMode: 'chip',
    }),
    ptBuild.textBlock('merchant', ['** Haendlerbeleg **', 'Betrag EUR 10,10']),
    ptBuild.completion('10101010'),
  ];
  const out: Uint8Array[] = [encodeFrame(Uint8Array.of(0x80, 0, 0))];
  for (const r of apdus) {
    if (!r.ok) throw new Error('fixture');
    const e = encodeApdu(r.value);
    if (!e.ok) throw new Error('fixture');
    out.push(encodeFrame(e.value));
  }
  return out;
}

const mutation = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ op: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 8 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 4 }) }),
);

function mutate(frame: Uint8Array, ms: { op: string; at: number; bit?: number; bytes?: Uint8Array; n?: number }[]): Uint8Array {
  let b = Array.from(frame);
  for (const m of ms) {
    const at = b.length ? m.at % b.length : 0;
    if (m.op === 'flip') b[at] = (b[at] ?? 0) ^ (1 << (m.bit ?? 0));
    else if (m.op === 'cut') b = b.slice(0, at);
    else if (m.op === 'insert') b.splice(at, 0, ...(m.bytes ?? []));
    else b.splice(at, m.n ?? 1);
  }
  return Uint8Array.from(b);
}

describe('codec fuzzing', () => {
  it(`random bytes (${RUNS} runs) decode to data or a typed error`, () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), fc.integer({ min: 1, max: 64 }), (bytes, chunk) => {
        const d = new FrameDecoder(4096);
        for (let i = 0; i < bytes.length; i += chunk) {
          for (const e of d.push(bytes.subarray(i, i + chunk))) {
            if (e.type === 'frame') decodeAll(e.apdu);
            if (e.type === 'error') expect(e.code).toMatch(/^codec\./);
          }
        }
        d.reset();
        decodeAll(bytes);
        new ApduStreamDecoder().push(bytes).forEach((a) => expect(typed(parsePtMessage(a))).toBe(true));
      }),
      { numRuns: RUNS },
    );
  });

  it(`mutated valid frames (${RUNS} runs) never crash and a frame that survives still checks its CRC`, () => {
    const frames = validFrames();
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: frames.length - 1 }),
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.uint8Array({ maxLength: 6 }),
        (i, ms, noise) => {
          const original = frames[i] as Uint8Array;
          const d = new FrameDecoder();
          // A cut frame stalls the line; the link layer's inter-byte timeout (T1) then calls
          // reset(). After that pause the unmutated retransmission must always come through:
          // one bad frame never poisons the stream.
          const events = [...d.push(Uint8Array.from([...noise, ...mutate(original, ms)])), ...d.reset(), ...d.push(original)];
          const frames_ = events.filter((e) => e.type === 'frame');
          expect(frames_.length).toBeGreaterThanOrEqual(1);
          for (const e of events) {
            if (e.type === 'frame') decodeAll(e.apdu);
            else if (e.type === 'error') expect(e.code).toMatch(/^codec\./);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('mutated APDU payloads (2000 runs) decode to data or a typed error', () => {
    const frames = validFrames();
    fc.assert(
      fc.property(fc.integer({ min: 0, max: frames.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 3 }), (i, ms) => {
        const f = frames[i] as Uint8Array;
        const events = new FrameDecoder().push(f);
        const first = events[0];
        if (first?.type !== 'frame') throw new Error('fixture');
        decodeAll(mutate(first.apdu, ms));
      }),
      { numRuns: 2_000 },
    );
  });
});
