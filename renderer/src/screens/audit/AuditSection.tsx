import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalEntryView, JournalVerifyStepView } from '../../../../preload/contract/audit-views';
import { DateField } from '../../components/DateField';
import { ErrorNote } from '../../components/ErrorNote';
import { ChoiceFilter, OperatorFilter, TextFilter } from '../../components/FilterFields';
import { formatReceiptNo } from '../../format/receipt-no';
import { storeWallToEpoch } from '../../format/date';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';
import type { BackOfficeSectionProps } from '../back-office/section-props';
import { download } from '../reports/download';
import { journalCsv, journalFileName } from './journal-csv';
import '../../styles/fraud.css';

interface Filters {
  /** YYYY-MM-DDTHH:MM, '' for none; null: the field holds text that is no moment (it says so), and nothing is asked. */
  from: string | null;
  to: string | null;
  kind: string;
  operatorId: string;
  registerId: string;
  documentId: string;
}

const NONE: Filters = { from: '', to: '', kind: '', operatorId: '', registerId: '', documentId: '' };
const GENESIS = '0'.repeat(64);

/** Both moments are read (or empty): a field holding text that is no date sends nothing. */
function datesRead(f: Filters): boolean {
  return f.from !== null && f.to !== null;
}

/** The fields' moments are on the store's clock, as the entries are shown. */
function query(f: Filters, timeZone: string) {
  const at = (wall: string) => storeWallToEpoch(wall, timeZone) ?? Number.NaN;
  return {
    ...(f.from ? { fromAt: at(f.from) } : {}),
    ...(f.to ? { toAt: at(f.to) } : {}),
    ...(f.kind ? { kinds: [f.kind] } : {}),
    ...(f.operatorId ? { operatorId: Number(f.operatorId) } : {}),
    ...(f.registerId.trim() ? { registerId: f.registerId.trim() } : {}),
    ...(f.documentId.trim() ? { documentId: f.documentId.trim() } : {}),
  };
}

