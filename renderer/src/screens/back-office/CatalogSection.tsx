import { useEffect, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, CsvImportReport } from '../../../../preload/contract';
import { MAX_CSV_BYTES, MAX_CSV_MEGABYTES, utf8ByteLength } from '../../../../preload/contract/limits';
import { DataTable } from '../../components/DataTable';
import { ErrorNote } from '../../components/ErrorNote';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';
import { ProductEditor } from './ProductEditor';
import { CATALOG_CSV_TEMPLATE, CATALOG_TEMPLATE_FILENAME, catalogTemplateHref } from './catalog-template';

/** Import the price list from a CSV file (all rows or none), export it, look products up and edit them. */
export function CatalogSection() {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [version, setVersion] = useState(0);
  return (
    <div className="back-office__stack">
      <CsvImport />
      <div className="back-office__row">
        <button type="button" className="button button--primary" onClick={() => setEditing('new')} data-testid="product-new">
          {t('catalogEdit.new')}
        </button>
        <CsvExport />
      </div>
      {editing !== null && (
        <ProductEditor
          key={String(editing)}
          productId={editing === 'new' ? null : editing}
          onSaved={(p) => {
            setVersion((v) => v + 1);
            if (editing === 'new') setEditing(p.id);
          }}
          onClose={() => setEditing(null)}
        />
      )}
      <ProductSearch onPick={(id) => setEditing(id)} version={version} />
    </div>
  );
}

