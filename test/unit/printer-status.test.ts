import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isStatusByte, parseStatus } from '../../main/hardware/printer/status';
import { queryStatusOver, type StatusChannel } from '../../main/hardware/printer/status-reader';

const OK = 0x12;

describe('DLE EOT status parsing', () => {
  it('all bits clear except the fixed ones means ready', () => {
    const s = parseStatus({ 1: OK, 2: OK, 4: OK });
    expect(s).toMatchObject({ answered: true, ready: true, problems: [], paperOut: false, drawerPinHigh: false, drawerOpen: false });
  });

  it('reads paper end, near end, cover open, offline, error and the drawer switch', () => {
    expect(parseStatus({ 1: OK | 0x08, 2: OK | 0x20, 4: OK | 0x60 }).problems).toEqual(['printer.paper_out']);
    expect(parseStatus({ 1: OK, 2: OK, 4: OK | 0x0c })).toMatchObject({ ready: true, paperNearEnd: true, problems: ['printer.paper_near_end'] });
    expect(parseStatus({ 1: OK | 0x08, 2: OK | 0x04, 4: OK })).toMatchObject({ ready: false, coverOpen: true, problems: ['printer.cover_open'] });
    expect(parseStatus({ 1: OK | 0x08, 2: OK, 4: OK })).toMatchObject({ ready: false, offline: true, problems: ['printer.offline'] });
    expect(parseStatus({ 1: OK, 2: OK | 0x40, 4: OK }).problems).toEqual(['printer.error']);
    expect(parseStatus({ 1: OK | 0x04, 2: OK, 4: OK })).toMatchObject({ drawerPinHigh: true, drawerOpen: true, ready: true });
    expect(parseStatus({ 1: OK | 0x04, 2: OK, 4: OK }, 'low').drawerOpen).toBe(false);
    // Printing stopped by paper end (n=2 bit 5) alone is paper out too.
    expect(parseStatus({ 1: OK, 2: OK | 0x20, 4: OK }).paperOut).toBe(true);
  });

  it('rejects bytes that are not status bytes', () => {
    for (const b of [0x00, 0xff, 0x13, 0x92, 0x10, 0x02, 0x0f]) expect(isStatusByte(b)).toBe(false);
    expect(parseStatus({ 1: 0x00, 2: OK, 4: OK }).problems).toEqual(['printer.no_answer']);
    expect(parseStatus({ 1: OK, 2: OK }).problems).toEqual(['printer.no_answer']);
  });

  it('never throws on arbitrary input and only accepts valid bytes (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -1, max: 300 }), fc.integer({ min: 0, max: 255 }), (a, b, c) => {
        const s = parseStatus({ 1: a, 2: b, 4: c });
        const valid = isStatusByte(a) && isStatusByte(b) && isStatusByte(c);
        expect(s.answered).toBe(valid);
        if (!valid) expect(s.problems).toEqual(['printer.no_answer']);
      }),
    );
  });
});

/** A fake printer end: answers each DLE EOT n with what `reply` returns, byte by byte. */
function fakeChannel(reply: (n: number) => number[]): StatusChannel {
  const listeners = new Set<(c: Uint8Array) => void>();
  return {
    async write(bytes) {
      const n = bytes[2]!;
      const answer = reply(n);
      // Split and delayed, as bytes arrive from a serial line.
      setTimeout(() => answer.forEach((b, i) => setTimeout(() => listeners.forEach((l) => l(Uint8Array.of(b))), i)), 1);
    },
    onData(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

describe('status reader over a byte stream', () => {
  it('skips garbage before each answer and reports paper out', async () => {
    const s = await queryStatusOver(
      fakeChannel((n) => [0x00, 0xff, 0x41, n === 4 ? OK | 0x60 : n === 1 ? OK | 0x08 : OK | 0x20]),
      { timeoutMs: 500 },
    );
    expect(s.problems).toEqual(['printer.paper_out']);
  });

  it('a silent printer is printer.no_answer after the timeout', async () => {
    const s = await queryStatusOver(
      fakeChannel(() => []),
      { timeoutMs: 50 },
    );
    expect(s).toMatchObject({ answered: false, problems: ['printer.no_answer'] });
  });

  it('random byte streams from the printer never crash it (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.uint8Array({ maxLength: 8 }), { minLength: 3, maxLength: 3 }), async (answers) => {
        let k = 0;
        const s = await queryStatusOver(
          fakeChannel(() => [...(answers[k++ % 3] ?? [])]),
          { timeoutMs: 20 },
        );
        expect(typeof s.answered).toBe('boolean');
        if (s.answered) for (const v of Object.values(s.raw)) expect(isStatusByte(v)).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});
