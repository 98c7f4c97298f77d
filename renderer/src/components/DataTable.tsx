import type { ReactNode } from 'react';

/** One column of a DataTable, declared as data: its heading and how a row fills its cell. */
export interface Column<Row> {
  /** Stable React key of the column. */
  key: string;
  header: string;
  /** The heading is read by screen readers but not shown (a column of buttons says what it holds). */
  headerHidden?: boolean;
  cell(row: Row): ReactNode;
  /** Figures: heading and cells aligned right. */
  numeric?: boolean;
  /** The cell's test id, the same in every row (e2e tests read a state by it). */
  testId?: string;
  /** The language of the cell's text, where it differs from the UI's (a product's Chinese name). */
  lang?: string;
  className?(row: Row): string | undefined;
  /** The whole value, where the cell shows it shortened. */
  title?(row: Row): string;
}

interface DataTableProps<Row> {
  /** What the table lists; its accessible name. */
  label: string;
  columns: readonly Column<Row>[];
  /** null while the list is not loaded yet: nothing is shown, not even the empty message. */
  rows: readonly Row[] | null;
  rowKey(row: Row, index: number): string | number;
  /** Said instead of an empty table; without it an empty list shows nothing. */
  empty?: string;
  emptyTestId?: string;
  testId?: string;
  /** A class beside data-table, for a list laid out tighter than the others. */
  className?: string;
  rowTestId?: string;
  /** data-* attributes of a row, for tests that pick a row by what it holds. */
  rowData?(row: Row): Record<`data-${string}`, string | number>;
}

/** The back office's lists: column headings with scope, an accessible name, a message when there is nothing to list. */
export function DataTable<Row>({ label, columns, rows, rowKey, empty, emptyTestId, testId, className, rowTestId, rowData }: DataTableProps<Row>) {
  if (rows === null) return null;
  if (rows.length === 0) {
    return empty ? (
      <p className="muted" data-testid={emptyTestId}>
        {empty}
      </p>
    ) : null;
  }
  return (
    <table className={className ? `data-table ${className}` : 'data-table'} aria-label={label} data-testid={testId}>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col" className={column.numeric ? 'numeric' : undefined}>
              {column.headerHidden ? <span className="visually-hidden">{column.header}</span> : column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, index) => (
          <tr key={rowKey(row, index)} data-testid={rowTestId} {...rowData?.(row)}>
            {columns.map((column) => (
              <td key={column.key} className={cellClass(column, row)} data-testid={column.testId} lang={column.lang} title={column.title?.(row)}>
                {column.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function cellClass<Row>(column: Column<Row>, row: Row): string | undefined {
  const classes = [column.numeric ? 'numeric' : undefined, column.className?.(row)].filter(Boolean);
  return classes.length > 0 ? classes.join(' ') : undefined;
}