/** The active catalog as a CSV in the import's columns, saved by the browser as a file. */
function CsvExport() {
  const { t } = useTranslation();
  const exporting = useCall('catalog.exportCsv');
  const exportCsv = async () => {
    const result = await exporting.run({});
    if (!result.ok) return;
    const url = URL.createObjectURL(new Blob([result.value.csv], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'ringup-catalog.csv';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <>
      <button type="button" className="button" onClick={() => void exportCsv()} disabled={exporting.busy} data-testid="csv-export">
        {t('catalogEdit.export')}
      </button>
      <ErrorNote error={exporting.error} />
    </>
  );
}

export function CsvImport() {
  const { t } = useTranslation();
  const csvImport = useCall('catalog.importCsv');
  const [fileName, setFileName] = useState<string | null>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    // The same file picked again after a fix must fire a change event (the File stays readable).
    input.value = '';
    csvImport.reset();
    setFileName(file.name);
    // Refused here, before it is read or sent: main would refuse it too, and the socket carries
    // only what main accepts. Bytes that are not UTF-8 (a GBK export, say) decode to U+FFFD,
    // 3 bytes each, so the text is measured again once read.
    const tooLarge: CallError = { code: 'catalog.csv_too_large', params: { maxMegabytes: MAX_CSV_MEGABYTES } };
    if (file.size > MAX_CSV_BYTES) return csvImport.refuse(tooLarge);
    if (looksLikeWorkbook(new Uint8Array(await file.slice(0, 8).arrayBuffer()))) return csvImport.refuse({ code: 'catalog.csv_spreadsheet', params: {} });
    const csv = await file.text();
    if (utf8ByteLength(csv) > MAX_CSV_BYTES) return csvImport.refuse(tooLarge);
    if (csv.trim() === '') return csvImport.refuse({ code: 'catalog.csv_invalid', params: {} });
    await csvImport.run({ csv });
  };

  return (
    <section className="back-office__card" aria-labelledby="csv-import-title">
      <h3 id="csv-import-title">{t('backOffice.catalog.importTitle')}</h3>
      <p className="muted small">{t('backOffice.catalog.importHint')}</p>
      <div className="back-office__row">
        <label className="button button--primary file-button">
          {t('backOffice.catalog.chooseFile')}
          <input
            type="file"
            accept=".csv,text/csv"
            className="visually-hidden"
            data-testid="csv-file"
            disabled={csvImport.busy}
            onChange={(e) => void onFile(e)}
          />
        </label>
        <a className="button" href={catalogTemplateHref()} download={CATALOG_TEMPLATE_FILENAME} data-testid="csv-template">
          {t('backOffice.catalog.template')}
        </a>
      </div>
      <details className="back-office__details">
        <summary>{t('backOffice.catalog.templateShow')}</summary>
        <pre className="code-block" data-testid="csv-template-text">
          {CATALOG_CSV_TEMPLATE}
        </pre>
      </details>
      {csvImport.busy && <p className="muted">{t('backOffice.catalog.importing')}</p>}
      <ErrorNote error={csvImport.error} />
      {csvImport.value && <ImportReport report={csvImport.value} fileName={fileName} />}
    </section>
  );
}

function ImportReport({ report, fileName }: { report: CsvImportReport; fileName: string | null }) {
  const { t } = useTranslation();
  if (report.errors.length === 0) {
    return (
      <p className="notice" role="status" data-testid="import-result">
        {t('backOffice.catalog.imported', { count: report.imported })}
      </p>
    );
  }
  return (
    <div className="import-errors" data-testid="import-errors">
      <p className="error-note" role="alert" data-testid="import-result">
        {t('backOffice.catalog.nothingImported', { count: report.errors.length, file: fileName ?? '' })}
      </p>
      <DataTable
        label={t('backOffice.catalog.errorTable')}
        rowTestId="import-error"
        rows={report.errors}
        rowKey={(e, i) => `${e.row}-${e.code}-${i}`}
        columns={[
          { key: 'row', header: t('backOffice.catalog.row'), numeric: true, cell: (e) => e.row },
          { key: 'column', header: t('backOffice.catalog.column'), cell: (e) => <code>{e.field}</code> },
          { key: 'value', header: t('backOffice.catalog.value'), cell: (e) => e.value },
          { key: 'reason', header: t('backOffice.catalog.reason'), cell: (e) => t(e.code, { ns: 'errors', defaultValue: e.code, ...e.params }) },
        ]}
      />
    </div>
  );
}

function ProductSearch({ onPick, version }: { onPick(productId: number): void; version: number }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [query, setQuery] = useState('');
  const [inactive, setInactive] = useState(false);
  const search = useCall('catalog.search');
  // With deactivated products the back office pages the table; the counter's ranked search finds active ones.
  const list = useCall('catalog.list');
  const { run: searchProducts, reset: clearProducts } = search;
  const { run: listProducts, reset: clearList } = list;
  const products = inactive ? (list.value?.items ?? null) : search.value;

  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed === '') {
      clearProducts();
      clearList();
      return;
    }
    // Typing pauses before asking; a newer query's answer always wins over an older one's.
    const timer = setTimeout(
      () =>
        void (inactive
          ? listProducts({ query: trimmed.slice(0, 100), includeInactive: true, limit: 50 })
          : searchProducts({ query: trimmed.slice(0, 100), limit: 50 })),
      150,
    );
    return () => clearTimeout(timer);
  }, [query, inactive, version, searchProducts, clearProducts, listProducts, clearList]);

  return (
    <section className="back-office__card" aria-labelledby="product-search-title">
      <h3 id="product-search-title">{t('backOffice.catalog.searchTitle')}</h3>
      <label className="field">
        <span>{t('backOffice.catalog.searchLabel')}</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" data-testid="product-search" />
      </label>
      <p className="muted small">{t('catalogEdit.searchHint')}</p>
      <label className="check">
        <input type="checkbox" checked={inactive} onChange={(e) => setInactive(e.target.checked)} data-testid="product-inactive" />
        <span>{t('catalogEdit.includeInactive')}</span>
      </label>
      <ErrorNote error={search.error ?? list.error} />
      <DataTable
        label={t('backOffice.catalog.products')}
        testId="product-table"
        rowTestId="product-row"
        empty={t('backOffice.catalog.noProducts')}
        emptyTestId="product-none"
        rows={products}
        rowKey={(p) => p.id}
        columns={[
          {
            key: 'sku',
            header: t('backOffice.catalog.sku'),
            className: (p) => (p.active ? undefined : 'row--inactive'),
            cell: (p) => (
              <button type="button" className="link-button" onClick={() => onPick(p.id)} title={t('catalogEdit.edit')}>
                {p.sku}
              </button>
            ),
          },
          { key: 'barcode', header: t('backOffice.catalog.barcode'), cell: (p) => p.barcode ?? '—' },
          { key: 'nameZh', header: t('backOffice.catalog.nameZh'), lang: 'zh-CN', cell: (p) => p.nameZh ?? '—' },
          { key: 'nameEn', header: t('backOffice.catalog.nameEn'), lang: 'en', cell: (p) => p.nameEn ?? '—' },
          { key: 'price', header: t('backOffice.catalog.price'), numeric: true, cell: (p) => format.money(p.priceMinor) },
          { key: 'taxRate', header: t('backOffice.catalog.taxRate'), numeric: true, cell: (p) => format.rate(p.taxRateBp) },
        ]}
      />
    </section>
  );
}

/** An Excel workbook picked by mistake: .xlsx is a zip ("PK\3\4"), .xls an OLE compound file. */
function looksLikeWorkbook(head: Uint8Array): boolean {
  const zip = [0x50, 0x4b, 0x03, 0x04];
  const ole = [0xd0, 0xcf, 0x11, 0xe0];
  return [zip, ole].some((magic) => magic.every((byte, i) => head[i] === byte));
}
