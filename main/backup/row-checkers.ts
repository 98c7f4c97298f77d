// The CSV and JSON files of a table, row by row against the snapshot's rows, adding the documents
// and payments to the per-day totals on the way. Fed chunk by chunk as the zip entry is hashed.
import { PassThrough } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import Papa from 'papaparse';
import type { Manifest } from './bundle-format';
import type { TotalsBuilder } from './day-totals';
import type { ContentCheck } from './entry-hash';
import { cellHolds, cellValue, type CellValue } from './table-text';
import { problem, type Problem } from './verify-problem';

function totalsRow(table: string, columns: readonly string[], totals: TotalsBuilder, file: string): ((row: CellValue[], n: number) => void) | null {
  const at = (c: string) => columns.indexOf(c);
  const int = (value: CellValue, n: number, column: string): number => {
    const number = typeof value === 'number' ? value : Number(value);
    if (!Number.isSafeInteger(number)) throw problem('rows_differ', { file, row: n, detail: column });
    return number;
  };
  if (table === 'documents') {
    // `training` arrived with schema 12: a bundle from before has no such column and no training documents.
    const [id, kind, day, total, tax, training] = ['id', 'kind', 'business_day', 'total_minor', 'tax_minor', 'training'].map<number>(at);
    return (r, n) => {
      if (
        !totals.addDocument({
          id: String(r[id!]),
          kind: String(r[kind!]),
          businessDay: String(r[day!]),
          totalMinor: int(r[total!] ?? 0, n, 'total_minor'),
          taxMinor: int(r[tax!] ?? 0, n, 'tax_minor'),
          training: training! >= 0 && Number(r[training!]) === 1,
        })
      )
        throw problem('rows_differ', { file, row: n, detail: 'business_day' });
    };
  }
  if (table === 'payments') {
    const [doc, method, amount] = ['document_id', 'method', 'amount_minor'].map<number>(at);
    return (r, n) => {
      if (!totals.addPayment({ documentId: String(r[doc!]), method: String(r[method!]), amountMinor: int(r[amount!] ?? 0, n, 'amount_minor') }))
        throw problem('rows_differ', { file, row: n, detail: 'document_id' });
    };
  }
  return null;
}

/** CSV: BOM, the manifest's columns as header, then each row as the snapshot's row would be written. */
export function csvChecker(
  file: string,
  manifest: Manifest,
  table: string,
  source: { columns: string[]; rows: Iterator<unknown[]> | null },
  totals: TotalsBuilder,
): ContentCheck {
  // Papaparse reads the text from a stream and hands over each chunk's rows at once (`chunk`):
  // its own Duplex pushed every row through a stream of its own, a fifth of the CSV check's time.
  // The parsing (delimiter guess on the first chunk, quotes, a row cut between chunks) is the same.
  const input = new PassThrough({ objectMode: true });
  let finish: () => void = () => undefined;
  const parsed = new Promise<void>((resolve) => (finish = resolve));
  const decoder = new StringDecoder('utf8');
  const expectedRows = manifest.tables[table]?.rows ?? 0;
  const addTotals = totalsRow(table, source.columns, totals, file);
  let first = true;
  let header = true;
  let n = 0;
  let failure: Problem | null = null;
  const onRow = (cells: string[]) => {
    if (failure) return;
    try {
      if (header) {
        header = false;
        if (cells.join('\u0000') !== source.columns.join('\u0000')) throw problem('columns_differ', { file, row: 0 });
        return;
      }
      // Papaparse reports the empty line after the last CRLF as one empty cell.
      if (cells.length === 1 && cells[0] === '') return;
      n += 1;
      if (cells.length !== source.columns.length) throw problem('csv_malformed', { file, row: n });
      if (source.rows) {
        const next = source.rows.next();
        if (next.done) throw problem('row_count', { file, row: n });
        // Loops rather than map and findIndex: this runs for every row of a year (a third fewer instructions).
        const row = next.value;
        const values: CellValue[] = new Array<CellValue>(row.length);
        let column = -1;
        for (let i = 0; i < row.length; i++) {
          const value = cellValue(row[i]);
          values[i] = value;
          if (column < 0 && !cellHolds(value, cells[i])) column = i;
        }
        if (column >= 0) throw problem('rows_differ', { file, row: n, detail: source.columns[column] ?? null });
        addTotals?.(values, n);
      }
    } catch (error) {
      failure = error as Problem;
    }
  };
  Papa.parse(input, {
    header: false,
    chunk: (results: Papa.ParseResult<string[]>) => {
      for (const cells of results.data) onRow(cells);
    },
    complete: () => finish(),
    error: () => {
      failure ??= problem('csv_malformed', { file, row: n + 1 });
      finish();
    },
  });
  return {
    feed: (chunk) => {
      let bytes = chunk;
      if (first) {
        first = false;
        if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw problem('csv_malformed', { file, row: 0, detail: 'no BOM' });
        bytes = bytes.subarray(3);
      }
      // Decoded here: papaparse decodes each chunk alone, which splits a Chinese character cut by a chunk boundary.
      const text = decoder.write(bytes);
      if (text) input.write(text);
      if (failure) throw failure;
    },
    end: async () => {
      const rest = decoder.end();
      if (rest) input.write(rest);
      input.end();
      await parsed;
      if (failure) throw failure;
      if (n !== expectedRows) throw problem('row_count', { file, row: n, detail: `${n} != ${expectedRows}` });
      if (source.rows && !source.rows.next().done) throw problem('row_count', { file, row: n + 1 });
    },
  };
}

