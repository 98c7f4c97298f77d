// A FIFO with timed takes. The peer's answer can arrive before the code that waits for it is
// listening (the terminal's 80 00 00 often lands in the same read as our own ACK), so every
// arriving APDU is queued and nothing is ever delivered to "whoever happens to listen".
import { fail, ok, type TerminalErrorCode, type TerminalResult } from './result';

interface Waiter<T> {
  resolve: (r: TerminalResult<T>) => void;
  timer: NodeJS.Timeout | null;
}

export class Inbox<T> {
  private items: T[] = [];
  private waiters: Waiter<T>[] = [];
  private closedWith: TerminalErrorCode | null = null;
  private interrupted: TerminalErrorCode | null = null;

  push(item: T): void {
    const w = this.waiters.shift();
    if (w) {
      if (w.timer) clearTimeout(w.timer);
      w.resolve(ok(item));
    } else this.items.push(item);
  }

  /** Resolves with the next item, `terminal.timeout` after `timeoutMs`, or the close reason. */
  take(timeoutMs: number): Promise<TerminalResult<T>> {
    const item = this.items.shift();
    if (item !== undefined) return Promise.resolve(ok(item));
    if (this.closedWith) return Promise.resolve(fail(this.closedWith));
    if (this.interrupted) {
      const code = this.interrupted;
      this.interrupted = null;
      return Promise.resolve(fail(code, { interrupted: true }));
    }
    return new Promise((resolve) => {
      const waiter: Waiter<T> = { resolve, timer: null };
      if (Number.isFinite(timeoutMs)) {
        waiter.timer = setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          resolve(fail('terminal.timeout', { waitedMs: timeoutMs }));
        }, timeoutMs);
      }
      this.waiters.push(waiter);
    });
  }

  /** Take without waiting. */
  poll(): T | undefined {
    return this.items.shift();
  }

  size(): number {
    return this.items.length;
  }

  /**
   * Ends the wait under way (or the next one, if nobody waits this instant) with `code`, as if its
   * time were up; the inbox stays open and keeps what arrives. `clearInterrupt` forgets an unused one.
   */
  interrupt(code: TerminalErrorCode): void {
    const w = this.waiters.shift();
    if (!w) {
      this.interrupted = code;
      return;
    }
    if (w.timer) clearTimeout(w.timer);
    w.resolve(fail(code, { interrupted: true }));
  }

  clearInterrupt(): void {
    this.interrupted = null;
  }

  close(code: TerminalErrorCode): void {
    this.closedWith = code;
    for (const w of this.waiters.splice(0)) {
      if (w.timer) clearTimeout(w.timer);
      w.resolve(fail(code));
    }
  }

  reopen(): void {
    this.closedWith = null;
    this.items = [];
  }
}
