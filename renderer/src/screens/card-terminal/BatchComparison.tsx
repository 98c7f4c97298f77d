import { useTranslation } from 'react-i18next';
import type { TerminalBatchView } from '../../../../preload/contract';
import { DataTable } from '../../components/DataTable';
import { useFormat } from '../../state/store-context';

/** The terminal's figures as ZVT's end of day carries them: sales per card type (BMP 60) and the net total (BMP 04). */
export function terminalFigures(batch: TerminalBatchView) {
  const salesMinor = batch.brands.reduce((s, b) => s + b.amountMinor, 0);
  return { salesCount: batch.count, salesMinor, netMinor: batch.totalMinor, deductedMinor: salesMinor - batch.totalMinor };
}

/** The register's card payments and refunds for the batch's period, from the day close's reconciliation. */
export function registerFigures(batch: TerminalBatchView) {
  const c = batch.comparison;
  return {
    salesCount: c.brands.reduce((s, b) => s + b.registerCount, 0),
    salesMinor: c.registerTotalMinor + c.registerRefundsMinor,
    refundsMinor: c.registerRefundsMinor,
    netMinor: c.registerTotalMinor,
  };
}

/** "Matches", or by how much (and which way) the terminal's net differs from the register's. */
export function useComparisonLine() {
  const { t } = useTranslation();
  const format = useFormat();
  return (batch: TerminalBatchView, short = false) => {
    const c = batch.comparison;
    const diff = c.terminalTotalMinor - c.registerTotalMinor;
    const amount = format.money(Math.abs(diff));
    if (short) {
      if (c.status === 'matched') return t('cardTerminal.eod.matchesShort');
      return diff === 0 ? t('cardTerminal.eod.brandsDifferShort') : t('cardTerminal.eod.differsShort', { amount });
    }
    if (c.status === 'matched') return t('cardTerminal.eod.matches');
    if (diff === 0) return t('cardTerminal.eod.brandsDiffer');
    return t(diff > 0 ? 'cardTerminal.eod.differsMore' : 'cardTerminal.eod.differsLess', { amount });
  };
}

/**
 * One batch: what the terminal said (its sales by card type and the net the bank pays; ZVT's end
 * of day does not list refunds, so what it deducted is sales less net), beside the register's own
 * card sales, refunds and net for the same period, and whether they agree.
 */
export function BatchComparison({ batch }: { batch: TerminalBatchView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const line = useComparisonLine();
  const term = terminalFigures(batch);
  const reg = registerFigures(batch);
  const matched = batch.comparison.status === 'matched';
  const pair = (count: number, minor: number) => t('cardTerminal.eod.countAmount', { count, amount: format.money(minor) });
  const rows = [
    { key: 'sales', label: t('cardTerminal.eod.sales'), terminal: pair(term.salesCount, term.salesMinor), register: pair(reg.salesCount, reg.salesMinor) },
    {
      key: 'refunds',
      label: t('cardTerminal.eod.refunds'),
      terminal: t('cardTerminal.eod.refundsNotListed', { amount: format.money(term.deductedMinor) }),
      register: format.money(reg.refundsMinor),
    },
    { key: 'net', label: t('cardTerminal.eod.net'), terminal: format.money(term.netMinor), register: format.money(reg.netMinor) },
  ];
  return (
    <>
      <DataTable
        label={t('cardTerminal.eod.comparison')}
        testId="batch-comparison"
        rowTestId="batch-comparison-row"
        rows={rows}
        rowKey={(r) => r.key}
        columns={[
          { key: 'what', header: t('cardTerminal.eod.figure'), cell: (r) => r.label },
          { key: 'terminal', header: t('cardTerminal.eod.terminalSays'), cell: (r) => <span data-testid={`terminal-${r.key}`}>{r.terminal}</span> },
          { key: 'register', header: t('cardTerminal.eod.registerSays'), cell: (r) => <span data-testid={`register-${r.key}`}>{r.register}</span> },
        ]}
      />
      <p className={matched ? 'notice' : 'error-note'} data-testid="batch-match">
        {line(batch)}
      </p>
    </>
  );
}
