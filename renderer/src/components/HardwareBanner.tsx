import { useTranslation } from 'react-i18next';
import type { HardwareStatus } from '../../../preload/contract/events';
import { useHardwareStatus } from '../state/use-hardware-status';

type Device = 'printer' | 'terminal' | 'ledger';

/** Problems worth a banner; a device that is fine, disabled or not yet heard from says nothing. */
function problemsOf(status: HardwareStatus): { device: Device; key: string }[] {
  const found: { device: Device; key: string }[] = [];
  for (const device of ['ledger', 'printer', 'terminal'] as const) {
    const { state, problems } = status[device];
    for (const key of problems) found.push({ device, key });
    if (problems.length === 0 && (state === 'error' || state === 'warning')) found.push({ device, key: `${device}.${state}` });
  }
  return found;
}

export function HardwareBanner() {
  const { t } = useTranslation();
  const status = useHardwareStatus();
  const problems = status ? problemsOf(status) : [];
  const severe = status !== null && (status.printer.state === 'error' || status.terminal.state === 'error' || status.ledger.state === 'error');
  // Mounted always, as an alert: a printer going offline mid-sale is said when it happens, not
  // only seen. Empty, it takes no room.
  return (
    <div className={`hardware-banner${severe ? ' hardware-banner--error' : ''}`} role="alert" data-testid="hardware-banner" hidden={problems.length === 0}>
      {problems.map(({ device, key }) => (
        <span key={key} className="hardware-banner__item">
          {t(`hardware.${key}`, { address: status?.terminal.address ?? '', defaultValue: t(`hardware.${device}.unknown_problem`, { problem: key }) })}
        </span>
      ))}
    </div>
  );
}
