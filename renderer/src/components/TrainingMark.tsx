import { useTranslation } from 'react-i18next';
import '../styles/training.css';

/**
 * Training mode's mark over every screen: a banner and a watermark that lets clicks through, so
 * nobody takes a practice sale for a real one.
 */
export function TrainingMark() {
  const { t } = useTranslation();
  return (
    <>
      <div className="training-banner" role="status" data-testid="training-mark">
        {t('training.mark')} · {t('training.markHint')}
      </div>
      <div className="training-watermark" aria-hidden="true">
        {t('training.mark')}
      </div>
    </>
  );
}