/** 日志 / Journal: every entry in words with its data, filtered; the chain checked with progress; an export that can be checked. */
export function AuditSection(_props: BackOfficeSectionProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [filters, setFilters] = useState<Filters>(NONE);
  const [entries, setEntries] = useState<JournalEntryView[]>([]);
  const page = useCall('journal.list');
  const operators = useCall('session.operators');
  const step = useCall('journal.verifyStep');
  const [progress, setProgress] = useState<JournalVerifyStepView | null>(null);
  const [verifying, setVerifying] = useState(false);
  const load = page.run;
  const loadOperators = operators.run;

  useEffect(() => {
    void loadOperators({});
    void load({ limit: 200 }).then((r) => r.ok && setEntries(r.value.entries));
  }, [load, loadOperators]);

  const search = async (event?: FormEvent) => {
    event?.preventDefault();
    if (!datesRead(filters)) return;
    const r = await load({ ...query(filters, format.timeZone), limit: 200 });
    // A refused filter shows its reason and no list: the last one's entries would read as its answer.
    setEntries(r.ok ? r.value.entries : []);
  };
  const more = async () => {
    if (!datesRead(filters)) return;
    const last = entries.at(-1)?.seq ?? 0;
    const r = await load({ ...query(filters, format.timeZone), afterSeq: last, limit: 200 });
    if (r.ok) setEntries((e) => [...e, ...r.value.entries]);
  };

  const verify = async () => {
    setVerifying(true);
    setProgress(null);
    let at = { seq: 1, prevHash: GENESIS };
    for (;;) {
      const r = await step.run({ fromSeq: at.seq, prevHash: at.prevHash });
      if (!r.ok) break;
      setProgress(r.value);
      if (!r.value.next) break;
      at = r.value.next;
    }
    setVerifying(false);
  };

  const exportCsv = async () => {
    if (!datesRead(filters)) return;
    const all: JournalEntryView[] = [];
    let head: { seq: number; hash: string } | null = null;
    let after = 0;
    for (;;) {
      const r = await load({ ...query(filters, format.timeZone), afterSeq: after, limit: 5000 });
      if (!r.ok) return;
      all.push(...r.value.entries);
      head ??= r.value.head;
      if (!r.value.more) break;
      after = all.at(-1)?.seq ?? after;
    }
    const clock = { timeZone: format.timeZone, atHeader: t('audit.csv.at', { zone: format.timeZone }) };
    download(new Blob([journalCsv(all, head, clock)], { type: 'text/csv;charset=utf-8' }), journalFileName(all, head, format.timeZone));
  };

  const set = (change: Partial<Filters>) => setFilters((f) => ({ ...f, ...change }));
  const words = (e: JournalEntryView) => t(`journalKind.${e.kind}`, { defaultValue: e.kind });

  return (
    <div className="back-office__stack audit">
      <div className="audit__verify">
        <button type="button" className="button button--primary" onClick={() => void verify()} disabled={verifying} data-testid="audit-verify">
          {t('audit.verify')}
        </button>
        {progress && <progress value={progress.checked} max={Math.max(progress.total, 1)} aria-label={t('audit.progress')} />}
        {progress && (
          <p className={progress.bad ? 'error-note' : 'muted'} role="status" data-testid="audit-verdict">
            {progress.bad
              ? t('audit.broken', { seq: progress.bad.seq, reason: t(`backOffice.journal.break.${progress.bad.reason}`) })
              : progress.next
                ? t('audit.checking', { checked: progress.checked, total: progress.total })
                : t('audit.intact', { count: progress.checked })}
          </p>
        )}
        <ErrorNote error={step.error} />
      </div>
      <form className="documents__filters" onSubmit={(e) => void search(e)} data-testid="audit-filters">
        <DateField label={t('audit.from')} kind="dateTime" value={filters.from} onChange={(from) => set({ from })} testId="audit-from" />
        <DateField label={t('audit.to')} kind="dateTime" value={filters.to} onChange={(to) => set({ to })} testId="audit-to" />
        <ChoiceFilter
          label={t('audit.kind')}
          value={filters.kind}
          onChange={(kind) => set({ kind })}
          choices={(page.value?.kinds ?? []).map((k) => ({ value: k, label: t(`journalKind.${k}`, { defaultValue: k }) }))}
          testId="audit-kind"
        />
        <OperatorFilter value={filters.operatorId} onChange={(operatorId) => set({ operatorId })} operators={operators.value} testId="audit-operator" />
        <TextFilter label={t('audit.register')} value={filters.registerId} onChange={(registerId) => set({ registerId })} testId="audit-register" />
        <TextFilter label={t('audit.document')} value={filters.documentId} onChange={(documentId) => set({ documentId })} testId="audit-document" />
        <button type="submit" className="button button--primary" disabled={page.busy} data-testid="audit-search">
          {t('documents.filter.submit')}
        </button>
        <button type="button" className="button" onClick={() => void exportCsv()} disabled={page.busy} data-testid="audit-export">
          {t('audit.export')}
        </button>
      </form>
      <ErrorNote error={page.error ?? operators.error} />
      <table className="data-table" aria-label={t('audit.title')}>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('audit.at')}</th>
            <th scope="col">{t('audit.kind')}</th>
            <th scope="col">{t('documents.filter.operator')}</th>
            <th scope="col">{t('audit.register')}</th>
            <th scope="col">{t('audit.data')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.seq} data-testid="audit-entry" data-kind={e.kind}>
              <td className="numeric">{e.seq}</td>
              <td>{format.dateTime(e.at)}</td>
              <td>{words(e)}</td>
              <td>
                {e.operatorName ?? (e.operatorId === null ? '' : `#${e.operatorId}`)}
                {e.subjectId !== null && (
                  <span className="muted" data-testid="audit-subject">
                    {' '}
                    {t('audit.forOperator', { name: e.subjectName ?? `#${e.subjectId}` })}
                  </span>
                )}
                {e.approverId !== null && (
                  <span className="muted" data-testid="audit-approver">
                    {' '}
                    {t('audit.approvedBy', { name: e.approverName ?? `#${e.approverId}` })}
                  </span>
                )}
              </td>
              <td>{e.registerId ?? ''}</td>
              <td>
                <details>
                  <summary data-testid="audit-entry-document">
                    {e.document
                      ? t('audit.entryDocument', {
                          receiptNo: formatReceiptNo(e.document.registerId, e.document.receiptNo, e.document.training),
                          total: format.money(e.document.totalMinor),
                        })
                      : (e.documentId ?? t('audit.show'))}
                  </summary>
                  <pre className="audit__payload">{JSON.stringify(e.data, null, 2)}</pre>
                </details>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {entries.length === 0 && <p className="muted">{t('audit.none')}</p>}
      {page.value?.more && (
        <button type="button" className="button" onClick={() => void more()} data-testid="audit-more">
          {t('audit.more')}
        </button>
      )}
    </div>
  );
}
