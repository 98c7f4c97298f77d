import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../../preload/contract';
import type { DocumentSummaryView } from '../../../../preload/contract/refund-views';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNote } from '../../components/ErrorNote';
import { formatReceiptNo } from '../../format/receipt-no';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';

interface FindReceiptProps {
  /** Looks up a receipt by what was typed or scanned (R1-000042, 42, the QR code's id). */
  onLookup(code: string): void;
  lookupBusy: boolean;
  lookupError: CallError | null;
  onNoReceipt(): void;
  onClose(): void;
}

/** The first step of a return: the receipt's number typed or scanned, or today's sale picked from the list. */
export function FindReceipt({ onLookup, lookupBusy, lookupError, onNoReceipt, onClose }: FindReceiptProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [code, setCode] = useState('');
  const field = useRef<HTMLInputElement>(null);
  const todays = useCall('refund.todaysSales');
  const loadTodays = todays.run;

  useEffect(() => {
    field.current?.focus();
    void loadTodays({});
  }, [loadTodays]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (code.trim() !== '' && !lookupBusy) onLookup(code.trim());
  };

  const columns: Column<DocumentSummaryView>[] = [
    { key: 'receipt', header: t('refund.find.receiptNo'), cell: (d) => formatReceiptNo(d.registerId, d.receiptNo), testId: 'todays-sale-no' },
    { key: 'time', header: t('refund.find.time'), cell: (d) => format.time(d.completedAt) },
    { key: 'operator', header: t('refund.find.operator'), cell: (d) => d.operatorName },
    { key: 'tenders', header: t('refund.find.tenders'), cell: (d) => d.tenders.map((m) => t(`payment.method.${m}`)).join(' + ') },
    { key: 'total', header: t('refund.find.total'), numeric: true, cell: (d) => format.money(d.totalMinor) },
    {
      key: 'corrections',
      header: t('refund.find.corrections'),
      cell: (d) => (d.corrections.length > 0 ? t('refund.find.corrected', { n: d.corrections.length }) : ''),
    },
    {
      key: 'pick',
      header: t('refund.find.pick'),
      headerHidden: true,
      cell: (d) => (
        <button type="button" className="button" onClick={() => onLookup(d.id)} disabled={lookupBusy} data-testid="refund-pick">
          {t('refund.find.pick')}
        </button>
      ),
    },
  ];

  return (
    <section className="panel refund-find" aria-labelledby="refund-find-title">
      <div className="panel__top">
        <h1 id="refund-find-title">{t('refund.title')}</h1>
        <button type="button" className="button" onClick={onClose} data-testid="refund-close">
          {t('refund.backToSale')} <kbd>Esc</kbd>
        </button>
      </div>
      <form className="refund-find__form" onSubmit={submit}>
        <label className="field">
          <span>{t('refund.find.label')}</span>
          <input
            ref={field}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            autoComplete="off"
            placeholder={t('refund.find.placeholder')}
            data-testid="refund-code"
          />
        </label>
        <button type="submit" className="button button--primary" disabled={lookupBusy} data-testid="refund-find">
          {t('refund.find.submit')} <kbd>Enter</kbd>
        </button>
        <button type="button" className="button" onClick={onNoReceipt} data-testid="refund-no-receipt">
          {t('refund.noReceipt.open')}
        </button>
      </form>
      <p className="muted small">{t('refund.find.scanHint')}</p>
      <ErrorNote error={lookupError} />
      <h2>{t('refund.find.todays')}</h2>
      <ErrorNote error={todays.error} />
      <DataTable
        label={t('refund.find.todays')}
        columns={columns}
        rows={todays.value}
        rowKey={(d) => d.id}
        empty={t('refund.find.noneToday')}
        rowTestId="todays-sale"
        rowData={(d) => ({ 'data-receipt-no': d.receiptNo })}
      />
    </section>
  );
}
