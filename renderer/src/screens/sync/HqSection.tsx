import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../state/store-context';
import { ErrorNote } from '../../components/ErrorNote';
import { useCall } from '../../state/use-call';
import { useEvent } from '../../state/use-event';
import { roleAtLeast } from '../back-office/roles';
import type { BackOfficeSectionProps } from '../back-office/section-props';
import type { CallError } from '../../../../preload/contract';
import type { SyncStatusView } from '../../../../preload/contract/sync-views';
import { HqWithdraw } from './HqWithdraw';
import { ENROL_CODE_PATTERN, HQ_URL_PATTERN, normalEnrolCode } from '../../../../preload/contract/hq-enrol-format';

/**
 * 总部 / HQ: whether this register's journal has reached HQ (what HQ acknowledged, what waits,
 * the last error), the versions pulled from HQ, and for the owner the enrolment and a retry.
 * Selling never waits for any of it.
 */
export function HqSection({ session }: BackOfficeSectionProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const status = useCall('sync.status');
  const enrol = useCall('sync.enrol');
  const retry = useCall('sync.retry');
  const [hqUrl, setHqUrl] = useState('');
  const [code, setCode] = useState('');
  const owner = roleAtLeast(session.operator?.role ?? 'cashier', 'owner');
  // The latest answer of any of the three calls: the upload moves on after an enrolment or a retry
  // by itself, and the section follows it (sync.changed) rather than keeping their first answer.
  const [view, setView] = useState<SyncStatusView | null>(null);
  const load = status.run;
  const refresh = useCallback(() => {
    void load({}).then((r) => r.ok && setView(r.value));
  }, [load]);
  useEffect(refresh, [refresh]);
  useEvent('sync.changed', refresh);
  const when = (ms: number | null) => (ms === null ? '—' : format.dateTime(ms));

  return (
    <div className="back-office__stack" data-testid="hq-section">
      <p className="muted">{t('hq.intro')}</p>
      <ErrorNote error={status.error} />
      {view && view.enrolled && (
        <dl className="hq-status" data-testid="hq-status" data-state={view.state}>
          <dt>{t('hq.register')}</dt>
          <dd>
            {view.registerId} · {view.shopName === null ? view.shopId : t('hq.shopNamed', { id: view.shopId, name: view.shopName })} · {view.hqUrl}
          </dd>
          <dt>{t('hq.state')}</dt>
          <dd role="status">{t(`hq.stateName.${view.state}`)}</dd>
          {view.lastError && (
            <dd>
              <ErrorNote error={view.lastError as CallError} />
            </dd>
          )}
          <dt>{t('hq.acknowledged')}</dt>
          <dd data-testid="hq-acked">{t('hq.entries', { acked: view.ackedSeq, local: view.localSeq, pending: view.pendingEntries })}</dd>
          <dt>{t('hq.lastAck')}</dt>
          <dd>{when(view.ackedAt)}</dd>
          {view.nextAttemptAt !== null && view.state === 'retrying' && (
            <>
              <dt>{t('hq.nextAttempt')}</dt>
              <dd>{when(view.nextAttemptAt)}</dd>
            </>
          )}
          <dt>{t('hq.versions')}</dt>
          <dd>{t('hq.versionLine', { version: view.downVersion, pending: view.pendingVersions, at: when(view.pulledAt) })}</dd>
          {view.keptOwners && (
            <dd className="error-note" role="alert" data-testid="hq-kept-owners">
              {t('hq.keptOwners', {
                version: view.keptOwners.version,
                names: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(view.keptOwners.names),
              })}
            </dd>
          )}
          {view.keptLocal && (
            <dd className="muted" data-testid="hq-kept-local">
              {t('hq.keptLocal', {
                version: view.keptLocal.version,
                names: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(view.keptLocal.names),
              })}
            </dd>
          )}
          {view.skippedInVersions.length > 0 && (
            <dd className="error-note" role="alert" data-testid="hq-skipped">
              <p>{t('hq.skipped.title')}</p>
              <ul>
                {view.skippedInVersions.map((v) => (
                  <li key={v.version}>
                    {t('hq.skipped.version', { version: v.version, kind: t(`hq.skipped.kind.${v.kind}`), at: when(v.appliedAt) })}
                    {v.skipped.map((s) => t(`hq.skipped.why.${s.why}`, { item: s.item })).join(t('hq.skipped.separator'))}
                  </li>
                ))}
              </ul>
            </dd>
          )}
        </dl>
      )}
      {view && !view.enrolled && (
        <p data-testid="hq-status" data-state="not_enrolled">
          {t('hq.notEnrolled', { pending: view.pendingEntries })}
        </p>
      )}
      {owner && view?.enrolled && (
        <div>
          <button
            type="button"
            className="button"
            disabled={retry.busy}
            onClick={() => void retry.run({}).then((r) => r.ok && setView(r.value))}
            data-testid="hq-retry"
          >
            {t('hq.retry')}
          </button>
          <ErrorNote error={retry.error} />
        </div>
      )}
      {owner && view?.enrolled && <HqWithdraw view={view} onDone={setView} />}
      {owner && view && !view.enrolled && (
        <form
          className="back-office__form"
          onSubmit={(e) => {
            e.preventDefault();
            const url = hqUrl.trim();
            const enrolCode = normalEnrolCode(code);
            if (!HQ_URL_PATTERN.test(url)) return enrol.refuse({ code: 'sync.hq_url_format', params: {} });
            if (!ENROL_CODE_PATTERN.test(enrolCode)) return enrol.refuse({ code: 'sync.enrol_code_format', params: {} });
            void enrol.run({ hqUrl: url, code: enrolCode }).then((r) => r.ok && setView(r.value));
          }}
        >
          <label className="field">
            {t('hq.url')}
            <input value={hqUrl} onChange={(e) => setHqUrl(e.target.value)} placeholder="https://hq.example.com" data-testid="hq-url" />
          </label>
          <label className="field">
            {t('hq.code')}
            <input value={code} onChange={(e) => setCode(e.target.value)} placeholder="ABCD-EFGH-JKLM" data-testid="hq-code" />
          </label>
          <button type="submit" className="button button--primary" disabled={enrol.busy || !hqUrl || !code} data-testid="hq-enrol">
            {t('hq.enrol')}
          </button>
          <ErrorNote error={enrol.error} />
        </form>
      )}
    </div>
  );
}
