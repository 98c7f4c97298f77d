import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../components/ErrorNote';
import { useCall } from '../../state/use-call';

/** Recomputes the journal's hash chain in main and says whether it holds. */
export function JournalSection() {
  const { t } = useTranslation();
  const verify = useCall('journal.verify');
  const outcome = verify.value;

  const check = () => {
    // A new check starts from nothing: the last verdict is not shown while the chain is read again.
    verify.reset();
    void verify.run({});
  };

  return (
    <div className="back-office__stack">
      <p className="muted">{t('backOffice.journal.intro')}</p>
      <div>
        <button type="button" className="button button--primary" disabled={verify.busy} onClick={check} data-testid="journal-check">
          {t('backOffice.journal.check')}
        </button>
      </div>
      {verify.busy && <p className="muted">{t('backOffice.journal.checking')}</p>}
      <ErrorNote error={verify.error} />
      {outcome &&
        (outcome.ok ? (
          <p className="notice" role="status" data-testid="journal-result">
            {t('backOffice.journal.intact', { count: outcome.entries })}
          </p>
        ) : (
          <p className="error-note" role="alert" data-testid="journal-result">
            {t('backOffice.journal.broken', { seq: outcome.firstBadSeq ?? '?', reason: outcome.reason ? t(`backOffice.journal.break.${outcome.reason}`) : '' })}
          </p>
        ))}
    </div>
  );
}
