import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../preload/contract';
import { useFormat } from '../state/store-context';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { ErrorNote } from './ErrorNote';

interface CancelSaleDialogProps {
  /** What goes: the cart on the counter, or a held sale picked from the recall list. */
  lineCount: number;
  totalMinor: number;
  /** A held sale: the title says so, for a cashier who came from the recall list. */
  held?: boolean;
  onConfirm(): void;
  error: CallError | null;
  onClose(): void;
}

/**
 * 整单取消: the customer walks away and the whole cart goes in one step. Asked once, because it
 * cannot be undone; main keeps the cart as cancelled and journals its lines.
 */
export function CancelSaleDialog({ lineCount, totalMinor, held = false, onConfirm, error, onClose }: CancelSaleDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Dialog title={t(held ? 'cancelHeld.title' : 'cancelSale.title')} onClose={onClose} onSubmit={onConfirm} testId="cancel-sale-dialog">
      <p>{t('cancelSale.question', { count: lineCount, total: format.money(totalMinor) })}</p>
      <ErrorNote error={error} />
      <DialogActions submitLabel={t('cancelSale.confirm')} cancelLabel={t('cancelSale.keep')} onCancel={onClose} focusSubmit />
    </Dialog>
  );
}
