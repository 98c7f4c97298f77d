// The CSV and JSON files of a table, row by row against the snapshot's rows, adding the documents
// and payments to the per-day totals on the way. Fed chunk by chunk as the zip entry is hashed.
import { StringDecoder } from 'node:string_decoder';
import Papa from 'papaparse';
import type { Manifest } from './bundle-format';
import type { TotalsBuilder } from './day-totals';
import type { ContentCheck } from './entry-hash';
import { cellValue, expectedCell, type CellValue } from './table-text';
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
  const parser = Papa.parse(Papa.NODE_STREAM_INPUT, { header: false }) as unknown as NodeJS.ReadWriteStream;
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
        const values = next.value.map(cellValue);
        const column = values.findIndex((v, i) => expectedCell(v) !== cells[i]);
        if (column >= 0) throw problem('rows_differ', { file, row: n, detail: source.columns[column] ?? null });
        addTotals?.(values, n);
      }
    } catch (error) {
      failure = error as Problem;
    }
  };
  parser.on('data', onRow);
  parser.on('error', () => (failure ??= problem('csv_malformed', { file, row: n + 1 })));
  return {
    feed: (chunk) => {
      let bytes = chunk;
      if (first) {
        first = false;
        if (bytes[0] !== 0xef || bytes[1] !== 0xbb || bytes[2] !== 0xbf) throw problem('csv_malformed', { file, row: 0, detail: 'no BOM' });
        bytes = bytes.subarray(3);
      }
      // Decoded here: papaparse decodes each chunk alone, which splits a Chinese character cut by a chunk boundary.
      parser.write(decoder.write(bytes));
      if (failure) throw failure;
    },
    end: async () => {
      const ended = new Promise<void>((resolve) => parser.once('end', () => resolve()));
      const rest = decoder.end();
      if (rest) parser.write(rest);
      parser.end();
      await ended;
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
    const keys = Object.keys(object);
    if (keys.join('\u0000') !== source.columns.join('\u0000')) throw problem('columns_differ', { file, row: n });
    const values = keys.map((k) => (object as Record<string, CellValue>)[k] ?? null);
    if (source.rows) {
      const next = source.rows.next();
      if (next.done) throw problem('row_count', { file, row: n });
      const expected = next.value.map(cellValue);
      const column = expected.findIndex((v, i) => v !== values[i]);
      if (column >= 0) throw problem('rows_differ', { file, row: n, detail: source.columns[column] ?? null });
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
