import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../components/ErrorNote';
import { useCall } from '../../state/use-call';
import type { SyncStatusView } from '../../../../preload/contract/sync-views';

/**
 * The owner takes this register out of the chain: asked twice (it is for good at HQ), then HQ is
 * told. When HQ cannot be reached or refuses, nothing changes, and the owner may withdraw at this
 * till only (an HQ that is gone), to be withdrawn at HQ by its owner.
 */
export function HqWithdraw({ view, onDone }: { view: SyncStatusView; onDone: (view: SyncStatusView) => void }) {
  const { t } = useTranslation();
  const withdraw = useCall('sync.withdraw');
  const [asking, setAsking] = useState(false);
  const run = (hereOnly: boolean) =>
    void withdraw.run({ hereOnly }).then((r) => {
      if (!r.ok) return;
      setAsking(false);
      onDone(r.value);
    });
  if (!asking) {
    return (
      <div>
        <button type="button" className="button" onClick={() => setAsking(true)} data-testid="hq-withdraw">
          {t('hq.withdraw.start')}
        </button>
      </div>
    );
  }
  return (
    <div className="back-office__stack" role="group" data-testid="hq-withdraw-confirm">
      <p>{t('hq.withdraw.explain', { shop: view.shopId ?? '', register: view.registerId ?? '', pending: view.pendingEntries })}</p>
      <div>
        <button type="button" className="button button--danger" disabled={withdraw.busy} onClick={() => run(false)} data-testid="hq-withdraw-yes">
          {t('hq.withdraw.confirm')}
        </button>{' '}
        <button type="button" className="button" disabled={withdraw.busy} onClick={() => setAsking(false)} data-testid="hq-withdraw-no">
          {t('hq.withdraw.cancel')}
        </button>
      </div>
      <ErrorNote error={withdraw.error} />
      {withdraw.error && (
        <div>
          <p className="muted">{t('hq.withdraw.hereOnlyExplain')}</p>
          <button type="button" className="button button--danger" disabled={withdraw.busy} onClick={() => run(true)} data-testid="hq-withdraw-here-only">
            {t('hq.withdraw.hereOnly')}
          </button>
        </div>
      )}
    </div>
  );
}
