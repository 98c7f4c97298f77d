import { useTranslation } from 'react-i18next';
import { useHardwareStatus } from '../../state/use-hardware-status';

/** The terminal's connection as main reports it in `hardware.status`, live. */
export function TerminalState() {
  const { t } = useTranslation();
  const status = useHardwareStatus();
  const terminal = status?.terminal ?? null;
  const state = terminal?.state ?? 'unknown';
  return (
    <p className="terminal-state-row">
      <span>{t('cardTerminal.connection')} </span>
      <span className={`terminal-state terminal-state--${state}`} role="status" data-testid="terminal-state" data-state={state}>
        {/* The demo's simulator is no terminal on the counter: "connected" alone would say it is. */}
        {terminal?.demo ? t('cardTerminal.demo', { state: t(`cardTerminal.state.${state}`) }) : t(`cardTerminal.state.${state}`)}
        {terminal?.problems.map((key) => (
          <span key={key} className="small">
            {' · '}
            {t(`hardware.${key}`, { address: terminal.address ?? '', defaultValue: t('hardware.terminal.unknown_problem', { problem: key }) })}
          </span>
        ))}
      </span>
    </p>
  );
}
