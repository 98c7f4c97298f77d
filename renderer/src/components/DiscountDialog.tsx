import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../preload/contract';
import type { Discount } from '../../../preload/contract/primitives';
import { currencyDigits, minorToDecimal } from '../format/money';
import { parseDecimal, parseMinor } from '../format/parse-amount';
import { useFormat } from '../state/store-context';
import { AmountField } from './AmountField';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { ErrorNote } from './ErrorNote';
import { applyKey, Keypad } from './Keypad';

interface DiscountDialogProps {
  /** What the discount is on: a line's name, or the whole order. */
  title: string;
  current: Discount | null;
  onApply(discount: Discount | null): void;
  /** Main's refusal of the discount; the dialog stays open to fix it. */
  error: CallError | null;
  onClose(): void;
}

function initialText(current: Discount | null, digits: number): string {
  if (!current) return '';
  const text = current.kind === 'percent' ? minorToDecimal(current.rateBp, 2) : minorToDecimal(current.amountMinor, digits);
  return text.replace(/\.?0+$/, '');
}

/** A percentage or an amount off. Main checks the cashier's limit and may ask for a supervisor. */
export function DiscountDialog({ title, current, onApply, error, onClose }: DiscountDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const digits = currencyDigits(format.currency);
  const [kind, setKind] = useState<Discount['kind']>(current?.kind ?? 'percent');
  const [value, setValue] = useState(initialText(current, digits));
  const [problem, setProblem] = useState<string | null>(null);

  const send = (discount: Discount | null) => {
    setProblem(null);
    onApply(discount);
  };

  const submit = () => {
    if (kind === 'percent') {
      // "10" percent → 1000 basis points: two decimals of a percent.
      const rateBp = parseDecimal(value, 2);
      if (rateBp === null || rateBp <= 0 || rateBp > 10_000) return setProblem(t('dialog.invalidPercent'));
      return send({ kind: 'percent', rateBp });
    }
    const amountMinor = parseMinor(value, digits);
    if (amountMinor === null || amountMinor <= 0) return setProblem(t('dialog.invalidAmount'));
    send({ kind: 'amount', amountMinor });
  };

  return (
    <Dialog title={title} onClose={onClose} onSubmit={submit} testId="discount-dialog">
      <div className="segmented" role="radiogroup" aria-label={t('dialog.discountKind')}>
        {(['percent', 'amount'] as const).map((k) => (
          <button
            key={k}
            type="button"
            role="radio"
            aria-checked={kind === k}
            className={`chip${kind === k ? ' chip--active' : ''}`}
            onClick={() => setKind(k)}
          >
            {t(`dialog.discount.${k}`)}
          </button>
        ))}
      </div>
      <AmountField
        label={kind === 'percent' ? t('dialog.discountPercent') : t('dialog.discountAmount')}
        value={value}
        onChange={setValue}
        autoFocus
        testId="discount-input"
        suffix={kind === 'percent' ? '%' : format.currency}
      />
      <Keypad onKey={(key) => setValue(applyKey(value, key))} />
      <ErrorNote error={error} message={problem} />
      <DialogActions submitLabel={t('action.apply')} onCancel={onClose}>
        {current && (
          <button type="button" className="button" onClick={() => send(null)}>
            {t('dialog.removeDiscount')}
          </button>
        )}
      </DialogActions>
    </Dialog>
  );
}
