import { useTranslation } from 'react-i18next';
import type { CallError, PaymentView } from '../../../preload/contract';
import { useFormat } from '../state/store-context';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { ErrorNote } from './ErrorNote';

interface CancelSaleDialogProps {
  /** What goes: the cart on the counter, or a held sale picked from the recall list. */
  lineCount: number;
  totalMinor: number;
  /** Payments already taken on it: cash goes back to the customer; a card or scanned one refuses the cancel. */
  payments?: readonly PaymentView[];
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
export function CancelSaleDialog({ lineCount, totalMinor, payments = [], held = false, onConfirm, error, onClose }: CancelSaleDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  // The cash the drawer kept from each part payment (tendered − change): what the cashier hands back.
  const cashBackMinor = payments.reduce((sum, p) => sum + (p.method === 'cash' ? p.tenderedMinor - p.changeMinor : 0), 0);
  const otherTaken = payments.some((p) => p.method !== 'cash');
  return (
    <Dialog title={t(held ? 'cancelHeld.title' : 'cancelSale.title')} onClose={onClose} onSubmit={onConfirm} testId="cancel-sale-dialog">
      <p>{t('cancelSale.question', { count: lineCount, total: format.money(totalMinor) })}</p>
      {/* Said before the confirm, so the cashier has the cash in hand; main refuses a card or scanned part on confirm. */}
      {cashBackMinor > 0 && !otherTaken && (
        <p className="cancel-sale__cash-back" data-testid="cancel-cash-back">
          <strong>{t('cancelSale.cashBack', { amount: format.money(cashBackMinor) })}</strong>
        </p>
      )}
      <ErrorNote error={error} />
      <DialogActions submitLabel={t('cancelSale.confirm')} cancelLabel={t('cancelSale.keep')} onCancel={onClose} focusSubmit />
    </Dialog>
  );
}
