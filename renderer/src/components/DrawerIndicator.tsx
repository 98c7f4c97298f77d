import { useTranslation } from 'react-i18next';
import { useHardwareStatus } from '../state/use-hardware-status';
import '../styles/card.css';

/** A quiet header chip while the printer reports the cash drawer open: a fact, not a fault. */
export function DrawerIndicator() {
  const { t } = useTranslation();
  const status = useHardwareStatus();
  if (status?.printer.drawerOpen !== true) return null;
  return (
    <span className="drawer-indicator" role="status" data-testid="drawer-open-indicator">
      {t('header.drawerOpen')}
    </span>
  );
}
