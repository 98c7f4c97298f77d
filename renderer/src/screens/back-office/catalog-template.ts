// The catalog file a store fills in: the columns main/catalog/catalog-csv.ts reads, and one
// example row. Price is a plain decimal, the tax rate a percentage set up in the store.

export const CATALOG_CSV_TEMPLATE = 'sku,barcode,name_zh,name_en,price,tax_rate\r\nJASMINE-TEA-500,6920000000012,茉莉花茶 500ml,Jasmine tea 500ml,3.50,13%\r\n';

export const CATALOG_TEMPLATE_FILENAME = 'ringup-catalog-template.csv';

/** A data: URL so the link works without object URLs to revoke; the BOM lets Excel read UTF-8. */
export function catalogTemplateHref(): string {
  return `data:text/csv;charset=utf-8,${encodeURIComponent(`\uFEFF${CATALOG_CSV_TEMPLATE}`)}`;
}
