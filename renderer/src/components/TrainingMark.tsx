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

/**
 * The sale on screen when its mode is not the operator's (a cart taken over from a colleague):
 * a practice sale carries the training mark even for an operator not in training, and a real sale
 * says it is real under a trainee's "nothing counts" banner. Main refuses adding to it or paying
 * it either way; the mark says so before the cashier tries, and what is left to do.
 */
export function SaleModeMark({ saleTraining, operatorTraining }: { saleTraining: boolean; operatorTraining: boolean }) {
  const { t } = useTranslation();
  if (saleTraining === operatorTraining) return null;
  if (!saleTraining)
    return (
      <div className="sale-mode-mark sale-mode-mark--real" role="status" data-testid="real-sale-mark">
        {t('training.realSaleHint')}
      </div>
    );
  return (
    <>
      <div className="sale-mode-mark sale-mode-mark--practice" role="status" data-testid="practice-sale-mark">
        {t('training.mark')} · {t('training.practiceSaleHint')}
      </div>
      {/* No watermark twice: the operator in training has the register's own already. */}
      <div className="training-watermark" aria-hidden="true">
        {t('training.mark')}
      </div>
    </>
  );
}
