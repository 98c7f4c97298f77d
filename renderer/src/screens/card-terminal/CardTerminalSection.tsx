import { useTranslation } from 'react-i18next';
import { roleAtLeast } from '../back-office/roles';
import type { BackOfficeSectionProps } from '../back-office/section-props';
import '../../styles/card.css';
import { TerminalEndOfDay } from './TerminalEndOfDay';
import { TerminalSettings } from './TerminalSettings';
import { TerminalState } from './TerminalState';
import { UnresolvedCardPayments } from './UnresolvedCardPayments';

/**
 * 刷卡终端 / Card terminal: its connection, the owner's settings, the end of day, and the card
 * payments a supervisor must settle. Main authorizes each call again.
 */
export function CardTerminalSection({ session }: BackOfficeSectionProps) {
  const { t } = useTranslation();
  const role = session.operator?.role ?? 'cashier';
  return (
    <div className="terminal-section" data-testid="card-terminal-section">
      <section aria-labelledby="terminal-connection-title">
        <h3 id="terminal-connection-title">{t('cardTerminal.settings.title')}</h3>
        <TerminalState />
        {roleAtLeast(role, 'owner') ? <TerminalSettings /> : <p className="muted small">{t('cardTerminal.settings.ownerOnly')}</p>}
      </section>
      <UnresolvedCardPayments />
      <TerminalEndOfDay />
    </div>
  );
}
