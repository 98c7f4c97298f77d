import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HardwareStatus, SelfCheckItem } from '../../../preload/contract';
import { checkProblemText } from '../screens/setup/check-problem';
import { useFormat } from '../state/store-context';
import { useHardwareStatus } from '../state/use-hardware-status';
import { api } from '../transport/api';

// Once per start of the window, not at every login.
let checkedThisStart = false;

/** Problems a warning will not do for: a part that does not work, a disk about to fill up, a backup that failed, a clock set back. */
const SAID_AT_START = new Set(['database.disk_low', 'database.backup_failed', 'clock.behind_minutes', 'clock.behind_hours', 'clock.behind_days']);

function worthSaying(item: SelfCheckItem): boolean {
  return item.state === 'error' || item.problems.some((p) => SAID_AT_START.has(p.code));
}

/**
 * Whether the check's word on an item still holds. A register starts its terminal link while the
 * window logs in, and recovers a payment cut off by the restart through it: "not connected yet"
 * is over once the terminal is connected (main's live status), and is no longer said.
 */
function stillTrue(item: SelfCheckItem, status: HardwareStatus | null): boolean {
  return !(item.id === 'terminal' && item.facts.connected !== true && status?.terminal.state === 'ok');
}

/**
 * The self-check's summary at start-up: what does not work, in plain words with the fix, until
 * dismissed. The whole check is in Back office → Self-check.
 */
export function StartupSummary() {
  const { t } = useTranslation();
  const format = useFormat();
  const status = useHardwareStatus();
  const [items, setItems] = useState<SelfCheckItem[]>([]);

  useEffect(() => {
    if (checkedThisStart) return;
    checkedThisStart = true;
    void api.invoke('selfcheck.run', {}).then((r) => r.ok && setItems(r.value.items.filter(worthSaying)));
  }, []);

  const shown = items.filter((item) => stillTrue(item, status));
  if (shown.length === 0) return null;
  return (
    <div className="hardware-banner hardware-banner--error" role="status" data-testid="startup-summary">
      {shown.flatMap((item) =>
        item.problems.map((p) => {
          const text = checkProblemText(p, t, format.dateTime, format.error);
          return (
            <span key={`${item.id}-${p.code}`} className="hardware-banner__item" data-testid={`startup-summary-${item.id}`}>
              {text.problem} {text.fix}
            </span>
          );
        }),
      )}
      <button type="button" className="button" onClick={() => setItems([])} data-testid="startup-summary-close">
        {t('action.close')}
      </button>
    </div>
  );
}
