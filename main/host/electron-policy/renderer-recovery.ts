// A renderer that crashes is reloaded: the sale lives in main and SQLite, so the cashier loses
// nothing. But a page that crashes on load would be reloaded forever, a flickering till that
// never says what is wrong. After `limit` crashes within `windowMs` the window shows a static
// error page instead, and stays there until Ringup is restarted.

export type RecoveryAction = 'reload' | 'show-error-page' | 'ignore';

export interface RendererRecoveryOptions {
  limit?: number;
  windowMs?: number;
}

export class RendererRecovery {
  private readonly crashes: number[] = [];
  private readonly limit: number;
  private readonly windowMs: number;
  private gaveUp = false;

  constructor(options: RendererRecoveryOptions = {}) {
    this.limit = options.limit ?? 3;
    this.windowMs = options.windowMs ?? 60_000;
  }

  /** What to do after the renderer went away for `reason` at time `now` (ms). */
  onGone(reason: string, now: number): RecoveryAction {
    // Closing the window or quitting ends the renderer cleanly; that is not a crash.
    if (reason === 'clean-exit' || this.gaveUp) return 'ignore';
    this.crashes.push(now);
    while (this.crashes.length > 0 && (this.crashes[0] ?? now) <= now - this.windowMs) this.crashes.shift();
    if (this.crashes.length >= this.limit) {
      this.gaveUp = true;
      return 'show-error-page';
    }
    return 'reload';
  }
}
