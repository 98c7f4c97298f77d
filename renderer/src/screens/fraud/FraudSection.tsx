import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FraudAlertView } from '../../../../preload/contract/fraud-views';
import { ErrorNote } from '../../components/ErrorNote';
import { formatReceiptNo } from '../../format/receipt-no';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';
import type { BackOfficeSectionProps } from '../back-office/section-props';
import { explainAlert } from './fraud-explain';
import { FraudThresholdsForm } from './FraudThresholdsForm';
import '../../styles/fraud.css';

/**
 * 风控提醒 / Fraud alerts: what the rules flagged, each in words with its evidence; the owner
 * acknowledges each with a note, and tunes the rules' thresholds below.
 */
export function FraudSection({ session }: BackOfficeSectionProps) {
  const { t } = useTranslation();
  const [filter, setFilter] = useState<'open' | 'all'>('open');
  const alerts = useCall('fraud.alerts');
  const load = alerts.run;
  const isOwner = session.operator?.role === 'owner';

  useEffect(() => {
    void load({ filter });
  }, [load, filter]);

  return (
    <div className="back-office__stack fraud">
      <div className="fraud__filter" role="group" aria-label={t('fraud.filter.label')}>
        {(['open', 'all'] as const).map((f) => (
          <button
            key={f}
            type="button"
            className={`button${filter === f ? ' button--primary' : ''}`}
            aria-pressed={filter === f}
            onClick={() => setFilter(f)}
            data-testid={`fraud-filter-${f}`}
          >
            {t(`fraud.filter.${f}`)}
          </button>
        ))}
      </div>
      <ErrorNote error={alerts.error} />
      {alerts.value && alerts.value.length === 0 && (
        <p className="muted" data-testid="fraud-empty">
          {t(filter === 'open' ? 'fraud.noneOpen' : 'fraud.none')}
        </p>
      )}
      <ul className="fraud__alerts" aria-label={t('fraud.title')}>
        {(alerts.value ?? []).map((a) => (
          <AlertItem key={a.id} alert={a} canAcknowledge={isOwner} onChanged={() => void load({ filter })} />
        ))}
      </ul>
      <FraudThresholdsForm editable={isOwner} />
    </div>
  );
}

function AlertItem({ alert, canAcknowledge, onChanged }: { alert: FraudAlertView; canAcknowledge: boolean; onChanged(): void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [note, setNote] = useState('');
  const ack = useCall('fraud.acknowledge');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const r = await ack.run({ alertId: alert.id, note });
    if (r.ok) onChanged();
  };

  return (
    <li className="fraud__alert" data-testid="fraud-alert" data-rule={alert.rule} data-acknowledged={alert.acknowledged ? 'yes' : 'no'}>
      <h3 className="fraud__rule">{t(`fraud.rule.${alert.rule}`)}</h3>
      <p className="muted">
        {format.dateTime(alert.at)} · {alert.businessDay} · {t('fraud.journalEntry', { seq: alert.journalSeq })}
      </p>
      <p data-testid="fraud-alert-explanation">{explainAlert(alert, t, format)}</p>
      {alert.documents.length > 0 && (
        <p className="fraud__evidence" data-testid="fraud-alert-evidence">
          {t('fraud.evidence', { receipts: alert.documents.map((d) => formatReceiptNo(alert.registerId, d.receiptNo)).join(t('list.separator')) })}
        </p>
      )}
      {/* A pattern of entries without a document (refused cash-outs, no-sale openings): where to find them in the audit trail. */}
      {alert.documents.length === 0 && alert.seqs.length > 0 && (
        <p className="fraud__evidence" data-testid="fraud-alert-entries">
          {t('fraud.evidenceEntries', { seqs: alert.seqs.map((seq) => `#${seq}`).join(t('list.separator')) })}
        </p>
      )}
      {alert.acknowledged ? (
        <p className="fraud__ack" data-testid="fraud-alert-ack">
          {t('fraud.acknowledgedBy', {
            name: alert.acknowledged.operatorName,
            at: format.dateTime(alert.acknowledged.at),
            note: alert.acknowledged.note,
            interpolation: { escapeValue: false },
          })}
        </p>
      ) : (
        canAcknowledge && (
          <form className="fraud__ack-form" onSubmit={(e) => void submit(e)}>
            <label className="field">
              <span>{t('fraud.note')}</span>
              <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={200} required data-testid="fraud-ack-note" />
            </label>
            <button type="submit" className="button button--primary" disabled={ack.busy || note.trim() === ''} data-testid="fraud-ack">
              {t('fraud.acknowledge')}
            </button>
            <ErrorNote error={ack.error} />
          </form>
        )
      )}
    </li>
  );
}
