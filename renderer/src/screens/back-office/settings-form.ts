// The store settings form's own shape: amounts and percentages kept as the owner types them, read
// from the settings and back. Apart from SettingsSection.tsx, which is about the screen.
import type { StoreSettings } from '../../../../preload/contract';
import { currencyDigits, minorToDecimal } from '../../format/money';

/** What the form edits: the settings, with amounts and percentages as the owner types them. */
export interface SettingsForm extends Omit<
  StoreSettings,
  'cashierDiscountLimitBp' | 'supervisorDiscountLimitBp' | 'noReceiptRefundDayLimitMinor' | 'noReceiptRefundOperatorLimitMinor' | 'businessDayStartsAt'
> {
  /** HH:MM; null while the field holds text that is no time of day (the field says so; nothing is saved). */
  businessDayStartsAt: string | null;
  cashierDiscountLimitPercent: string;
  supervisorDiscountLimitPercent: string;
  noReceiptDayLimit: string;
  noReceiptOperatorLimit: string;
}

export function toForm(s: StoreSettings): SettingsForm {
  const { cashierDiscountLimitBp, supervisorDiscountLimitBp, noReceiptRefundDayLimitMinor, noReceiptRefundOperatorLimitMinor, ...rest } = s;
  const digits = currencyDigits(s.currency);
  return {
    ...rest,
    noReceiptDayLimit: minorToDecimal(noReceiptRefundDayLimitMinor, digits),
    noReceiptOperatorLimit: minorToDecimal(noReceiptRefundOperatorLimitMinor, digits),
    cashierDiscountLimitPercent: minorToDecimal(cashierDiscountLimitBp, 2).replace(/\.00$/, ''),
    supervisorDiscountLimitPercent: minorToDecimal(supervisorDiscountLimitBp, 2).replace(/\.00$/, ''),
  };
}

export function knownCurrency(code: string): boolean {
  try {
    new Intl.NumberFormat('en', { style: 'currency', currency: code });
    return true;
  } catch {
    return false;
  }
}
