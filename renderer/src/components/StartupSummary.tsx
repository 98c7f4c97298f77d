import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SelfCheckItem } from '../../../preload/contract';
import { api } from '../transport/api';

// Once per start of the window, not at every login.
let checkedThisStart = false;

/** Problems a warning will not do for: a part that does not work, or a disk about to fill up. */
function worthSaying(item: SelfCheckItem): boolean {
  return item.state === 'error' || item.problems.some((p) => p.code === 'database.disk_low');
}

/**
 * The self-check's summary at start-up: what does not work, in plain words with the fix, until
 * dismissed. The whole check is in Back office → Self-check.
 */
export function StartupSummary() {
  const { t } = useTranslation();
  const [items, setItems] = useState<SelfCheckItem[]>([]);

  useEffect(() => {
    if (checkedThisStart) return;
    checkedThisStart = true;
    void api.invoke('selfcheck.run', {}).then((r) => r.ok && setItems(r.value.items.filter(worthSaying)));
  }, []);

  if (items.length === 0) return null;
  return (
    <div className="hardware-banner hardware-banner--error" role="status" data-testid="startup-summary">
      {items.flatMap((item) =>
        item.problems.map((p) => (
          <span key={`${item.id}-${p.code}`} className="hardware-banner__item">
            {t(`selfCheck.problem.${p.code}`, { ...p.params, defaultValue: p.code })} {t(`selfCheck.fix.${p.code}`, { ...p.params, defaultValue: '' })}
          </span>
        )),
      )}
      <button type="button" className="button" onClick={() => setItems([])} data-testid="startup-summary-close">
        {t('action.close')}
      </button>
    </div>
  );
}
