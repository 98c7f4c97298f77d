import { useTranslation } from 'react-i18next';
import { FRAUD_RULES, type FraudRule } from '../../../../preload/contract/fraud-views';
import type { HqFraudAlert, OwnerOverview } from '../../../../preload/contract/hq-wire';
import { formatReceiptNo } from '../../format/receipt-no';
import { useFormat } from '../../state/store-context';
import { explainAlert, scopeText } from '../fraud/fraud-explain';
import '../../styles/fraud.css';

const known = (rule: string): rule is FraudRule => (FRAUD_RULES as readonly string[]).includes(rule);

/**
 * The registers' own fraud alerts that they have not acknowledged, per register, in the words of
 * the register's fraud screen (the same sentences, from the figures the register journalled).
 * Read-only: each is acknowledged at its own register. An HQ too old to send them shows nothing.
 */
export function HqFraudAlerts({ v, when }: { v: OwnerOverview; when: (ms: number) => string }) {
  const { t } = useTranslation();
  const registers = v.shops.flatMap((s) => s.registers);
  if (registers.every((r) => r.fraud === undefined)) return null;
  const flagged = registers.filter((r) => r.fraud && (r.fraud.alerts.length > 0 || r.fraud.more > 0 || r.fraud.unreadable > 0));
  return (
    <>
      <h3>{t('hq.fraud.title')}</h3>
      <p className="muted" data-testid="hq-fraud-ack-hint">
        {t('hq.fraud.ackAtRegister')}
      </p>
      {flagged.length === 0 ? (
        <p data-testid="hq-fraud-none">{t('hq.fraud.none')}</p>
      ) : (
        flagged.map((r) => (
          <section key={r.registerId} data-testid={`hq-fraud-${r.registerId}`} aria-label={t('hqView.register', { id: r.registerId, name: r.name })}>
            <h4>{t('hqView.register', { id: r.registerId, name: r.name })}</h4>
            <ul className="fraud__alerts">
              {r.fraud?.alerts.map((a) => (
                <Alert key={a.alertId} alert={a} when={when} />
              ))}
            </ul>
            {(r.fraud?.more ?? 0) > 0 && (
              <p className="muted" data-testid={`hq-fraud-${r.registerId}-more`}>
                {t('hq.fraud.more', { count: r.fraud?.more ?? 0 })}
              </p>
            )}
            {(r.fraud?.unreadable ?? 0) > 0 && (
              <p className="error-note" data-testid={`hq-fraud-${r.registerId}-unreadable`}>
                {t('hq.fraud.unreadable', { count: r.fraud?.unreadable ?? 0 })}
              </p>
            )}
          </section>
        ))
      )}
    </>
  );
}

function Alert({ alert, when }: { alert: HqFraudAlert; when: (ms: number) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rule = alert.rule;
  return (
    <li className="fraud__alert" data-testid="hq-fraud-alert" data-rule={rule}>
      <p className="fraud__rule">
        <strong>{known(rule) ? t(`fraud.rule.${rule}`) : t('hq.fraud.unknownRule', { rule })}</strong>
      </p>
      <p className="muted">
        {when(alert.at)} · {alert.businessDay} · {t('hq.fraud.about', { who: scopeText(alert.scope, alert.operatorName, t) })} ·{' '}
        {t('fraud.journalEntry', { seq: alert.journalSeq })}
      </p>
      {known(rule) && <p data-testid="hq-fraud-alert-explanation">{explainAlert({ ...alert, rule }, t, format)}</p>}
      {alert.documents.length > 0 && (
        <p className="fraud__evidence">
          {t('fraud.evidence', {
            receipts: alert.documents.map((d) => formatReceiptNo(alert.localRegisterId, d.receiptNo)).join(t('list.separator')),
          })}
        </p>
      )}
      {alert.documents.length === 0 && alert.seqs.length > 0 && (
        <p className="fraud__evidence">{t('fraud.evidenceEntries', { seqs: alert.seqs.map((seq) => `#${seq}`).join(t('list.separator')) })}</p>
      )}
    </li>
  );
}
