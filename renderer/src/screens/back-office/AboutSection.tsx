import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../state/store-context';
import type { AboutView, CallError, UpdateCheckView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { api } from '../../transport/api';
import { roleAtLeast } from './roles';
import type { BackOfficeSectionProps } from './section-props';
import { updateCheckSentences } from './update-check-text';

/** Version, commit and build date; for the owner, the update check (a no-op that says so in a browser). */
export function AboutSection({ session }: BackOfficeSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [about, setAbout] = useState<AboutView | null>(null);
  const [check, setCheck] = useState<UpdateCheckView | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A check reads the feed over the network (up to a few seconds): the owner sees it running and cannot start a second.
  const [checking, setChecking] = useState(false);
  const isOwner = session.operator !== null && roleAtLeast(session.operator.role, 'owner');

  useEffect(() => {
    void api.invoke('app.about', {}).then((r) => (r.ok ? setAbout(r.value) : setError(r.error)));
  }, []);

  const runCheck = async () => {
    setNotice(null);
    setChecking(true);
    try {
      const result = await api.invoke('updates.check', {});
      if (!result.ok) return setError(result.error);
      setError(null);
      setCheck(result.value);
    } finally {
      setChecking(false);
    }
  };
  const install = async () => {
    const result = await api.invoke('updates.install', {});
    if (!result.ok) return setError(result.error);
    setNotice(t('about.installing', { version: result.value.latestVersion ?? '' }));
  };

  return (
    <div className="back-office__stack" data-testid="about">
      {about && (
        <dl className="facts">
          <dt>{t('about.version')}</dt>
          <dd data-testid="about-version">{about.version}</dd>
          <dt>{t('about.commit')}</dt>
          <dd>
            <code>{about.commit}</code>
          </dd>
          <dt>{t('about.buildDate')}</dt>
          <dd data-testid="about-build-date">{format.isoDateTime(about.buildDate)}</dd>
          <dt>{t('about.shell')}</dt>
          <dd>{t(`about.shell.${about.shell}`)}</dd>
        </dl>
      )}
      {isOwner && (
        <>
          <button
            type="button"
            className="button button--primary"
            onClick={() => void runCheck()}
            disabled={checking}
            aria-busy={checking}
            data-testid="update-check"
          >
            {checking ? t('about.checking') : t('about.check')}
          </button>
          {check && !checking && (
            <div data-testid="update-result">
              <p data-testid="update-state">{updateCheckSentences(check, t).join(' ')}</p>
              <p className="muted" data-testid="update-checked-at">
                {t('about.checkedAt', { time: format.time(check.checkedAt) })}
              </p>
              {check.detail && (
                <details className="back-office__details">
                  <summary>{t('about.technicalDetail')}</summary>
                  <code data-testid="update-detail">{check.detail}</code>
                </details>
              )}
            </div>
          )}
          {check?.state === 'downloaded' && !checking && (
            <button type="button" className="button" onClick={() => void install()} data-testid="update-install">
              {t('about.install')}
            </button>
          )}
        </>
      )}
      <Notice message={notice} />
      <ErrorNote error={error} />
    </div>
  );
}
