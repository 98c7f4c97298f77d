import { useTranslation } from 'react-i18next';
import type { ZFraudAlertView } from '../../../../preload/contract/day-close-views';
import { useFormat } from '../../state/store-context';
import { scopeText } from './fraud-explain';

/**
 * The business day's fraud alerts as the Z lists them. Each says whom it watched, in the Fraud
 * alerts page's words: a burst raises for the register and for its operator, two lines otherwise alike.
 */
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
            <li key={a.id} data-testid="z-fraud-alert" data-rule={a.rule} data-scope={a.scope.kind}>
              {[
                format.dateTime(a.at),
                t(`fraud.rule.${a.rule}`),
                scopeText(a.scope, a.operatorName, t),
                t(a.acknowledged ? 'fraud.state.acknowledged' : 'fraud.state.open'),
              ]
                .filter((part) => part !== '')
                .join(' · ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
