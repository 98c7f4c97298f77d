import { useTranslation } from 'react-i18next';
import type { CardReconciliationView, ReportFiguresView, ShiftCashView } from '../../../../preload/contract';
import { useFormat } from '../../state/store-context';
import { ExpectedCashTable, OverShort } from '../shift/CountResult';
import { FigureTable } from './FigureTable';
import { ReconciliationDifference } from './ReconciliationDifference';
import { ReportCharts } from './ReportCharts';
import '../../styles/day-close.css';

interface ReportViewProps {
  figures: ReportFiguresView;
  shifts: readonly ShiftCashView[];
  reconciliation?: CardReconciliationView | undefined;
  overShortMinor?: number | undefined;
}

/** An X or a Z on screen: the chart, then every figure the paper prints, in tables. */
export function ReportView({ figures, shifts, reconciliation, overShortMinor }: ReportViewProps) {
  const { t } = useTranslation();
  const format = useFormat();
  // A Z stored before the spent credit was reported keeps its whole-credit row, under its own words.
  const credit = figures.exchangeCreditSpent ?? figures.exchangeCredit;
  const uncounted = shifts.filter((s) => s.countedMinor === null).length;
  // Cash missing or found between a close and the next open: in no shift's own over/short.
  const handovers = shifts.filter((s) => s.handover && s.handover.differenceMinor !== 0);
  const receipts = figures.firstReceiptNo === null ? '—' : `${figures.firstReceiptNo} – ${figures.lastReceiptNo ?? figures.firstReceiptNo}`;
  return (
    <div className="report" data-testid="report">
      <dl className="report-totals">
        <dt>{t('report.net')}</dt>
        <dd data-testid="report-net">{format.money(figures.netMinor)}</dd>
        <dt>{t('report.documents')}</dt>
        <dd>{figures.documentCount}</dd>
        <dt>{t('report.receipts')}</dt>
        <dd>{receipts}</dd>
        {overShortMinor !== undefined && (
          <>
            <dt>{t('report.overShort')}</dt>
            <dd>
              {/* A shift closed without a count has no over/short: "no difference" would say the drawer balanced. */}
              {uncounted > 0 && uncounted === shifts.length ? (
                <span data-testid="report-over-short">{t('report.notCounted')}</span>
              ) : (
                <OverShort differenceMinor={overShortMinor} testId="report-over-short" />
              )}
              {uncounted > 0 && uncounted < shifts.length && (
                <span className="muted small" data-testid="report-uncounted">
                  {' '}
                  {t('report.uncountedShifts', { count: uncounted })}
                </span>
              )}
            </dd>
          </>
        )}
        {handovers.length > 0 && (
          <>
            <dt>{t('report.handoverTotal')}</dt>
            <dd>
              <OverShort differenceMinor={handovers.reduce((sum, s) => sum + (s.handover?.differenceMinor ?? 0), 0)} testId="report-handover-total" />
            </dd>
          </>
        )}
      </dl>
      <ReportCharts figures={figures} />
      <div className="report-tables">
        <FigureTable
          title={t('report.byKind')}
          columns={[t('report.count'), t('report.amount'), t('report.tax')]}
          rows={figures.kinds.map((k) => ({
            key: k.kind,
            testId: `report-kind-${k.kind}`,
            head: t(`report.kind.${k.kind}`),
            cells: [k.count, format.money(k.totalMinor), format.money(k.taxMinor)],
          }))}
        />
        {/* Next to the kinds, the other narrow table: side by side where both fit. */}
        {figures.taxRates.length > 0 && (
          <FigureTable
            title={t('report.byTaxRate')}
            columns={[t('report.netAmount'), t('report.tax'), t('report.gross')]}
            rows={figures.taxRates.map((r) => ({
              key: r.rateBp,
              head: format.rate(r.rateBp),
              cells: [format.money(r.netMinor), format.money(r.taxMinor), format.money(r.grossMinor)],
            }))}
          />
        )}
        <FigureTable
          title={t('report.byTender')}
          wide
          columns={[t('report.in'), t('report.out'), t('report.netShort')]}
          rows={[
            ...figures.tenders.map((x) => ({
              key: x.method,
              testId: `report-tender-${x.method}`,
              head: t(`report.tender.${x.method}`),
              cells: [`${x.inCount} · ${format.money(x.inMinor)}`, `${x.outCount} · ${format.money(x.outMinor)}`, format.money(x.netMinor)],
            })),
            // The credit is inside the cash row's in and out; shown so the drawer's real cash can be told from it.
            ...(credit && credit.count > 0
              ? [
                  {
                    key: 'exchange-credit',
                    testId: 'report-tender-exchange-credit',
                    head: t(figures.exchangeCreditSpent ? 'report.tender.exchangeCreditSpent' : 'report.tender.exchangeCredit'),
                    cells: [`${credit.count} · ${format.money(credit.amountMinor)}`, `${credit.count} · ${format.money(credit.amountMinor)}`, format.money(0)],
                  },
                ]
              : []),
          ]}
        />
        {figures.operators.length > 0 && (
          <FigureTable
            title={t('report.byOperator')}
            wide
            columns={[t('report.sales'), t('report.corrections'), t('report.netShort')]}
            rows={figures.operators.map((o) => ({
              key: o.operatorId,
              head: o.operatorName,
              cells: [
                `${o.salesCount} · ${format.money(o.salesMinor)}`,
                `${o.correctionsCount} · ${format.money(o.correctionsMinor)}`,
                format.money(o.netMinor),
              ],
            }))}
          />
        )}
        <table className="data-table" aria-label={t('report.other')}>
          <tbody>
            <tr>
              <th scope="row">{t('report.discounts', { count: figures.discounts.count })}</th>
              <td className="numeric" data-testid="report-discounts">
                {format.money(figures.discounts.amountMinor)}
              </td>
            </tr>
            {/* Given gross, as sales are; the share on goods back beside it, as refunds are (a Z stored before it was kept has none). */}
            {figures.discounts.returnedMinor !== undefined && (
              <>
                <tr>
                  <th scope="row">{t('report.discountsReturned')}</th>
                  <td className="numeric" data-testid="report-discounts-returned">
                    {format.money(-figures.discounts.returnedMinor)}
                  </td>
                </tr>
                <tr>
                  <th scope="row">{t('report.discountsNet')}</th>
                  <td className="numeric" data-testid="report-discounts-net">
                    {format.money(figures.discounts.amountMinor - figures.discounts.returnedMinor)}
                  </td>
                </tr>
              </>
            )}
            <tr>
              <th scope="row">{t('report.noSales')}</th>
              <td className="numeric" data-testid="report-no-sales">
                {figures.noSales}
              </td>
            </tr>
            <tr>
              <th scope="row">{t('report.duplicates')}</th>
              <td className="numeric">{figures.duplicates}</td>
            </tr>
            {figures.cashMovements.map((m) => (
              <tr key={m.kind}>
                <th scope="row">
                  {t(`shift.move.kind.${m.kind}`)} ×{m.count}
                </th>
                <td className="numeric">{format.money(m.amountMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shifts.length > 0 && (
        <section aria-labelledby="report-cash">
          <h3 id="report-cash">{t('report.cash')}</h3>
          <div className="report-shifts">
            {shifts.map((s) => (
              <div key={s.shiftId} className="report-shift" data-testid="report-shift">
                <h4>
                  {t('report.shift', { shiftId: s.shiftId, name: s.operatorName })} · {format.dateTime(s.openedAt)}
                </h4>
                <ExpectedCashTable expected={s.expected} label={t('shift.expected.title')} />
                <dl className="shift-facts">
                  {s.handover && s.handover.differenceMinor !== 0 && (
                    <>
                      <dt>{t('report.handover')}</dt>
                      <dd>
                        <OverShort differenceMinor={s.handover.differenceMinor} testId="report-shift-handover" />
                        <span className="muted small">
                          {' '}
                          {t('report.handoverFrom', { shiftId: s.handover.previousShiftId, counted: format.money(s.handover.previousCountedMinor) })}
                        </span>
                      </dd>
                    </>
                  )}
                  {s.firstCountMinor !== null && (
                    <>
                      <dt>{t('shift.closing.counted')}</dt>
                      <dd>{format.money(s.firstCountMinor)}</dd>
                    </>
                  )}
                  <dt>{s.firstCountMinor !== null ? t('shift.closing.recounted') : t('shift.closing.counted')}</dt>
                  <dd>{s.countedMinor === null ? t('report.notCounted') : format.money(s.countedMinor)}</dd>
                  {s.differenceMinor !== null && (
                    <>
                      <dt>{t('shift.closing.difference')}</dt>
                      <dd>
                        <OverShort differenceMinor={s.differenceMinor} testId="report-shift-difference" />
                      </dd>
                    </>
                  )}
                  {s.forceReason !== null && (
                    <>
                      <dt>{t('report.forced')}</dt>
                      <dd>{s.forceReason}</dd>
                    </>
                  )}
                </dl>
              </div>
            ))}
          </div>
        </section>
      )}
      {reconciliation && <ReconciliationView reconciliation={reconciliation} />}
    </div>
  );
}

function ReconciliationView({ reconciliation: r }: { reconciliation: CardReconciliationView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const status =
    r.status === 'skipped'
      ? t('report.recon.skipped', { reason: r.skipReason ?? '' })
      : r.status === 'matched'
        ? t('report.recon.matched')
        : r.status === 'differences'
          ? t('report.recon.differences')
          : t('report.recon.noTerminal');
  return (
    <section aria-labelledby="report-recon" data-testid="reconciliation">
      <h3 id="report-recon">{t('report.recon.title')}</h3>
      <p className={r.status === 'differences' ? 'error-note' : 'muted'} data-testid="reconciliation-status">
        {status}
      </p>
      {r.brands.length > 0 && (
        <table className="data-table" aria-label={t('report.recon.byBrand')}>
          <thead>
            <tr>
              <th scope="col">{t('report.recon.brand')}</th>
              <th scope="col" className="numeric">
                {t('report.recon.terminal')}
              </th>
              <th scope="col" className="numeric">
                {t('report.recon.register')}
              </th>
            </tr>
          </thead>
          <tbody>
            {r.brands.map((b) => (
              <tr key={b.brand}>
                <th scope="row">{b.brand}</th>
                <td className="numeric">
                  {b.terminalCount} · {format.money(b.terminalMinor)}
                </td>
                <td className="numeric">
                  {b.registerCount} · {format.money(b.registerMinor)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('report.recon.total')}</th>
              <td className="numeric">{format.money(r.terminalTotalMinor)}</td>
              <td className="numeric">{format.money(r.registerTotalMinor)}</td>
            </tr>
          </tfoot>
        </table>
      )}
      {r.differences.length > 0 && (
        <ul className="recon-differences" data-testid="reconciliation-differences">
          {r.differences.map((d, i) => (
            <ReconciliationDifference key={i} d={d} />
          ))}
        </ul>
      )}
    </section>
  );
}
