// The cash rounding steps said in words, in the store's currency: "0.05, 0.10, 0.50 or 1.00" for
// yuan, "5, 10, 50 or 100" for yen. A sentence that wrote "0.05" for a store selling in yen named
// steps its drawer has no coin for (its minor unit is the yen itself).
import { OFFERED_CASH_ROUNDING_STEPS_MINOR } from '../../../preload/contract/cash-rounding';
import { currencyDigits, minorToDecimal } from './money';

/**
 * The offered steps other than none, as the settings list writes them (no currency sign): `steps`
 * all but the last, joined as the locale lists ("、" or ", "), and `last`, for "{{steps}} or {{last}}".
 */
export function cashRoundingStepWords(currency: string, locale: string): { steps: string; last: string } {
  const digits = currencyDigits(/^[A-Z]{3}$/.test(currency) ? currency : 'CNY');
  const words = OFFERED_CASH_ROUNDING_STEPS_MINOR.filter((step) => step !== 0).map((step) => minorToDecimal(step, digits));
  const last = words.pop() ?? '';
  return { steps: words.join(locale.startsWith('zh') ? '、' : ', '), last };
}
