import { useTranslation } from 'react-i18next';
import type { CallError, DocumentView } from '../../../preload/contract';
import { useFormat } from '../state/store-context';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { ErrorNote } from './ErrorNote';

interface CancelSaleDialogProps {
  sale: DocumentView;
  onConfirm(): void;
  error: CallError | null;
  onClose(): void;
}

/**
 * 整单取消: the customer walks away and the whole cart goes in one step. Asked once, because it
 * cannot be undone; main keeps the cart as cancelled and journals its lines.
 */
export function CancelSaleDialog({ sale, onConfirm, error, onClose }: CancelSaleDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Dialog title={t('cancelSale.title')} onClose={onClose} onSubmit={onConfirm} testId="cancel-sale-dialog">
      <p>{t('cancelSale.question', { count: sale.lines.length, total: format.money(sale.totals.totalMinor) })}</p>
      <ErrorNote error={error} />
      <DialogActions submitLabel={t('cancelSale.confirm')} onCancel={onClose} />
    </Dialog>
  );
}
