import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, LineView } from '../../../preload/contract';
import type { PriceOverrideReason } from '../../../preload/contract/sale';
import { currencyDigits } from '../format/money';
import { typedProblem } from '../format/amount-input';
import { parseMinor } from '../format/parse-amount';
import { lineName } from '../format/product-name';
import { useFormat, useStoreLocale } from '../state/store-context';
import { AmountField } from './AmountField';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { ErrorNote } from './ErrorNote';
import { applyKey, Keypad } from './Keypad';

const REASONS: readonly PriceOverrideReason[] = ['shelf_price', 'damaged', 'price_match', 'other'];

interface PriceDialogProps {
  line: LineView;
  onApply(unitPriceMinor: number, reason: PriceOverrideReason): void;
  /** Main's refusal of the price; the dialog stays open to fix it. */
  error: CallError | null;
  onClose(): void;
}

/** 改价: a catalog line's new unit price and why; a cashier's goes on to a supervisor's approval. */
export function PriceDialog({ line, onApply, error, onClose }: PriceDialogProps) {
  const { t, i18n } = useTranslation();
  const storeLocale = useStoreLocale();
  const format = useFormat();
  const [value, setValue] = useState('');
  const [reason, setReason] = useState<PriceOverrideReason>('shelf_price');
  const [problem, setProblem] = useState<string | null>(null);

  const digits = currencyDigits(format.currency);

  const submit = () => {
    if (typedProblem(value, digits)) return setProblem(null);
    const unitPriceMinor = parseMinor(value, digits);
    if (unitPriceMinor === null) return setProblem(t('dialog.invalidPrice'));
    setProblem(null);
    onApply(unitPriceMinor, reason);
  };

  return (
    <Dialog title={t('dialog.priceTitle', { name: lineName(line, i18n.language, storeLocale).name })} onClose={onClose} onSubmit={submit} testId="price-dialog">
      <p className="muted" data-testid="price-now">
        {t('dialog.priceNow', { price: format.money(line.unitPriceMinor) })}
        {line.listUnitPriceMinor !== null && ` · ${t('sale.listPrice', { price: format.money(line.listUnitPriceMinor) })}`}
      </p>
      <AmountField label={t('dialog.newPrice')} value={value} onChange={setValue} autoFocus testId="price-input" digits={digits} kind="price" />
      <label className="field">
        <span>{t('dialog.priceReason')}</span>
        <select value={reason} onChange={(e) => setReason(e.target.value as PriceOverrideReason)} data-testid="price-reason">
          {REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`sale.priceReason.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <Keypad onKey={(key) => setValue(applyKey(value, key))} />
      <ErrorNote error={error} message={problem} />
      <DialogActions submitLabel={t('action.ok')} onCancel={onClose} />
    </Dialog>
  );
}
