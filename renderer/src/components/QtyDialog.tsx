import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, LineView } from '../../../preload/contract';
import { typedProblem } from '../format/amount-input';
import { parseQtyMilli } from '../format/parse-amount';
import { lineName } from '../format/product-name';
import { useFormat, useStoreLocale } from '../state/store-context';
import { AmountField } from './AmountField';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { ErrorNote } from './ErrorNote';
import { applyKey, Keypad } from './Keypad';

interface QtyDialogProps {
  line: LineView;
  onApply(qtyMilli: number): void;
  /** Main's refusal of the quantity; the dialog stays open to fix it. */
  error: CallError | null;
  onClose(): void;
}

/** A line's quantity keyed in full (a weight, say), where +1 and −1 would take too long. */
export function QtyDialog({ line, onApply, error, onClose }: QtyDialogProps) {
  const { t, i18n } = useTranslation();
  const storeLocale = useStoreLocale();
  const format = useFormat();
  const [value, setValue] = useState(format.qty(line.qtyMilli).replace(/[^0-9.]/g, ''));
  const [problem, setProblem] = useState<string | null>(null);
  // A weight keyed at the counter is keyed again as a weight, in kilograms.
  const weighed = line.soldByWeight;
  const name = lineName(line, i18n.language, storeLocale).name;

  const submit = () => {
    // "-1" or "abc" says what is wrong under the field; nothing is sent.
    if (typedProblem(value, 3)) return setProblem(null);
    const qty = parseQtyMilli(value);
    if (qty === null || qty <= 0) return setProblem(weighed ? t('sale.weighInvalid') : t('dialog.invalidQty'));
    setProblem(null);
    onApply(qty);
  };

  return (
    <Dialog title={t(weighed ? 'sale.weighTitle' : 'dialog.qtyTitle', { name })} onClose={onClose} onSubmit={submit} testId="qty-dialog">
      <AmountField
        label={weighed ? t('sale.weighField') : t('dialog.qty')}
        value={value}
        onChange={setValue}
        autoFocus
        testId="qty-input"
        digits={3}
        kind="qty"
      />
      <Keypad onKey={(key) => setValue(applyKey(value, key))} />
      <ErrorNote error={error} message={problem} />
      <DialogActions submitLabel={t('action.ok')} onCancel={onClose} />
    </Dialog>
  );
}
