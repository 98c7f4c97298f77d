import { useTranslation } from 'react-i18next';
import type { CallError, DocumentView } from '../../../preload/contract';
import { useFormat } from '../state/store-context';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';

interface LogoutDialogProps {
  sale: DocumentView;
  /** 挂单 first: the cart waits in the held list for whoever recalls it. */
  onHoldAndLogout(): void;
  /** Leave it on the counter: the next operator finds it (journalled by main). */
  onLogout(): void;
  error: CallError | null;
  onClose(): void;
}

/** Logging out with items in the cart: the next operator would inherit the sale, so ask first. */
export function LogoutDialog({ sale, onHoldAndLogout, onLogout, error, onClose }: LogoutDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const count = sale.lines.length;
  return (
    <Dialog title={t('logout.title')} onClose={onClose} testId="logout-dialog">
      <p>{t('logout.openSale', { count, total: format.money(sale.totals.totalMinor) })}</p>
      <ErrorNote error={error} />
      <div className="dialog__actions dialog__actions--stacked">
        <button type="button" className="button" onClick={onClose} autoFocus>
          {t('action.cancel')}
        </button>
        <button type="button" className="button" onClick={onLogout} data-testid="logout-leave">
          {t('logout.leave')}
        </button>
        <button type="button" className="button button--primary" onClick={onHoldAndLogout} disabled={sale.payments.length > 0} data-testid="logout-hold">
          {t('logout.hold')}
        </button>
      </div>
    </Dialog>
  );
}
