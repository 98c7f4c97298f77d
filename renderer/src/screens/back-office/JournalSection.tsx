import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, JournalVerification } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { api } from '../../transport/api';

/** Recomputes the journal's hash chain in main and says whether it holds. */
export function JournalSection() {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<JournalVerification | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState(false);

  const check = async () => {
    setBusy(true);
    setOutcome(null);
    const result = await api.invoke('journal.verify', {});
    setBusy(false);
    if (result.ok) {
      setOutcome(result.value);
      setError(null);
    } else setError(result.error);
  };

  return (
    <div className="back-office__stack">
      <p className="muted">{t('backOffice.journal.intro')}</p>
      <div>
        <button type="button" className="button button--primary" disabled={busy} onClick={() => void check()} data-testid="journal-check">
          {t('backOffice.journal.check')}
        </button>
      </div>
      {busy && <p className="muted">{t('backOffice.journal.checking')}</p>}
      <ErrorNote error={error} />
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
