import { useTranslation } from 'react-i18next';
import type { CorrectionsInProgressView } from '../../../../preload/contract';
import { useFormat } from '../../state/store-context';
import { FigureTable } from './FigureTable';

/**
 * Under an X: refunds and voids still open while their parts go back one by one. None of it is in
 * the figures above until they complete; what already went back to a card or a wallet is listed so
 * the card out reconciles with the terminal.
 */
export function CorrectionsInProgress({ inProgress }: { inProgress: CorrectionsInProgressView }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (inProgress.count === 0) return null;
  const rows = [
    { key: 'total', testId: 'in-progress-total', head: t('report.inProgress.total'), cells: [inProgress.count, format.money(inProgress.totalMinor)] },
    ...inProgress.back.map((b) => ({
      key: b.method,
      testId: `in-progress-back-${b.method}`,
      head: t(`report.inProgress.back.${b.method}`),
      cells: [b.count, format.money(b.amountMinor)],
    })),
  ];
  return (
    <section className="report" data-testid="x-in-progress">
      <FigureTable title={t('report.inProgress.title', { count: inProgress.count })} columns={[t('report.count'), t('report.amount')]} rows={rows} wide />
      <p className="muted">{t('report.inProgress.note')}</p>
    </section>
  );
}
