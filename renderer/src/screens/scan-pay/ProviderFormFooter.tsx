import { useTranslation } from 'react-i18next';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';

/** Save, remove (once something is stored), and what the last attempt said: the same for either provider. */
export function ProviderFormFooter(props: {
  provider: 'wechat' | 'alipay';
  busy: boolean;
  onRemove: (() => void) | null;
  error: Parameters<typeof ErrorNote>[0]['error'];
  notice: string | null;
}) {
  const { t } = useTranslation();
  return (
    <>
      <div className="scan-payment__actions">
        <button type="submit" className="button button--primary" disabled={props.busy} data-testid={`scan-${props.provider}-save`}>
          {t('scanpay.settings.save')}
        </button>
        {props.onRemove && (
          <button type="button" className="button button--danger" onClick={props.onRemove} data-testid={`scan-${props.provider}-remove`}>
            {t('scanpay.settings.remove')}
          </button>
        )}
      </div>
      <ErrorNote error={props.error} />
      <Notice message={props.notice} />
    </>
  );
}
