// A keyboard-wedge scanner types a barcode as a fast burst of printable keys ending in Enter.
// People do not type that fast, so the keys' timing tells a scan from typing. This module only
// decides; the window-level hook (use-scanner.ts) acts on its decisions.
//
// The decision is taken when Enter comes, looking back over the keys before it, not key by key:
// a busy till (a receipt rendering, a garbage collection, a USB hub) holds a key back now and
// then, and a detector that split the burst at that gap looked up only the tail and left the
// head of the code in the search box. Looking back, a burst with one or two slow gaps is still
// one scan, and the hook can put the field back as it was before the scan's *first* key.

export interface ScannerOptions {
  /** Fewest characters a scan has (EAN-8 is the shortest common barcode). */
  minLength: number;
  /** A scanner's ordinary gap between two keys is at most this, in milliseconds. */
  maxGapMs: number;
  /** The longest single stall a burst may contain, and the longest wait for its closing Enter. */
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

export type ScannerDecision<C = undefined> =
  /** Not part of a burst, or a modifier: let it through. */
  | { kind: 'pass' }
  /** A printable key, kept in case an Enter makes it part of a scan. */
  | { kind: 'char' }
  /** Enter closing a burst: this was a scan, swallow the Enter. `first`: the context given with the scan's first key. */
  | { kind: 'scan'; code: string; first: C | undefined };

const MODIFIERS = new Set(['Shift', 'Control', 'Alt', 'Meta', 'CapsLock', 'AltGraph']);
/** Longer than any code a scanner sends (a payment code is 18–24 digits, a receipt's QR code 36). */
const MAX_KEPT = 128;

export interface ScannerDetector<C = undefined> {
  /** `context`: what the caller wants back if this key turns out to start a scan (the field's value before it). */
  feed(input: KeyInput, context?: C): ScannerDecision<C>;
  reset(): void;
}

interface Kept<C> {
  key: string;
  time: number;
  context: C | undefined;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/**
 * Whether keys with these gaps (between consecutive keys) came from a scanner:
 * - no gap longer than a stall (hiccupMs);
 * - only now and then a slow gap (over maxGapMs): at most two, or one in four;
 * - the other gaps steady, as a scanner's are (a person's vary by far more);
 * - a slow gap after only the first one or two keys must be close to the burst's pace: a key a
 *   person typed just before the scan must not become the head of the code.
 */
function scannerPaced(gaps: readonly number[], o: ScannerOptions): boolean {
  if (gaps.some((g) => g > o.hiccupMs)) return false;
  const quick = gaps.filter((g) => g <= o.maxGapMs);
  const slow = gaps.length - quick.length;
  if (slow > Math.max(2, Math.floor(gaps.length / 4)) || quick.length === 0) return false;
  const pace = median(quick);
  if (Math.max(...quick) > 2 * pace + 10) return false;
  return gaps.slice(0, 2).every((g) => g <= o.maxGapMs || g <= 3 * pace + 10);
}

export function createScannerDetector<C = undefined>(options: ScannerOptions = defaultScannerOptions): ScannerDetector<C> {
  let kept: Kept<C>[] = [];

  const reset = () => {
    kept = [];
  };

  /** The longest run of the last keys that a scanner could have sent, as the index of its first key; -1 if none. */
  const scanStart = (): number => {
    for (let start = 0; start <= kept.length - options.minLength; start++) {
      const gaps: number[] = [];
      for (let i = start + 1; i < kept.length; i++) gaps.push((kept[i]?.time ?? 0) - (kept[i - 1]?.time ?? 0));
      if (scannerPaced(gaps, options)) return start;
    }
    return -1;
  };

  return {
    reset,
    feed(input, context) {
      // Scanners send Shift for capitals; it must not break the burst.
      if (MODIFIERS.has(input.key)) return { kind: 'pass' };
      if (input.key === 'Enter') {
        const last = kept[kept.length - 1];
        const start = last && input.time - last.time <= options.hiccupMs ? scanStart() : -1;
        const scan = start >= 0 ? kept.slice(start) : null;
        reset();
        if (!scan) return { kind: 'pass' };
        return { kind: 'scan', code: scan.map((k) => k.key).join(''), first: scan[0]?.context };
      }
      const printable = input.key.length === 1 && !input.ctrlKey && !input.altKey && !input.metaKey;
      if (!printable) {
        reset();
        return { kind: 'pass' };
      }
      // A key after a pause longer than any stall starts afresh: nothing before it can be part of its scan.
      const last = kept[kept.length - 1];
      if (last && input.time - last.time > options.hiccupMs) kept = [];
      kept.push({ key: input.key, time: input.time, context });
      if (kept.length > MAX_KEPT) kept.shift();
      return { kind: 'char' };
    },
  };
}
