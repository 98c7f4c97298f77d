import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, LineView } from '../../../preload/contract';
import { typedProblem } from '../format/amount-input';
import { parseQtyMilli } from '../format/parse-amount';
import { lineName } from '../format/product-name';
import { useStoreLocale } from '../state/store-context';
import { AmountField } from './AmountField';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { ErrorNote } from './ErrorNote';
import { applyKey, Keypad } from './Keypad';

interface WeighDialogProps {
  /**
   * The product as main named it in its refusal (`sale.weight_required`): the name in the store's
   * language and both catalog names, so the question reads in the cashier's language.
   */
  line: Pick<LineView, 'name' | 'names'>;
  /** The weight in grams (thousandths of a kilogram). */
  onApply(grams: number): void;
  /** Main's refusal of the weight; the dialog stays open to fix it. */
  error: CallError | null;
  onClose(): void;
}

/**
 * A product sold by weight, scanned by its own barcode or picked from the catalog: the cashier
 * keys what the scale shows. Main refuses such a product without a weight, so nothing is rung up
 * until this is answered; Esc leaves the cart as it was.
 */
export function WeighDialog({ line, onApply, error, onClose }: WeighDialogProps) {
  const { t, i18n } = useTranslation();
  const storeLocale = useStoreLocale();
  const name = lineName(line, i18n.language, storeLocale).name;
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = () => {
    // "-1" or "abc" says what is wrong under the field; nothing is sent.
    if (typedProblem(value, 3)) return setProblem(null);
    const grams = parseQtyMilli(value);
    if (grams === null || grams <= 0) return setProblem(t('sale.weighInvalid'));
    setProblem(null);
    onApply(grams);
  };

  return (
    <Dialog title={t('sale.weighTitle', { name })} onClose={onClose} onSubmit={submit} testId="weigh-dialog">
      <p className="muted small">{t('sale.weighHint')}</p>
      <AmountField label={t('sale.weighField')} value={value} onChange={setValue} autoFocus testId="weigh-input" digits={3} kind="qty" />
      <Keypad onKey={(key) => setValue(applyKey(value, key))} />
      <ErrorNote error={error} message={problem} />
      <DialogActions submitLabel={t('action.ok')} onCancel={onClose} />
    </Dialog>
  );
}
