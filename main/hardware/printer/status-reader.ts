// Asks DLE EOT 1, 2 and 4 one at a time over any byte stream and waits for a valid status
// byte after each. A stream parser, not "the next data event is my answer": printers send
// other bytes too, and replies can arrive split or glued to earlier bytes.
import { statusRequest } from './escpos-commands';
import { isStatusByte, parseStatus, statusRequests, noAnswerStatus, type PrinterStatus, type StatusRequestN } from './status';

export interface StatusChannel {
  write(bytes: Uint8Array): Promise<void>;
  /** Subscribe to incoming bytes; returns an unsubscribe function. */
  onData(listener: (chunk: Uint8Array) => void): () => void;
}

export interface StatusQueryOptions {
  /** Per request; a printer that is powered answers DLE EOT within a few ms. */
  timeoutMs?: number;
  drawerOpenLevel?: 'high' | 'low';
}

export async function queryStatusOver(channel: StatusChannel, options: StatusQueryOptions = {}): Promise<PrinterStatus> {
  const timeoutMs = options.timeoutMs ?? 1000;
  let pending: number[] = [];
  let wake: (() => void) | null = null;
  const off = channel.onData((chunk) => {
    pending.push(...chunk);
    wake?.();
  });
  try {
    const raw: Partial<Record<StatusRequestN, number>> = {};
    for (const n of statusRequests) {
      // Anything that arrived before this request cannot be its answer.
      pending = [];
      await channel.write(statusRequest(n));
      const b = await nextStatusByte(
        () => pending,
        (w) => (wake = w),
        timeoutMs,
      );
      if (b === null) return noAnswerStatus();
      raw[n] = b;
    }
    return parseStatus(raw, options.drawerOpenLevel);
  } finally {
    wake = null;
    off();
  }
}

function nextStatusByte(buf: () => number[], setWake: (w: (() => void) | null) => void, timeoutMs: number): Promise<number | null> {
  return new Promise((resolve) => {
    const check = (): boolean => {
      const q = buf();
      while (q.length > 0) {
        const b = q.shift()!;
        if (isStatusByte(b)) {
          clearTimeout(timer);
          setWake(null);
          resolve(b);
          return true;
        }
      }
      return false;
    };
    const timer = setTimeout(() => {
      setWake(null);
      resolve(null);
    }, timeoutMs);
    if (!check()) setWake(() => void check());
  });
}
