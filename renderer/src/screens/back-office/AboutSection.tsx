import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../state/store-context';
import type { AboutView, CallError, UpdateCheckView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { api } from '../../transport/api';
import { roleAtLeast } from './roles';
import type { BackOfficeSectionProps } from './section-props';

/** Version, commit and build date; for the owner, the update check (a no-op that says so in a browser). */
export function AboutSection({ session }: BackOfficeSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [about, setAbout] = useState<AboutView | null>(null);
  const [check, setCheck] = useState<UpdateCheckView | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const isOwner = session.operator !== null && roleAtLeast(session.operator.role, 'owner');

  useEffect(() => {
    void api.invoke('app.about', {}).then((r) => (r.ok ? setAbout(r.value) : setError(r.error)));
  }, []);

  const runCheck = async () => {
    setNotice(null);
    const result = await api.invoke('updates.check', {});
    if (!result.ok) return setError(result.error);
    setError(null);
    setCheck(result.value);
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
          <button type="button" className="button button--primary" onClick={() => void runCheck()} data-testid="update-check">
            {t('about.check')}
          </button>
          {check && (
            <p data-testid="update-state">
              {t(`about.update.${check.state}`, { version: check.latestVersion ?? '', current: check.currentVersion, detail: check.detail ?? '' })}
              {check.installBlockedBy && ` ${t(`about.blocked.${check.installBlockedBy}`)}`}
            </p>
          )}
          {check?.state === 'downloaded' && (
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
