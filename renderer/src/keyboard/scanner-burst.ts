// A keyboard-wedge scanner types a barcode as a fast burst of printable keys ending in Enter.
// People do not type that fast, so speed alone tells a scan from typing. This module only
// decides; the window-level hook (use-scanner.ts) acts on its decisions.

export interface ScannerOptions {
  /** Fewest characters a scan has (EAN-8 is the shortest common barcode). */
  minLength: number;
  /** Longest gap between two keys of one burst, in milliseconds. */
  maxGapMs: number;
  /**
   * A busy till (a receipt rendering, a garbage collection) can hold one key event back. A gap
   * up to this long does not split a burst whose keys so far came at scanner speed (mean gap at
   * most half of maxGapMs); a person never types three keys that fast.
   */
  hiccupMs: number;
}

export const defaultScannerOptions: ScannerOptions = { minLength: 6, maxGapMs: 35, hiccupMs: 150 };

export interface KeyInput {
  key: string;
  /** Milliseconds, monotonic (KeyboardEvent.timeStamp). */
  time: number;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
}

export type ScannerDecision =
  /** Not part of a burst, or a modifier: let it through. */
  | { kind: 'pass' }
  /** A printable key; `startsBurst` when it may be the first of a new burst (snapshot focus now). */
  | { kind: 'char'; startsBurst: boolean }
  /** Enter closing a burst: this was a scan, swallow the Enter. */
  | { kind: 'scan'; code: string };

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph']);

export interface ScannerDetector {
  feed(input: KeyInput): ScannerDecision;
  reset(): void;
}

export function createScannerDetector(options: ScannerOptions = defaultScannerOptions): ScannerDetector {
  let buffer = '';
  let firstTime = Number.NEGATIVE_INFINITY;
  let lastTime = Number.NEGATIVE_INFINITY;

  const reset = () => {
    buffer = '';
    firstTime = Number.NEGATIVE_INFINITY;
    lastTime = Number.NEGATIVE_INFINITY;
  };

  /** Does a key `gap` ms after the last one continue the burst in the buffer? */
  const continues = (gap: number): boolean => {
    if (gap <= options.maxGapMs) return true;
    if (gap > options.hiccupMs || buffer.length < 3) return false;
    const meanGap = (lastTime - firstTime) / (buffer.length - 1);
    return meanGap * 2 <= options.maxGapMs;
  };

  return {
    reset,
    feed(input) {
      // Scanners send Shift for capitals; it must not break the burst.
      if (MODIFIERS.has(input.key)) return { kind: 'pass' };
      const quick = continues(input.time - lastTime);
      if (input.key === 'Enter') {
        const code = buffer;
        const isScan = quick && code.length >= options.minLength;
        reset();
        return isScan ? { kind: 'scan', code } : { kind: 'pass' };
      }
      const printable = input.key.length === 1 && !input.ctrlKey && !input.altKey && !input.metaKey;
      if (!printable) {
        reset();
        return { kind: 'pass' };
      }
      const startsBurst = !quick || buffer === '';
      buffer = startsBurst ? input.key : buffer + input.key;
      if (startsBurst) firstTime = input.time;
      lastTime = input.time;
      return { kind: 'char', startsBurst };
    },
  };
}
