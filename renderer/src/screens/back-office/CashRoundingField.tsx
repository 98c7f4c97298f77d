import { useTranslation } from 'react-i18next';
import { isCashRoundingStep, OFFERED_CASH_ROUNDING_STEPS_MINOR } from '../../../../preload/contract/cash-rounding';
import { currencyDigits, minorToDecimal } from '../../format/money';

interface Props {
  valueMinor: number;
  currency: string;
  onChange(stepMinor: number): void;
  invalid: boolean;
}

/**
 * The cash rounding step, picked from the steps a drawer can settle to (cash-rounding.ts). A ledger
 * that holds another step (saved before the rule) keeps rounding by it until the owner picks one:
 * the field shows it, says why it is wrong, and the form is not saved with it.
 */
export function CashRoundingField({ valueMinor, currency, onChange, invalid }: Props) {
  const { t } = useTranslation();
  const digits = currencyDigits(/^[A-Z]{3}$/.test(currency) ? currency : 'CNY');
  const odd = !isCashRoundingStep(valueMinor);
  // A step of 1 (0.01) rounds nothing: it is shown as none.
  const selected = valueMinor === 1 ? 0 : valueMinor;
  const label = (step: number) => (step === 0 ? t('cashRounding.none') : minorToDecimal(step, digits));
  return (
    <label className="field">
      <span>{t('cashRounding.label')}</span>
      <select
        value={String(selected)}
        onChange={(e) => onChange(Number(e.target.value))}
        aria-invalid={odd || invalid || undefined}
        aria-describedby={odd ? 'settings-rounding-odd' : undefined}
        data-testid="settings-rounding"
      >
        {odd && <option value={String(valueMinor)}>{t('cashRounding.oddOption', { step: minorToDecimal(valueMinor, digits) })}</option>}
        {OFFERED_CASH_ROUNDING_STEPS_MINOR.map((step) => (
          <option key={step} value={String(step)}>
            {label(step)}
          </option>
        ))}
      </select>
      {odd && (
        <span className="field__problem" role="alert" id="settings-rounding-odd" data-testid="settings-rounding-odd">
          {t('cashRounding.odd', { step: minorToDecimal(valueMinor, digits) })}
        </span>
      )}
    </label>
  );
}
