// The part of a sale the card or a scanned code is to pay, as the cashier keyed it on the payment
// screen ("¥100 on the card, the rest in cash"). Checked in the window before anything is sent,
// with the same refusals main gives, so a wrong amount never starts the terminal or the provider.
import type { CallError } from '../../../preload/contract';
import { readAmount } from './amount-input';

export type TenderPart = { ok: true; amountMinor: number | undefined } | { ok: false; error: CallError };

/** Main's refusal of an amount that is not at least one minor unit (金额最小为 ¥0.01). */
const notPositive: CallError = {
  code: 'request.invalid_input',
  params: { field: 'amountMinor', issue: 'too_small', origin: 'number', limit: 1, inclusive: true },
};

/**
 * An empty field is the whole amount still due (`amountMinor` undefined); otherwise a positive
 * amount with the currency's decimals and not above what is due, or the refusal to show.
 */
export function tenderPart(
  text: string,
  remainingMinor: number,
  digits: number,
  exceedsCode: 'terminal.amount_exceeds_due' | 'scanpay.amount_exceeds_due',
): TenderPart {
  if (text.trim() === '') return { ok: true, amountMinor: undefined };
  const reading = readAmount(text, digits);
  if (!reading.ok) {
    if (reading.problem === 'negative') return { ok: false, error: notPositive };
    return { ok: false, error: { code: 'request.invalid_input', params: { field: 'amountMinor', issue: 'invalid_type' } } };
  }
  if (reading.value <= 0) return { ok: false, error: notPositive };
  if (reading.value > remainingMinor) return { ok: false, error: { code: exceedsCode, params: { dueMinor: remainingMinor } } };
  return { ok: true, amountMinor: reading.value };
}

/** What the card and scan buttons say they will take: the keyed part when it can be taken, else all that is due. */
export function partShown(part: TenderPart, remainingMinor: number): number {
  return part.ok && part.amountMinor !== undefined ? part.amountMinor : remainingMinor;
}

/** Tells two parts apart by what they would do: a change of it makes an earlier refusal stale. */
export function partKey(part: TenderPart): string {
  return part.ok ? `ok:${part.amountMinor ?? 'all'}` : `refused:${part.error.code}:${JSON.stringify(part.error.params)}`;
}
