// A payment the register is still working on, and how the last one of a sale ended: what a window
// loaded in the middle of it (a reload, a crashed renderer, a second window) needs to show the
// same steps and the same ending as the window that started it.
import type { PaymentProvider } from './payment-code';
import type { CompletionView, SaleExchangeView } from './views';

export type PaymentKind = 'card' | 'scanpay';

export interface PaymentInProgressView {
  saleId: string;
  kind: PaymentKind;
  amountMinor: number;
  /** The newest step, with the keys the live `payment.step` events carry (`terminal.step.*`, `scanpay.step.*`); null before the first. */
  step: string | null;
  /** The customer's time to enter the password ends here (scan-to-pay, while waiting), as the step event said. */
  deadlineAt: number | null;
  /** Scan-to-pay: whose code was scanned. */
  provider: PaymentProvider | null;
  startedAt: number;
  /** A cashier's pay call is waiting on it now (false: the register settles it on its own, as after a restart). */
  live: boolean;
  /** Cancel (scan-to-pay) or the terminal's abort (card) can be asked for now. */
  cancellable: boolean;
}

/**
 * What a pay call answered: a `Result<CompletionView>`, spelled out here because the events
 * import this file and result.ts (through errors.ts and every domain's error list) imports them.
 */
export type PaymentOutcome =
  { ok: true; value: CompletionView } | { ok: false; error: { code: string; params: Record<string, string | number | boolean | null> } };

/** How a pay call ended: exactly what it answered the window that made it. */
export interface PaymentEndedView {
  saleId: string;
  kind: PaymentKind;
  result: PaymentOutcome;
  endedAt: number;
}

export interface SalePaymentProgressView {
  running: PaymentInProgressView | null;
  /** The sale's last pay call that ended since the register started (null: none, or a new one is running). */
  ended: PaymentEndedView | null;
  /** The exchange this sale pays the difference of (null: an ordinary sale); its completion completes the return too. */
  exchange: SaleExchangeView | null;
}

/**
 * Money going back to a card for a correction of a sale (a return, a price adjustment, a void):
 * the newest such correction, its terminal step while it runs, and how it ended. What a refund
 * screen reloaded in the middle of it needs to show the same step and the same ending.
 */
export interface GiveBackProgressView {
  /** The correction document (what `payment.step` and `payment.ended` name while it runs). */
  correctionId: string;
  /** The sale it corrects. */
  saleId: string;
  running: PaymentInProgressView | null;
  /** Null while it runs, or when the register knows no more of it than that it is still open. */
  ended: PaymentEndedView | null;
}
