// After a crash the register has an intent (amount, start time, maybe the terminal's receipt
// number) and the terminal's account of its last transaction (repeat receipt). This pure
// function decides what happened. It never guesses: anything that does not clearly match is
// "unknown" and goes to a supervisor, and nothing here ever resends an authorization.
import type { StatusInformation } from './status-info';

export interface PaymentIntent {
  amountMinor: number;
  startedAt: Date;
  /** Known when the crash happened after status information arrived. */
  receiptNo?: number | null;
  trace?: number | null;
  /** The terminal receipt number of the last transaction before this one, if known. */
  previousReceiptNo?: number | null;
}

export type RecoveryVerdict = 'approved' | 'declined' | 'unknown';

/** Minutes between the intent and the terminal's MM-DD HH:MM:SS (the terminal sends no year). */
function minutesApart(startedAt: Date, date: string | null, time: string | null): number | null {
  if (!date || !time) return null;
  const [mm, dd] = date.split('-').map(Number);
  const [h, m, s] = time.split(':').map(Number);
  if ([mm, dd, h, m, s].some((n) => n === undefined || Number.isNaN(n))) return null;
  let best: number | null = null;
  for (const year of [startedAt.getFullYear() - 1, startedAt.getFullYear(), startedAt.getFullYear() + 1]) {
    const t = new Date(year, (mm ?? 1) - 1, dd, h, m, s).getTime();
    const diff = Math.abs(t - startedAt.getTime()) / 60_000;
    if (best === null || diff < best) best = diff;
  }
  return best;
}

export function matchRecoveredTransaction(intent: PaymentIntent, last: StatusInformation | null, windowMinutes = 30): RecoveryVerdict {
  if (!last) return 'unknown';
  // The terminal's last transaction is the one before ours: ours never got booked.
  if (intent.previousReceiptNo != null && last.receiptNo != null && last.receiptNo === intent.previousReceiptNo) return 'declined';
  if (last.amountMinor !== intent.amountMinor) return 'unknown';
  if (intent.receiptNo != null && last.receiptNo != null && last.receiptNo !== intent.receiptNo) return 'unknown';
  if (intent.trace != null && last.trace != null && last.trace !== intent.trace) return 'unknown';
  const apart = minutesApart(intent.startedAt, last.date, last.time);
  // Without an identifying number we insist on the terminal's clock agreeing with ours.
  const identified = intent.receiptNo != null || intent.trace != null;
  if (!identified && (apart === null || apart > windowMinutes)) return 'unknown';
  if (apart !== null && apart > 24 * 60) return 'unknown';
  return last.resultCode === 0 ? 'approved' : 'declined';
}
