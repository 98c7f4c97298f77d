import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ZReportSummaryView } from '../../../../preload/contract';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';
import type { BackOfficeSectionProps } from '../back-office/section-props';
import { OverShort } from '../shift/CountResult';
import { ReportView } from './ReportView';
import { ZFraudAlerts } from '../fraud/ZFraudAlerts';
import { useHardwareStatus } from '../../state/use-hardware-status';
import { printerPrintsNow } from './print-notice';

/** Z 报表: every past Z, to view again or reprint (each reprint marked as a numbered copy). */
export function ZReportsSection(_props: BackOfficeSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const list = useCall('zReport.list');
  const get = useCall('zReport.get');
  const reprint = useCall('zReport.reprint');
  const hardware = useHardwareStatus();
  const [notice, setNotice] = useState<string | null>(null);
  const load = list.run;
  useEffect(() => void load({}), [load]);

  const copy = async (zNo: number) => {
    setNotice(null);
    const result = await reprint.run({ zNo });
    if (!result.ok) return;
    setNotice(t(printerPrintsNow(hardware) ? 'report.copyQueued' : 'report.copyWaiting', { zNo, copy: result.value.copyNo }));
    await load({});
  };

  const open = get.value;
  if (open)
    return (
      <div className="back-office__stack" data-testid="z-view">
        <h3>{t('report.zTitle', { zNo: open.zNo, day: open.businessDay })}</h3>
        <p className="muted">{t('report.closedBy', { name: open.operatorName, at: format.dateTime(open.closedAt) })}</p>
        <div className="report-actions">
          <button type="button" className="button" onClick={() => void copy(open.zNo)} data-testid="z-reprint">
            {t('report.printCopy')}
          </button>
          <button type="button" className="button" onClick={() => get.reset()}>
            {t('report.back')}
          </button>
        </div>
        <ErrorNote error={reprint.error} />
        <Notice message={notice} />
        <ReportView figures={open.figures} shifts={open.shifts} reconciliation={open.reconciliation} overShortMinor={open.overShortMinor} />
        <ZFraudAlerts alerts={open.fraudAlerts} />
      </div>
    );

  const columns: Column<ZReportSummaryView>[] = [
    { key: 'no', header: t('report.zNo'), cell: (z) => `#${z.zNo}` },
    { key: 'day', header: t('dayClose.businessDay'), cell: (z) => <span className="nowrap">{z.businessDay}</span> },
    { key: 'closed', header: t('report.closedAt'), cell: (z) => format.dateTime(z.closedAt), testId: 'z-closed-at' },
    { key: 'net', header: t('report.net'), numeric: true, cell: (z) => format.money(z.netMinor) },
    {
      key: 'cash',
      header: t('report.cashDifferences'),
      // Not counted is not even: the Z this row lists says "not counted" too. The handover (cash
      // gone or found between a close and the next open) is a line of its own when there is one,
      // or when the Z was taken before handovers were compared (unknown, not even).
      cell: (z) => (
        <>
          {z.overShortMinor === null ? <span data-testid="z-row-not-counted">{t('report.notCounted')}</span> : <OverShort differenceMinor={z.overShortMinor} />}
          {z.handoverMinor === null ? (
            <div className="muted" title={t('report.handoverUnrecordedHint')} data-testid="z-row-handover-unrecorded">
              {t('report.handoverLine')}
              {t('report.handoverUnrecorded')}
            </div>
          ) : (
            z.handoverMinor !== 0 && (
              <div>
                {t('report.handoverLine')}
                <OverShort differenceMinor={z.handoverMinor} testId="z-row-handover" />
              </div>
            )
          )}
        </>
      ),
    },
    { key: 'recon', header: t('report.recon.title'), cell: (z) => t(`report.reconStatus.${z.reconciliationStatus}`) },
    { key: 'copies', header: t('report.reprints'), numeric: true, cell: (z) => z.reprints },
    {
      key: 'actions',
      header: t('report.actions'),
      headerHidden: true,
      cell: (z) => (
        <div className="data-table__actions">
          <button type="button" className="button" onClick={() => void get.run({ zNo: z.zNo })} data-testid={`z-view-${z.zNo}`}>
            {t('report.view')}
          </button>
          <button type="button" className="button" onClick={() => void copy(z.zNo)} data-testid={`z-reprint-${z.zNo}`}>
            {t('report.printCopy')}
          </button>
        </div>
      ),
    },
  ];

  return (
    <div className="back-office__stack">
      <ErrorNote error={list.error ?? get.error ?? reprint.error} />
      <Notice message={notice} />
      <DataTable
        label={t('report.zList')}
        columns={columns}
        rows={list.value}
        rowKey={(z) => z.id}
        empty={t('report.noZ')}
        emptyTestId="z-list-empty"
        testId="z-list"
        rowTestId="z-row"
        rowData={(z) => ({ 'data-z-no': z.zNo })}
      />
    </div>
  );
}
