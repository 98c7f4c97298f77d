import { describe, expect, it } from 'vitest';
import { createScannerDetector, type ScannerDecision } from '../../renderer/src/keyboard/scanner-burst';

/** Feeds keys `gap` ms apart, starting at `start`; returns every decision. */
function feed(keys: string[], gap: number, start = 1000, detector = createScannerDetector()): ScannerDecision[] {
  return keys.map((key, i) => detector.feed({ key, time: start + i * gap }));
}

const chars = (s: string) => [...s];

describe('scanner burst detector', () => {
  it('recognises a fast burst of 13 digits ending in Enter as a scan', () => {
    const decisions = feed([...chars('6901234567892'), 'Enter'], 5);
    expect(decisions.at(-1)).toEqual({ kind: 'scan', code: '6901234567892' });
    expect(decisions[0]).toEqual({ kind: 'char', startsBurst: true });
    expect(decisions.slice(1, -1).every((d) => d.kind === 'char' && !d.startsBurst)).toBe(true);
  });

  it('lets human typing through: the same keys 120 ms apart are not a scan', () => {
    const decisions = feed([...chars('6901234567892'), 'Enter'], 120);
    expect(decisions.at(-1)).toEqual({ kind: 'pass' });
    expect(decisions.slice(0, -1).every((d) => d.kind === 'char' && d.startsBurst)).toBe(true);
  });

  it('needs at least 6 characters', () => {
    expect(feed([...chars('12345'), 'Enter'], 5).at(-1)).toEqual({ kind: 'pass' });
    expect(feed([...chars('123456'), 'Enter'], 5).at(-1)).toEqual({ kind: 'scan', code: '123456' });
  });

  it('accepts gaps up to 35 ms and breaks the burst above it', () => {
    expect(feed([...chars('ABC-123'), 'Enter'], 35).at(-1)).toEqual({ kind: 'scan', code: 'ABC-123' });
    expect(feed([...chars('ABC-123'), 'Enter'], 36).at(-1)).toEqual({ kind: 'pass' });
  });

  it('keeps a burst whole across one held-back key event', () => {
    const detector = createScannerDetector();
    const head = feed(chars('690456'), 5, 1000, detector);
    // The till was busy for 90 ms in the middle of the scan.
    const tail = feed([...chars('7890127'), 'Enter'], 5, 1115, detector);
    expect(head[0]).toEqual({ kind: 'char', startsBurst: true });
    expect([...head.slice(1), ...tail.slice(0, -1)].every((d) => d.kind === 'char' && !d.startsBurst)).toBe(true);
    expect(tail.at(-1)).toEqual({ kind: 'scan', code: '6904567890127' });
  });

  it('does not let a pause join a typed prefix to a burst', () => {
    // Keys 30 ms apart are quick, but not scanner-quick: a pause after them splits.
    const detector = createScannerDetector();
    feed(chars('abcd'), 30, 0, detector);
    expect(feed(['e'], 0, 190, detector)[0]).toEqual({ kind: 'char', startsBurst: true });
  });

  it('restarts the burst after a pause: slow typed prefix, then a scan', () => {
    const detector = createScannerDetector();
    feed(chars('ab'), 200, 0, detector);
    const decisions = feed([...chars('6904567890127'), 'Enter'], 4, 1000, detector);
    expect(decisions[0]).toEqual({ kind: 'char', startsBurst: true });
    expect(decisions.at(-1)).toEqual({ kind: 'scan', code: '6904567890127' });
  });

  it('a late Enter after a fast burst is typing, not a scan', () => {
    const detector = createScannerDetector();
    feed(chars('6901234567892'), 5, 0, detector);
    expect(detector.feed({ key: 'Enter', time: 5 * 12 + 200 })).toEqual({ kind: 'pass' });
  });

  it('ignores Shift inside a burst (scanners send it for capitals)', () => {
    const keys = ['Shift', 'A', 'B', 'Shift', 'C', '1', '2', '3', 'Enter'];
    expect(feed(keys, 3).at(-1)).toEqual({ kind: 'scan', code: 'ABC123' });
  });

  it('a shortcut or a non-printable key breaks the burst', () => {
    const detector = createScannerDetector();
    feed(chars('1234'), 3, 0, detector);
    expect(detector.feed({ key: 'ArrowDown', time: 14 })).toEqual({ kind: 'pass' });
    const after = feed([...chars('56'), 'Enter'], 3, 17, detector);
    expect(after.at(-1)).toEqual({ kind: 'pass' });
    expect(createScannerDetector().feed({ key: 'a', time: 0, ctrlKey: true })).toEqual({ kind: 'pass' });
  });

  it('a scan resets the detector for the next one', () => {
    const detector = createScannerDetector();
    expect(feed([...chars('111111'), 'Enter'], 2, 0, detector).at(-1)).toEqual({ kind: 'scan', code: '111111' });
    expect(feed([...chars('222222'), 'Enter'], 2, 14, detector).at(-1)).toEqual({ kind: 'scan', code: '222222' });
    expect(detector.feed({ key: 'Enter', time: 30 })).toEqual({ kind: 'pass' });
  });

  it('honours other thresholds', () => {
    const detector = createScannerDetector({ minLength: 3, maxGapMs: 50, hiccupMs: 150 });
    expect(feed([...chars('abc'), 'Enter'], 50, 0, detector).at(-1)).toEqual({ kind: 'scan', code: 'abc' });
  });
});
