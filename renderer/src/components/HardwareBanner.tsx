import { useTranslation } from 'react-i18next';
import type { HardwareStatus } from '../../../preload/contract/events';
import { useHardwareStatus } from '../state/use-hardware-status';

type Device = 'printer' | 'terminal';

/** Problems worth a banner; a device that is fine, disabled or not yet heard from says nothing. */
function problemsOf(status: HardwareStatus): { device: Device; key: string }[] {
  const found: { device: Device; key: string }[] = [];
  for (const device of ['printer', 'terminal'] as const) {
    const { state, problems } = status[device];
    for (const key of problems) found.push({ device, key });
    if (problems.length === 0 && (state === 'error' || state === 'warning')) found.push({ device, key: `${device}.${state}` });
  }
  return found;
}

export function HardwareBanner() {
  const { t } = useTranslation();
  const status = useHardwareStatus();

  if (!status) return null;
  const problems = problemsOf(status);
  if (problems.length === 0) return null;
  const severe = status.printer.state === 'error' || status.terminal.state === 'error';
  return (
    <div className={`hardware-banner${severe ? ' hardware-banner--error' : ''}`} role="status" data-testid="hardware-banner">
      {problems.map(({ device, key }) => (
        <span key={key} className="hardware-banner__item">
          {t(`hardware.${key}`, { defaultValue: t(`hardware.${device}.unknown_problem`, { problem: key }) })}
        </span>
      ))}
    </div>
  );
}