/** JSON: "[", one row object per line (columns in order) followed by "," except the last, "]". */
export function jsonChecker(
  file: string,
  manifest: Manifest,
  table: string,
  source: { columns: string[]; rows: Iterator<unknown[]> | null },
  totals: TotalsBuilder,
): ContentCheck {
  const decoder = new StringDecoder('utf8');
  const expectedRows = manifest.tables[table]?.rows ?? 0;
  const addTotals = totalsRow(table, source.columns, totals, file);
  const { columns } = source;
  let buffered = '';
  let line = 0;
  let n = 0;
  let closed = false;
  let lastHadComma = false;
  const onLine = (text: string) => {
    line += 1;
    if (line === 1) {
      if (text !== '[') throw problem('json_malformed', { file, row: 0 });
      return;
    }
    if (closed) throw problem('json_malformed', { file, row: n + 1, detail: 'after ]' });
    if (text === ']') {
      if (lastHadComma) throw problem('json_malformed', { file, row: n });
      closed = true;
      return;
    }
    if (n > 0 && !lastHadComma) throw problem('json_malformed', { file, row: n });
    n += 1;
    lastHadComma = text.endsWith(',');
    let object: unknown;
    try {
      object = JSON.parse(lastHadComma ? text.slice(0, -1) : text);
    } catch {
      throw problem('json_malformed', { file, row: n });
    }
    if (typeof object !== 'object' || object === null || Array.isArray(object)) throw problem('json_malformed', { file, row: n });
    // Loops rather than join, map and findIndex: this runs for every row of a year.
    const record = object as Record<string, CellValue>;
    const keys = Object.keys(record);
    if (keys.length !== columns.length) throw problem('columns_differ', { file, row: n });
    const values: CellValue[] = new Array<CellValue>(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i] as string;
      if (key !== columns[i]) throw problem('columns_differ', { file, row: n });
      values[i] = record[key] ?? null;
    }
    if (source.rows) {
      const next = source.rows.next();
      if (next.done) throw problem('row_count', { file, row: n });
      const row = next.value;
      for (let i = 0; i < row.length; i++) {
        if (cellValue(row[i]) !== values[i]) throw problem('rows_differ', { file, row: n, detail: columns[i] ?? null });
      }
    }
    addTotals?.(values, n);
  };
  return {
    feed: (chunk) => {
      buffered += decoder.write(chunk);
      let nl = buffered.indexOf('\n');
      let start = 0;
      while (nl >= 0) {
        onLine(buffered.slice(start, nl));
        start = nl + 1;
        nl = buffered.indexOf('\n', start);
      }
      buffered = buffered.slice(start);
    },
    end: () => {
      buffered += decoder.end();
      if (buffered !== '' || !closed) throw problem('json_malformed', { file, row: n + 1, detail: 'not closed' });
      if (n !== expectedRows) throw problem('row_count', { file, row: n, detail: `${n} != ${expectedRows}` });
      if (source.rows && !source.rows.next().done) throw problem('row_count', { file, row: n + 1 });
    },
  };
}
