import { useEffect, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, CsvImportReport } from '../../../../preload/contract';
import { MAX_CSV_BYTES, MAX_CSV_MEGABYTES, utf8ByteLength } from '../../../../preload/contract/limits';
import { DataTable } from '../../components/DataTable';
import { ErrorNote } from '../../components/ErrorNote';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';
import { CATALOG_CSV_TEMPLATE, CATALOG_TEMPLATE_FILENAME, catalogTemplateHref } from './catalog-template';

/** Import the price list from a CSV file (all rows or none) and look products up. */
export function CatalogSection() {
  return (
    <div className="back-office__stack">
      <CsvImport />
      <ProductSearch />
    </div>
  );
}

function CsvImport() {
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
          { key: 'reason', header: t('backOffice.catalog.reason'), cell: (e) => t(e.code, { ns: 'errors', defaultValue: e.code }) },
        ]}
      />
    </div>
  );
}

function ProductSearch() {
  const { t } = useTranslation();
  const format = useFormat();
  const [query, setQuery] = useState('');
  const search = useCall('catalog.search');
  const { run: searchProducts, reset: clearProducts } = search;
  const products = search.value;

  useEffect(() => {
    const trimmed = query.trim();
    if (trimmed === '') {
      clearProducts();
      return;
    }
    // Typing pauses before asking; a newer query's answer always wins over an older one's.
    const timer = setTimeout(() => void searchProducts({ query: trimmed.slice(0, 100), limit: 50 }), 150);
    return () => clearTimeout(timer);
  }, [query, searchProducts, clearProducts]);

  return (
    <section className="back-office__card" aria-labelledby="product-search-title">
      <h3 id="product-search-title">{t('backOffice.catalog.searchTitle')}</h3>
      <label className="field">
        <span>{t('backOffice.catalog.searchLabel')}</span>
        <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} autoComplete="off" data-testid="product-search" />
      </label>
      <ErrorNote error={search.error} />
      <DataTable
        label={t('backOffice.catalog.products')}
        testId="product-table"
        rowTestId="product-row"
        empty={t('backOffice.catalog.noProducts')}
        emptyTestId="product-none"
        rows={products}
        rowKey={(p) => p.id}
        columns={[
          { key: 'sku', header: t('backOffice.catalog.sku'), cell: (p) => p.sku },
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
