// What the cashier is told while a card command waits on a terminal that has gone quiet. ZVT lets
// the terminal stay silent for T4 (180 s) while it holds master rights, and the register keeps to
// that; but the screen must not say "Please wait…" for three minutes. After `noticeMs` without a
// word it says so, in words that depend on the last step the terminal reported (04 FF): while it
// last asked the customer for the card or the PIN, silence is the customer taking their time and
// nothing has gone to the bank, so the screen says the terminal is waiting for the customer; after
// anything else (please wait, waiting for the host, approved, no step at all) the bank may have
// booked it, so it says the terminal stopped answering and that the card may have been charged.
// Cancel is acknowledged at once; pressed on a silent terminal, the register waits `graceMs` for
// an answer to the abort and then stops waiting: the payment's outcome is unknown, recovered from
// the terminal or left to a supervisor (card-recovery.ts), never guessed.

/** How long the terminal may say nothing before the screen says so (ZVT's T4 is not shortened). */
export const SILENCE_NOTICE_MS = 20_000;
/** After Cancel on a silent terminal: time for it to answer the abort before the register stops waiting. */
export const CANCEL_GRACE_MS = 5_000;

/**
 * Intermediate statuses (04 FF) that mean the terminal waits on the customer, before anything goes
 * to the bank ([S] Table 17, see research/zvt-vectors.md §3): 0A insert card, 01/02 watch the PIN
 * pad, 0C card not readable (present it again), 15 wrong PIN (enter it again). Everything else,
 * unknown codes included, keeps the warning that the card may have been charged.
 */
const CUSTOMER_STEPS: ReadonlySet<number> = new Set([0x0a, 0x01, 0x02, 0x0c, 0x15]);

/** The terminal's last step said it waits on the customer at the card reader or PIN pad. */
export function waitsOnCustomer(status: number | null): boolean {
  return status !== null && CUSTOMER_STEPS.has(status);
}

export interface SilenceWatchOptions {
  noticeMs: number;
  graceMs: number;
  /** Shows a step (a `terminal.step.*` key) in every window. */
  say(key: string): void;
  /** Ends the terminal's wait now; false when there is nothing to end (the exchange is over). */
  stopWaiting(): boolean;
}

export class SilenceWatch {
  private noticeTimer: NodeJS.Timeout | null = null;
  private graceTimer: NodeJS.Timeout | null = null;
  private silent = false;
  /** The last intermediate status the terminal reported (04 FF), null before the first. */
  private lastStatus: number | null = null;
  private stopped = false;
  /** The register stopped waiting on the cashier's Cancel: the outcome is unknown by our choice, not the terminal's. */
  gaveUp = false;

  constructor(private readonly o: SilenceWatchOptions) {
    this.arm();
  }

  /** The terminal said something (an intermediate status, when it was one): it is not silent. */
  heard(status?: number): void {
    if (this.stopped) return;
    if (status !== undefined) this.lastStatus = status;
    this.silent = false;
    this.clearGrace();
    this.arm();
  }

  /**
   * The cashier pressed Cancel: say so at once; on a silent terminal, stop waiting unless it answers
   * soon. A terminal quiet while it waits on the customer is not said to be unanswering, but is
   * given the same grace: a hung one must not keep the cashier waiting either.
   */
  cancelPressed(): void {
    if (this.stopped) return;
    if (!this.silent) return this.o.say('terminal.step.cancel_asked');
    this.o.say(waitsOnCustomer(this.lastStatus) ? 'terminal.step.cancel_asked' : 'terminal.step.cancel_silent');
    if (this.graceTimer) return;
    this.graceTimer = setTimeout(() => {
      this.graceTimer = null;
      if (this.stopped || !this.o.stopWaiting()) return;
      this.gaveUp = true;
      this.o.say('terminal.step.checking');
    }, this.o.graceMs);
    this.graceTimer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.noticeTimer = null;
    this.clearGrace();
  }

  private arm(): void {
    if (this.noticeTimer) clearTimeout(this.noticeTimer);
    this.noticeTimer = setTimeout(() => {
      this.noticeTimer = null;
      if (this.stopped) return;
      this.silent = true;
      this.o.say(waitsOnCustomer(this.lastStatus) ? 'terminal.step.silent_customer' : 'terminal.step.silent');
    }, this.o.noticeMs);
    this.noticeTimer.unref();
  }

  private clearGrace(): void {
    if (this.graceTimer) clearTimeout(this.graceTimer);
    this.graceTimer = null;
  }
}
