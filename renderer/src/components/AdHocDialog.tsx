import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../preload/contract';
import { MAX_TEXT } from '../../../preload/contract/primitives';
import { currencyDigits } from '../format/money';
import { typedProblem } from '../format/amount-input';
import { parseMinor, parseQtyMilli } from '../format/parse-amount';
import { useFormat } from '../state/store-context';
import { AmountField } from './AmountField';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { ErrorNote } from './ErrorNote';
import { applyKey, Keypad } from './Keypad';
import { overLimit, TextLimit } from './TextLimit';

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

  const digits = currencyDigits(format.currency);

  const submit = () => {
    const qtyMilli = parseQtyMilli(qty);
    const unitPriceMinor = parseMinor(price, digits);
    if (name.trim() === '') return setProblem(t('dialog.nameRequired'));
    // A name over the limit is said under the field (TextLimit): nothing is sent.
    if (overLimit(name.trim(), MAX_TEXT)) return setProblem(null);
    // A field that says what is wrong with it ("-5", "abc") is refused as it says: nothing is sent.
    if (typedProblem(qty, 3) || typedProblem(price, digits)) return setProblem(null);
    if (qtyMilli === null || qtyMilli <= 0) return setProblem(t('dialog.invalidQty'));
    if (unitPriceMinor === null) return setProblem(t('dialog.invalidPrice'));
    // ¥0 at the counter is a price not keyed (main refuses it too): a catalog gift is set up as such.
    if (unitPriceMinor === 0) return setProblem(t('dialog.adHocZeroPrice'));
    setProblem(null);
    onAdd({ name: name.trim(), qtyMilli, unitPriceMinor });
  };

  /** A field changed: what was said about the form before no longer holds. */
  const editing =
    (set: (value: string) => void) =>
    (value: string): void => {
      setProblem(null);
      set(value);
    };

  const onKey = (key: Parameters<typeof applyKey>[1]) => (active === 'qty' ? setQty(applyKey(qty, key)) : setPrice(applyKey(price, key)));

  return (
    <Dialog title={t('dialog.adHocTitle')} onClose={onClose} onSubmit={submit} testId="adhoc-dialog">
      <label className="field">
        <span>{t('dialog.itemName')}</span>
        <input
          value={name}
          onChange={(e) => editing(setName)(e.target.value)}
          autoFocus
          autoComplete="off"
          data-testid="adhoc-name"
          aria-invalid={overLimit(name.trim(), MAX_TEXT) || undefined}
          aria-describedby="adhoc-name-limit"
        />
        <TextLimit length={name.trim().length} max={MAX_TEXT} id="adhoc-name-limit" />
      </label>
      <div className="field-row">
        <AmountField label={t('dialog.qty')} value={qty} onChange={editing(setQty)} onFocus={() => setActive('qty')} testId="adhoc-qty" digits={3} kind="qty" />
        <AmountField
          label={t('dialog.unitPrice')}
          value={price}
          onChange={editing(setPrice)}
          onFocus={() => setActive('price')}
          testId="adhoc-price"
          digits={digits}
          kind="price"
        />
      </div>
      <Keypad onKey={onKey} />
      <ErrorNote error={error} message={problem} />
      <DialogActions submitLabel={t('dialog.add')} onCancel={onClose} />
    </Dialog>
  );
}
