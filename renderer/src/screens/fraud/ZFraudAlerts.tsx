import { useTranslation } from 'react-i18next';
import type { ZFraudAlertView } from '../../../../preload/contract/day-close-views';
import { formatDateTime } from '../../format/date';
import { useFormat } from '../../state/store-context';

/** The business day's fraud alerts as the Z lists them. */
export function ZFraudAlerts({ alerts }: { alerts: readonly ZFraudAlertView[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <section aria-labelledby="z-fraud" data-testid="z-fraud-alerts">
      <h3 id="z-fraud">{t('fraud.zHeading', { count: alerts.length })}</h3>
      {alerts.length === 0 ? (
        <p className="muted">{t('fraud.none')}</p>
      ) : (
        <ul>
          {alerts.map((a) => (
            <li key={a.id} data-testid="z-fraud-alert" data-rule={a.rule}>
              {formatDateTime(a.at, format.locale)} · {t(`fraud.rule.${a.rule}`)}
              {a.operatorName ? ` · ${a.operatorName}` : ''} · {t(a.acknowledged ? 'fraud.state.acknowledged' : 'fraud.state.open')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
