import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DocumentSummaryView } from '../../../../preload/contract/refund-views';
import { DataTable, type Column } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { DateField } from '../../components/DateField';
import { ErrorNote } from '../../components/ErrorNote';
import { ChoiceFilter, OperatorFilter, TextFilter } from '../../components/FilterFields';
import { formatReceiptNo } from '../../format/receipt-no';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';
import { ReceiptPreview } from '../printing/ReceiptPreview';
import '../../styles/refund.css';
import type { BackOfficeSectionProps } from './section-props';

type Kind = '' | 'sale' | 'refund' | 'void';

const KINDS = ['sale', 'refund', 'void'] as const;

interface Filters {
  /** null: the field holds text that is no day (it says so); the list is not asked. */
  businessDay: string | null;
  kind: Kind;
  operatorId: string;
  receiptNo: string;
}

const NO_FILTERS: Filters = { businessDay: '', kind: '', operatorId: '', receiptNo: '' };

/** The filters as documents.list takes them: empty fields are no filter. */
function query(f: Filters): { businessDay?: string; kind?: 'sale' | 'refund' | 'void'; operatorId?: number; receiptNo?: number; limit: number } {
  // NFKC: a Chinese input method in full-width mode types Ｒ１－０００００１ for R1-000001.
  const receiptNo = Number(f.receiptNo.normalize('NFKC').trim().replace(/^.*-/, ''));
  return {
    ...(f.businessDay ? { businessDay: f.businessDay } : {}),
    ...(f.kind ? { kind: f.kind } : {}),
    ...(f.operatorId ? { operatorId: Number(f.operatorId) } : {}),
    ...(f.receiptNo.trim() && Number.isSafeInteger(receiptNo) && receiptNo > 0 ? { receiptNo } : {}),
    limit: 200,
  };
}

/**
 * 单据 / Documents: completed sales with their corrections, and corrections with the sale they
 * correct, filtered by business day, kind, operator and receipt number. Any receipt opens as
 * printed; a sale starts a return.
 */
