import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../preload/contract';
import { currencyDigits } from '../format/money';
import { parseMinor, parseQtyMilli } from '../format/parse-amount';
import { useFormat } from '../state/store-context';
import { AmountField } from './AmountField';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { ErrorNote } from './ErrorNote';
import { applyKey, Keypad } from './Keypad';

export interface AdHocItem {
  name: string;
  qtyMilli: number;
  unitPriceMinor: number;
}

interface AdHocDialogProps {
  onAdd(item: AdHocItem): void;
  /** Main's refusal of the item; the dialog stays open to fix it. */
  error: CallError | null;
  onClose(): void;
}

/** An item not in the catalog: name, quantity and unit price keyed at the counter. */
export function AdHocDialog({ onAdd, error, onClose }: AdHocDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [name, setName] = useState('');
  const [qty, setQty] = useState('1');
  const [price, setPrice] = useState('');
  const [active, setActive] = useState<'qty' | 'price'>('price');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = () => {
    const qtyMilli = parseQtyMilli(qty);
    const unitPriceMinor = parseMinor(price, currencyDigits(format.currency));
    if (name.trim() === '') return setProblem(t('dialog.nameRequired'));
    if (qtyMilli === null || qtyMilli <= 0) return setProblem(t('dialog.invalidQty'));
    if (unitPriceMinor === null) return setProblem(t('dialog.invalidPrice'));
    setProblem(null);
    onAdd({ name: name.trim(), qtyMilli, unitPriceMinor });
  };

  const onKey = (key: Parameters<typeof applyKey>[1]) => (active === 'qty' ? setQty(applyKey(qty, key)) : setPrice(applyKey(price, key)));

  return (
    <Dialog title={t('dialog.adHocTitle')} onClose={onClose} onSubmit={submit} testId="adhoc-dialog">
      <label className="field">
        <span>{t('dialog.itemName')}</span>
        <input value={name} onChange={(e) => setName(e.target.value)} autoFocus maxLength={200} autoComplete="off" data-testid="adhoc-name" />
      </label>
      <div className="field-row">
        <AmountField label={t('dialog.qty')} value={qty} onChange={setQty} onFocus={() => setActive('qty')} testId="adhoc-qty" />
        <AmountField label={t('dialog.unitPrice')} value={price} onChange={setPrice} onFocus={() => setActive('price')} testId="adhoc-price" />
      </div>
      <Keypad onKey={onKey} />
      <ErrorNote error={error} message={problem} />
      <DialogActions submitLabel={t('dialog.add')} onCancel={onClose} />
    </Dialog>
  );
}
