import { Trans, useTranslation } from 'react-i18next';

/**
 * A scan-to-pay step in words, with its countdown where it has one. The countdown is marked
 * <nowrap>…</nowrap> in the text and never breaks: "秒）" alone on a line reads as noise.
 */
export function ScanStepText({ stepKey, seconds }: { stepKey: string | null; seconds: number }) {
  const { t } = useTranslation();
  if (stepKey === null) return <>{t('scanpay.working')}</>;
  return <Trans i18nKey={stepKey} values={{ seconds }} defaults={t('scanpay.working')} components={{ nowrap: <span className="nowrap" /> }} />;
}
