import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, LineView } from '../../../preload/contract';
import { parseQtyMilli } from '../format/parse-amount';
import { useFormat } from '../state/store-context';
import { AmountField } from './AmountField';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { ErrorNote } from './ErrorNote';
import { applyKey, Keypad } from './Keypad';

export function QtyDialog({ line, onApply, onClose }: { line: LineView; onApply(qtyMilli: number): Promise<CallError | null>; onClose(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [value, setValue] = useState(format.qty(line.qtyMilli).replace(/[^0-9.]/g, ''));
  const [error, setError] = useState<CallError | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async () => {
    const qty = parseQtyMilli(value);
    if (qty === null || qty <= 0) return setProblem(t('dialog.invalidQty'));
    setProblem(null);
    const failed = await onApply(qty);
    if (failed) setError(failed);
    else onClose();
  };

  return (
    <Dialog title={t('dialog.qtyTitle', { name: line.name })} onClose={onClose} onSubmit={() => void submit()} testId="qty-dialog">
      <AmountField label={t('dialog.qty')} value={value} onChange={setValue} autoFocus testId="qty-input" />
      <Keypad onKey={(key) => setValue(applyKey(value, key))} />
      <ErrorNote error={error} message={problem} />
      <DialogActions submitLabel={t('action.ok')} onCancel={onClose} />
    </Dialog>
  );
}
