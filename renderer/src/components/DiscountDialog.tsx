import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../preload/contract';
import type { Discount } from '../../../preload/contract/primitives';
import { currencyDigits, currencySymbol, minorToDecimal } from '../format/money';
import { typedProblem } from '../format/amount-input';
import { parseDecimal, parseMinor } from '../format/parse-amount';
import { readPercent, typedPercentProblem, withoutPercentSign } from '../format/percent-input';
import { rateBpToZhe, zheToRateBp } from '../format/zhe';
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

/** How the cashier keys it: a percentage off, 折 (the share paid: 9折 = 10% off), or an amount off. */
type EntryKind = 'percent' | 'zhe' | 'amount';
const ENTRY_KINDS: readonly EntryKind[] = ['percent', 'zhe', 'amount'];

/** Basis points off that the text means in this form; null when it means none. */
function rateOf(kind: EntryKind, value: string): number | null {
  if (kind === 'zhe') return zheToRateBp(value);
  const reading = readPercent(value);
  return reading.ok && reading.rateBp > 0 ? reading.rateBp : null;
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
  const [kind, setKind] = useState<EntryKind>(current?.kind ?? 'percent');
  const [value, setValue] = useState(initialText(current, digits));
  const [problem, setProblem] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);

  const previewRate = kind === 'amount' ? null : rateOf(kind, value);
  const previewZhe = previewRate === null ? null : rateBpToZhe(previewRate);

  const send = (discount: Discount | null) => {
    setProblem(null);
    onApply(discount);
  };

  const submit = () => {
    // "-10" or "abc" says what is wrong under the field; nothing is sent.
    // "150%" or "0.001" likewise: over 100, or more decimals than a percentage has.
    if (kind === 'percent' ? typedPercentProblem(value) : typedProblem(value, kind === 'amount' ? digits : null)) return setProblem(null);
    // "0" (or "0.00") takes nothing off: said as such, with the way to take a discount off.
    if (kind !== 'zhe' && parseDecimal(withoutPercentSign(value), 10) === 0) {
      const field = t(kind === 'percent' ? 'dialog.discountPercent' : 'dialog.discountAmount');
      return setProblem(t(current ? 'dialog.discountZeroRemove' : 'dialog.discountZero', { field }));
    }
    if (kind !== 'amount') {
      // "10" percent → 1000 basis points: two decimals of a percent; "9" 折 → the same.
      const rateBp = rateOf(kind, value);
      if (rateBp === null) return setProblem(t(kind === 'zhe' ? 'dialog.invalidZhe' : 'dialog.invalidPercent'));
      return send({ kind: 'percent', rateBp });
    }
    const amountMinor = parseMinor(value, digits);
    if (amountMinor === null || amountMinor <= 0) return setProblem(t('dialog.invalidAmount'));
    send({ kind: 'amount', amountMinor });
  };

  return (
    <Dialog title={title} onClose={onClose} onSubmit={submit} testId="discount-dialog">
      <div className="segmented" role="radiogroup" aria-label={t('dialog.discountKind')}>
        {ENTRY_KINDS.map((k) => (
          <button
            key={k}
            type="button"
            role="radio"
            aria-checked={kind === k}
            className={`chip${kind === k ? ' chip--active' : ''}`}
            onClick={() => {
              // The same discount in the other form, so switching does not change what was keyed.
              const rateBp = rateOf(kind, value);
              if (rateBp !== null && k === 'zhe') setValue(rateBpToZhe(rateBp) ?? '');
              if (rateBp !== null && k === 'percent' && kind === 'zhe') setValue(minorToDecimal(rateBp, 2).replace(/\.?0+$/, ''));
              setKind(k);
              // A complaint about the form left behind would be wrong about the one now shown.
              setProblem(null);
              // Back to the field, so the cashier who clicked 打折 types the 折 where it is shown.
              inputRef.current?.focus();
            }}
          >
            {t(`dialog.discount.${k}`)}
          </button>
        ))}
      </div>
      <AmountField
        label={t(kind === 'percent' ? 'dialog.discountPercent' : kind === 'zhe' ? 'dialog.discountZhe' : 'dialog.discountAmount')}
        value={value}
        onChange={setValue}
        autoFocus
        inputRef={inputRef}
        testId="discount-input"
        digits={kind === 'amount' ? digits : undefined}
        kind={kind === 'percent' ? 'percent' : 'amount'}
        suffix={kind === 'percent' ? '%' : kind === 'zhe' ? '折' : currencySymbol(format.currency, format.locale)}
      />
      {/* Both forms, whichever was keyed: "9折" and "10% off" are the same discount. */}
      <p className="muted small discount-forms" aria-live="polite" data-testid="discount-forms">
        {previewRate !== null && previewZhe !== null ? t('dialog.discountForms', { zhe: previewZhe, rate: format.rate(previewRate) }) : '\u00a0'}
      </p>
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
