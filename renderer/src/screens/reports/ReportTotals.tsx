// The report's summary: what the range took in, and the cash differences as far as they are known.
// Cash never counted is "not counted", never "even"; a mix says on how many days it was counted.
import { useTranslation } from 'react-i18next';
import type { SalesReportView } from '../../../../preload/contract/reports-views';
import { useFormat } from '../../state/store-context';
import { OverShort } from '../shift/CountResult';

function OverShortTotal({ r }: { r: SalesReportView }) {
  const { t } = useTranslation();
  const { counted, of } = r.cashCounted;
  if (of === 0) return <span data-testid="reports-over-short">—</span>;
  if (r.overShortMinor === null) return <span data-testid="reports-over-short">{t('report.notCounted')}</span>;
  return (
    <>
      <OverShort differenceMinor={r.overShortMinor} testId="reports-over-short" />
      {counted < of && (
        <span className="muted" data-testid="reports-counted-days">
          {' '}
          ({t('reports.countedDays', { counted, total: of })})
        </span>
      )}
    </>
  );
}

function HandoverTotal({ r }: { r: SalesReportView }) {
  const { t } = useTranslation();
  const { compared, of } = r.handoverCompared;
  if (r.closedDays === 0) return <>—</>;
  // Every Z of the range was taken before handovers were compared.
  if (of === 0) return <>{t('report.handoverUnrecorded')}</>;
  return (
    <>
      {r.handoverMinor === null ? t('reports.handoverNone') : <OverShort differenceMinor={r.handoverMinor} />}
      {r.handoverMinor !== null && compared < of && (
        <span className="muted" data-testid="reports-handover-days">
          {' '}
          ({t('reports.handoverComparedDays', { compared, total: of })})
        </span>
      )}
      {r.handoverUnrecordedDays > 0 && (
        <span className="muted" data-testid="reports-handover-unrecorded">
          {' '}
          {t('reports.handoverUnrecordedDays', { count: r.handoverUnrecordedDays })}
        </span>
      )}
    </>
  );
}

export function ReportTotals({ r }: { r: SalesReportView }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <dl className="report-totals">
      <dt>{t('reports.closedDays')}</dt>
      <dd data-testid="reports-closed-days">{r.closedDays}</dd>
      <dt>{t('reports.col.net')}</dt>
      <dd data-testid="reports-net">{format.money(r.netMinor)}</dd>
      <dt>{t('reports.averageBasket')}</dt>
      <dd data-testid="reports-average-basket">{r.averageBasketMinor === null ? '—' : format.money(r.averageBasketMinor)}</dd>
      <dt>{t('reports.col.discounts')}</dt>
      <dd data-testid="reports-discounts">{format.money(r.discounts.amountMinor)}</dd>
      {/* Given gross, as sales are; the share on goods back beside it, as refunds are. */}
      <dt>{t('report.discountsReturned')}</dt>
      <dd data-testid="reports-discounts-returned">
        {r.discounts.returnedMinor === null ? t('report.discountsReturnedUnknown') : format.money(-r.discounts.returnedMinor)}
      </dd>
      <dt>{t('report.discountsNet')}</dt>
      <dd data-testid="reports-discounts-net">
        {r.discounts.returnedMinor === null ? '—' : format.money(r.discounts.amountMinor - r.discounts.returnedMinor)}
      </dd>
      <dt>{t('reports.col.overShort')}</dt>
      <dd>
        <OverShortTotal r={r} />
      </dd>
      <dt>{t('reports.col.handover')}</dt>
      <dd data-testid="reports-handover">
        <HandoverTotal r={r} />
      </dd>
      {r.kinds
        .filter((k) => k.kind !== 'sale')
        .map((k) => (
          <div key={k.kind} className="report-totals__pair">
            <dt>{t(`documents.kind.${k.kind}`)}</dt>
            <dd>
              {k.count} · {format.money(k.totalMinor)}
            </dd>
          </div>
        ))}
    </dl>
  );
}
