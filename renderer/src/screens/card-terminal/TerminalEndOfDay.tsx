import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerminalBatchView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { formatDateTime } from '../../format/date';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';

function BatchTotals({ batch }: { batch: TerminalBatchView }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="terminal-batch" data-testid="terminal-batch">
      <dl>
        <dt>{t('cardTerminal.eod.closedAt')}</dt>
        <dd>{formatDateTime(batch.closedAt, format.locale)}</dd>
        <dt>{t('cardTerminal.eod.count')}</dt>
        <dd data-testid="batch-count">{batch.count}</dd>
        <dt>{t('cardTerminal.eod.total')}</dt>
        <dd data-testid="batch-total">{format.money(batch.totalMinor)}</dd>
        {batch.terminalId && (
          <>
            <dt>{t('cardTerminal.eod.terminalId')}</dt>
            <dd>{batch.terminalId}</dd>
          </>
        )}
      </dl>
      {batch.brands.length > 0 && (
        <table className="data-table" aria-label={t('cardTerminal.eod.byBrand')} data-testid="batch-brands">
          <thead>
            <tr>
              <th scope="col">{t('cardTerminal.eod.brand')}</th>
              <th scope="col">{t('cardTerminal.eod.count')}</th>
              <th scope="col">{t('cardTerminal.eod.total')}</th>
            </tr>
          </thead>
          <tbody>
            {batch.brands.map((b) => (
              <tr key={b.brand}>
                <td>{b.brand}</td>
                <td>{b.count}</td>
                <td>{format.money(b.amountMinor)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

/** The terminal's end of day: closes its batch with the bank; the totals are kept for the day close. */
export function TerminalEndOfDay() {
  const { t } = useTranslation();
  const format = useFormat();
  const past = useCall('terminal.batches');
  const endOfDay = useCall('terminal.endOfDay');
  const [confirming, setConfirming] = useState(false);
  const batches = past.value ?? [];
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
      {batches.length === 0 ? (
        <p className="muted" data-testid="terminal-batches-empty">
          {t('cardTerminal.eod.none')}
        </p>
      ) : (
        <table className="data-table" aria-label={t('cardTerminal.eod.past')} data-testid="terminal-batches">
          <thead>
            <tr>
              <th scope="col">{t('cardTerminal.eod.businessDay')}</th>
              <th scope="col">{t('cardTerminal.eod.closedAt')}</th>
              <th scope="col">{t('cardTerminal.eod.terminalId')}</th>
              <th scope="col">{t('cardTerminal.eod.count')}</th>
              <th scope="col">{t('cardTerminal.eod.total')}</th>
              <th scope="col">{t('cardTerminal.eod.byBrand')}</th>
            </tr>
          </thead>
          <tbody>
            {batches.map((b) => (
              <tr key={b.id} data-testid="terminal-batch-row">
                <td>{b.businessDay}</td>
                <td>{formatDateTime(b.closedAt, format.locale)}</td>
                <td>{b.terminalId ?? '—'}</td>
                <td>{b.count}</td>
                <td>{format.money(b.totalMinor)}</td>
                <td>{b.brands.map((x) => `${x.brand}: ${x.count} · ${format.money(x.amountMinor)}`).join(', ') || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
