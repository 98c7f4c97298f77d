import { useTranslation } from 'react-i18next';
import type { SessionView } from '../../../preload/contract';
import { DrawerIndicator } from './DrawerIndicator';
import { BackupIndicator } from '../screens/backup/BackupIndicator';
import { LanguageSwitch } from './LanguageSwitch';

interface HeaderProps {
  session: SessionView;
  onHelp?(): void;
  onLogout?(): void;
  /** Shown to roles that have a back office section, on the sale screen. */
  onBackOffice?(): void;
}

export function Header({ session, onHelp, onLogout, onBackOffice }: HeaderProps) {
  const { t } = useTranslation();
  return (
    <header className="header">
      <div className="header__store">
        <span className="header__name" data-testid="store-name">
          {session.storeName}
        </span>
        <span className="header__register">{t('header.register', { id: session.registerId })}</span>
      </div>
      {session.operator && (
        <span className="header__operator" data-testid="operator-name">
          {t('header.operator', { name: session.operator.name, role: t(`role.${session.operator.role}`) })}
        </span>
      )}
      <div className="header__actions">
        {session.operator && <BackupIndicator />}
        <DrawerIndicator />
        <LanguageSwitch />
        {onBackOffice && (
          <button type="button" className="chip" onClick={onBackOffice} data-testid="open-back-office">
            {t('action.backOffice')}
          </button>
        )}
        {onHelp && (
          <button type="button" className="chip" onClick={onHelp}>
            {t('action.help')}
          </button>
        )}
        {onLogout && (
          <button type="button" className="chip" onClick={onLogout} data-testid="logout">
            {t('action.logout')}
          </button>
        )}
      </div>
    </header>
  );
}
