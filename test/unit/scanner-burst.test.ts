import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createScannerDetector, type ScannerDecision } from '../../renderer/src/keyboard/scanner-burst';

/** Feeds keys `gap` ms apart, starting at `start`; returns every decision. */
function feed(keys: string[], gap: number, start = 1000, detector = createScannerDetector<number>()): ScannerDecision<number>[] {
  return keys.map((key, i) => detector.feed({ key, time: start + i * gap }, i));
}

/** Feeds keys at the given times; each key's context is its index. */
function feedAt(keys: string[], times: number[], detector = createScannerDetector<number>()): ScannerDecision<number>[] {
  return keys.map((key, i) => detector.feed({ key, time: times[i] ?? 0 }, i));
}

const chars = (s: string) => [...s];

describe('scanner burst detector', () => {
  it('recognises a fast burst of 13 digits ending in Enter as a scan, starting at its first key', () => {
    const decisions = feed([...chars('6901234567892'), 'Enter'], 5);
    expect(decisions.at(-1)).toEqual({ kind: 'scan', code: '6901234567892', first: 0 });
    expect(decisions.slice(0, -1).every((d) => d.kind === 'char')).toBe(true);
  });

  it('lets human typing through: the same keys 120 ms apart are not a scan', () => {
    const decisions = feed([...chars('6901234567892'), 'Enter'], 120);
    expect(decisions.at(-1)).toEqual({ kind: 'pass' });
  });

  it('lets a fast typist through: keys 60–90 ms apart are not a scan', () => {
    const times = [0, 70, 130, 220, 280, 350, 440, 500, 575, 660];
    expect(feedAt([...chars('123456789'), 'Enter'], times).at(-1)).toEqual({ kind: 'pass' });
  });

  it('needs at least 6 characters', () => {
    expect(feed([...chars('12345'), 'Enter'], 5).at(-1)).toEqual({ kind: 'pass' });
    expect(feed([...chars('123456'), 'Enter'], 5).at(-1)).toEqual({ kind: 'scan', code: '123456', first: 0 });
  });

  it('accepts gaps up to 35 ms and breaks the burst above it', () => {
    expect(feed([...chars('ABC-123'), 'Enter'], 35).at(-1)).toEqual({ kind: 'scan', code: 'ABC-123', first: 0 });
    expect(feed([...chars('ABC-123'), 'Enter'], 36).at(-1)).toEqual({ kind: 'pass' });
  });

  it('keeps a burst whole across one held-back key event', () => {
    const detector = createScannerDetector<number>();
    feed(chars('690456'), 5, 1000, detector);
    // The till was busy for 90 ms in the middle of the scan.
    const tail = feed([...chars('7890127'), 'Enter'], 5, 1115, detector);
    expect(tail.at(-1)).toMatchObject({ kind: 'scan', code: '6904567890127', first: 0 });
  });

  it('keeps the head of a scan whose keys come 20 ms apart with a 35–55 ms gap anywhere (a till under load)', () => {
    const code = '6901234567892';
    for (let at = 1; at < code.length; at++) {
      for (const stall of [36, 45, 55]) {
        const times = [...code].map((_, i) => 1000 + i * 20 + (i >= at ? stall - 20 : 0));
        const decisions = feedAt([...chars(code), 'Enter'], [...times, (times.at(-1) ?? 0) + 20]);
        expect(decisions.at(-1), `gap of ${stall} ms before key ${at}`).toEqual({ kind: 'scan', code, first: 0 });
      }
    }
  });

  it('scan after scan under load: every code whole, none carried into the next (property)', () => {
    const codeArb = fc.stringMatching(/^[0-9]{8,14}$/);
    const scanArb = fc.record({
      code: codeArb,
      // Per key: ~20 ms with jitter; now and then (at most twice a scan) a 35–55 ms stall.
      gaps: fc.array(fc.integer({ min: 15, max: 25 }), { minLength: 14, maxLength: 14 }),
      stalls: fc.uniqueArray(fc.record({ at: fc.integer({ min: 1, max: 13 }), ms: fc.integer({ min: 35, max: 55 }) }), {
        minLength: 0,
        maxLength: 2,
        selector: (s) => s.at,
      }),
      pause: fc.integer({ min: 200, max: 2000 }),
    });
    fc.assert(
      fc.property(fc.array(scanArb, { minLength: 1, maxLength: 6 }), (scans) => {
        const detector = createScannerDetector<number>();
        let now = 0;
        for (const s of scans) {
          const stallAt = new Map(s.stalls.map((st) => [st.at, st.ms]));
          const keys = [...s.code];
          keys.forEach((key, i) => {
            if (i > 0) now += stallAt.get(i) ?? s.gaps[i] ?? 20;
            detector.feed({ key, time: now }, i);
          });
          now += 20;
          expect(detector.feed({ key: 'Enter', time: now })).toEqual({ kind: 'scan', code: s.code, first: 0 });
          now += s.pause;
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not let typed keys before a pause join a scan', () => {
    // Keys 30 ms apart are quick, but not scanner-steady next to a scan's 5 ms; the 100 ms pause splits.
    const detector = createScannerDetector<number>();
    feed(chars('abcd'), 30, 0, detector);
    const decisions = feedAt([...chars('6904567890127'), 'Enter'], [...chars('6904567890127').map((_, i) => 190 + i * 5), 190 + 13 * 5], detector);
    expect(decisions.at(-1)).toEqual({ kind: 'scan', code: '6904567890127', first: 0 });
  });

  it('restarts the burst after a pause: slow typed prefix, then a scan', () => {
    const detector = createScannerDetector<number>();
    feed(chars('ab'), 200, 0, detector);
    const decisions = feed([...chars('6904567890127'), 'Enter'], 4, 1000, detector);
    expect(decisions.at(-1)).toEqual({ kind: 'scan', code: '6904567890127', first: 0 });
  });

  it('a late Enter after a fast burst is typing, not a scan', () => {
    const detector = createScannerDetector();
    feed(chars('6901234567892'), 5, 0, detector as never);
    expect(detector.feed({ key: 'Enter', time: 5 * 12 + 200 })).toEqual({ kind: 'pass' });
  });

  it('ignores Shift inside a burst (scanners send it for capitals)', () => {
    const keys = ['Shift', 'A', 'B', 'Shift', 'C', '1', '2', '3', 'Enter'];
    expect(feed(keys, 3).at(-1)).toMatchObject({ kind: 'scan', code: 'ABC123' });
  });

  it('a shortcut or a non-printable key breaks the burst', () => {
    const detector = createScannerDetector<number>();
    feed(chars('1234'), 3, 0, detector);
    expect(detector.feed({ key: 'ArrowDown', time: 14 })).toEqual({ kind: 'pass' });
    const after = feed([...chars('56'), 'Enter'], 3, 17, detector);
    expect(after.at(-1)).toEqual({ kind: 'pass' });
    expect(createScannerDetector().feed({ key: 'a', time: 0, ctrlKey: true })).toEqual({ kind: 'pass' });
  });

  it('a scan resets the detector for the next one', () => {
    const detector = createScannerDetector<number>();
    expect(feed([...chars('111111'), 'Enter'], 2, 0, detector).at(-1)).toEqual({ kind: 'scan', code: '111111', first: 0 });
    expect(feed([...chars('222222'), 'Enter'], 2, 14, detector).at(-1)).toEqual({ kind: 'scan', code: '222222', first: 0 });
    expect(detector.feed({ key: 'Enter', time: 30 })).toEqual({ kind: 'pass' });
  });

  it('honours other thresholds', () => {
    const detector = createScannerDetector<number>({ minLength: 3, maxGapMs: 50, hiccupMs: 150 });
    expect(feed([...chars('abc'), 'Enter'], 50, 0, detector).at(-1)).toEqual({ kind: 'scan', code: 'abc', first: 0 });
  });
});