export function DocumentsSection({ onStartReturn }: BackOfficeSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const [shown, setShown] = useState<{ id: string; receiptNo: string } | null>(null);
  const list = useCall('documents.list');
  const operators = useCall('session.operators');
  const loadList = list.run;
  const loadOperators = operators.run;

  useEffect(() => {
    void loadOperators({});
    void loadList(query(NO_FILTERS));
  }, [loadList, loadOperators]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (filters.businessDay === null) return;
    if (filters.receiptNo.trim() !== '' && query(filters).receiptNo === undefined)
      return list.refuse({ code: 'refund.code_not_understood', params: { code: filters.receiptNo.trim() } });
    void loadList(query(filters));
  };

  const set = (change: Partial<Filters>) => setFilters((f) => ({ ...f, ...change }));
  const receiptButton = (id: string, registerId: string, receiptNo: number | null, testId: string) => {
    const number = formatReceiptNo(registerId, receiptNo);
    return (
      <button type="button" className="link-button" onClick={() => setShown({ id, receiptNo: number })} data-testid={testId}>
        {number}
      </button>
    );
  };

  const columns: Column<DocumentSummaryView>[] = [
    { key: 'receipt', header: t('documents.receiptNo'), cell: (d) => receiptButton(d.id, d.registerId, d.receiptNo, 'document-receipt') },
    { key: 'kind', header: t('documents.kindLabel'), cell: (d) => t(`documents.kind.${d.kind}`), testId: 'document-kind' },
    {
      key: 'when',
      header: t('documents.when'),
      testId: 'document-when',
      // The day above the time, each whole: in one line the column is too narrow at 1024 px, and 2026-11-30 broke at its hyphens.
      cell: (d) => {
        const { day, date, time } = format.dayAndMoment(d.businessDay, d.completedAt);
        return (
          <>
            <span className="documents__day">{day}</span>{' '}
            <span className="documents__moment">
              {date && `${date} `}
              <span className="unbroken">{time}</span>
            </span>
          </>
        );
      },
    },
    { key: 'operator', header: t('documents.operator'), cell: (d) => d.operatorName },
    {
      key: 'tenders',
      header: t('documents.tenders'),
      testId: 'document-tenders',
      // An exchange's credit is booked as cash on both halves though no cash moved for it: said so, not left to look like drawer cash.
      cell: (d) =>
        [d.tenders.map((m) => t(`payment.method.${m}`)).join(' + '), d.exchange ? t('documents.withExchangeCredit') : ''].filter(Boolean).join(' · '),
    },
    {
      key: 'total',
      header: t('documents.total'),
      numeric: true,
      testId: 'document-total',
      // Corrections give money back: shown as the opposite of a sale, as on their receipts.
      cell: (d) => format.money(d.kind === 'sale' ? d.totalMinor : -d.totalMinor),
    },
    {
      key: 'reason',
      header: t('documents.reason'),
      className: () => 'documents__reason',
      cell: (d) => (d.reason ? t(`refund.reason.${d.reason}`, { defaultValue: d.reason }) : ''),
    },
    {
      key: 'related',
      header: t('documents.related'),
      testId: 'document-related',
      cell: (d) => (
        <>
          {d.original ? (
            <span>
              {t('documents.correctsSale')} {receiptButton(d.original.id, d.registerId, d.original.receiptNo, 'document-original')}
            </span>
          ) : (
            <ul className="documents__corrections">
              {d.corrections.map((c) => (
                <li key={c.id}>
                  {t(`documents.kind.${c.kind}`)} {receiptButton(c.id, d.registerId, c.receiptNo, 'document-correction')}{' '}
                  {c.totalMinor === null ? '' : <span className="unbroken">{format.money(-c.totalMinor)}</span>}
                </li>
              ))}
            </ul>
          )}
          {d.exchange && (
            <div data-testid="document-exchange">
              {t(d.exchange.kind === 'sale' ? 'documents.exchangeSale' : 'documents.exchangeReturn')}{' '}
              {receiptButton(d.exchange.id, d.registerId, d.exchange.receiptNo, 'document-exchange-partner')}
            </div>
          )}
        </>
      ),
    },
    {
      key: 'actions',
      header: t('documents.actions'),
      headerHidden: true,
      cell: (d) =>
        d.kind === 'sale' && onStartReturn ? (
          <button type="button" className="button" onClick={() => onStartReturn(d.id)} data-testid="document-return">
            {t('documents.startReturn')}
          </button>
        ) : null,
    },
  ];

  return (
    <div className="back-office__stack">
      <form className="documents__filters" onSubmit={submit} data-testid="documents-filters">
        <DateField
          label={t('documents.filter.businessDay')}
          value={filters.businessDay}
          onChange={(businessDay) => set({ businessDay })}
          testId="documents-day"
        />
        <ChoiceFilter
          label={t('documents.filter.kind')}
          value={filters.kind}
          onChange={(kind) => set({ kind: kind as Kind })}
          choices={KINDS.map((k) => ({ value: k, label: t(`documents.kind.${k}`) }))}
          testId="documents-kind"
        />
        <OperatorFilter value={filters.operatorId} onChange={(operatorId) => set({ operatorId })} operators={operators.value} testId="documents-operator" />
        <TextFilter
          label={t('documents.filter.receiptNo')}
          value={filters.receiptNo}
          onChange={(receiptNo) => set({ receiptNo })}
          autoComplete="off"
          testId="documents-receipt"
        />
        <button type="submit" className="button button--primary" data-testid="documents-search">
          {t('documents.filter.submit')}
        </button>
      </form>
      <ErrorNote error={list.error ?? operators.error} />
      <DataTable
        label={t('documents.title')}
        className="documents-table"
        columns={columns}
        rows={list.value}
        rowKey={(d) => d.id}
        empty={t('documents.none')}
        emptyTestId="documents-empty"
        rowTestId="document"
        rowData={(d) => ({ 'data-kind': d.kind, 'data-receipt-no': d.receiptNo })}
      />
      {shown && (
        <Dialog title={t('documents.receiptTitle', { receiptNo: shown.receiptNo })} onClose={() => setShown(null)} testId="document-preview">
          <ReceiptPreview saleId={shown.id} />
          <div className="dialog__actions">
            <button type="button" className="button button--primary" onClick={() => setShown(null)}>
              {t('action.close')}
            </button>
          </div>
        </Dialog>
      )}
    </div>
  );
}
