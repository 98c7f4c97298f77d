import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerminalBatchView } from '../../../../preload/contract';
import { DataTable } from '../../components/DataTable';
import { ErrorNote } from '../../components/ErrorNote';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';
import { BatchComparison, terminalFigures, useComparisonLine } from './BatchComparison';

function BatchTotals({ batch }: { batch: TerminalBatchView }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="terminal-batch" data-testid="terminal-batch">
      <dl>
        <dt>{t('cardTerminal.eod.closedAt')}</dt>
        <dd>{format.dateTime(batch.closedAt)}</dd>
        {batch.terminalId && (
          <>
            <dt>{t('cardTerminal.eod.terminalId')}</dt>
            <dd>{batch.terminalId}</dd>
          </>
        )}
      </dl>
      <BatchComparison batch={batch} />
      <DataTable
        label={t('cardTerminal.eod.byBrandSales')}
        testId="batch-brands"
        rows={batch.brands}
        rowKey={(b) => b.brand}
        columns={[
          { key: 'brand', header: t('cardTerminal.eod.brand'), cell: (b) => b.brand },
          { key: 'count', header: t('cardTerminal.eod.salesCount'), cell: (b) => b.count },
          { key: 'total', header: t('cardTerminal.eod.salesAmount'), cell: (b) => format.money(b.amountMinor) },
        ]}
      />
    </div>
  );
}

/** The terminal's end of day: closes its batch with the bank; the totals are kept for the day close. */
export function TerminalEndOfDay() {
  const { t } = useTranslation();
  const format = useFormat();
  const line = useComparisonLine();
  const past = useCall('terminal.batches');
  const endOfDay = useCall('terminal.endOfDay');
  const [confirming, setConfirming] = useState(false);
  const last = endOfDay.value;
  const load = past.run;

  useEffect(() => {
    void load({});
  }, [load]);

  const run = async () => {
    setConfirming(false);
    const result = await endOfDay.run({});
    if (result.ok) await load({});
  };

  return (
    <section aria-labelledby="terminal-eod-title" data-testid="terminal-eod">
      <h3 id="terminal-eod-title">{t('cardTerminal.eod.title')}</h3>
      <p className="muted">{t('cardTerminal.eod.hint')}</p>
      {confirming ? (
        <div className="terminal-confirm" role="group" aria-label={t('cardTerminal.eod.confirm')}>
          <span>{t('cardTerminal.eod.confirm')}</span>
          <button type="button" className="button button--primary" onClick={() => void run()} data-testid="terminal-eod-confirm">
            {t('cardTerminal.eod.run')}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(false)}>
            {t('action.cancel')}
          </button>
        </div>
      ) : (
        <button type="button" className="button button--primary" disabled={endOfDay.busy} onClick={() => setConfirming(true)} data-testid="terminal-eod-run">
          {endOfDay.busy ? t('cardTerminal.eod.running') : t('cardTerminal.eod.run')}
        </button>
      )}
      <ErrorNote error={endOfDay.error ?? past.error} />
      {last && (
        <div role="status">
          <p className="notice">{t('cardTerminal.eod.done')}</p>
          <BatchTotals batch={last} />
        </div>
      )}
      <h3>{t('cardTerminal.eod.past')}</h3>
      <DataTable
        label={t('cardTerminal.eod.past')}
        testId="terminal-batches"
        rowTestId="terminal-batch-row"
        empty={t('cardTerminal.eod.none')}
        emptyTestId="terminal-batches-empty"
        rows={past.value}
        rowKey={(b) => b.id}
        columns={[
          { key: 'businessDay', header: t('cardTerminal.eod.businessDay'), cell: (b) => b.businessDay },
          { key: 'closedAt', header: t('cardTerminal.eod.closedAt'), cell: (b) => format.dateTime(b.closedAt) },
          { key: 'terminalId', header: t('cardTerminal.eod.terminalId'), cell: (b) => b.terminalId ?? '—' },
          {
            key: 'sales',
            header: t('cardTerminal.eod.terminalSales'),
            cell: (b) => t('cardTerminal.eod.countAmount', { count: b.count, amount: format.money(terminalFigures(b).salesMinor) }),
          },
          { key: 'net', header: t('cardTerminal.eod.terminalNet'), cell: (b) => format.money(b.totalMinor) },
          { key: 'registerNet', header: t('cardTerminal.eod.registerNet'), cell: (b) => format.money(b.comparison.registerTotalMinor) },
          { key: 'match', header: t('cardTerminal.eod.check'), cell: (b) => line(b, true) },
        ]}
      />
    </section>
  );
}
