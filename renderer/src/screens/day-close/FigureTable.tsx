import type { ReactNode } from 'react';

export interface FigureRow {
  key: string | number;
  testId?: string;
  /** The row's name (a kind, a tender, a rate, an operator). */
  head: ReactNode;
  /** Its figures, one per numeric column. */
  cells: ReactNode[];
}

/**
 * One dimension of an X or a Z (by kind, tender, tax rate, operator): the dimension's name heads
 * the first column and labels the table for a screen reader, the figures are right-aligned. A wide
 * table (counts with amounts) takes a row of the report's tables to itself.
 */
export function FigureTable({ title, columns, rows, wide = false }: { title: string; columns: string[]; rows: FigureRow[]; wide?: boolean }) {
  return (
    <table className={wide ? 'data-table report-tables__wide' : 'data-table'} aria-label={title}>
      <thead>
        <tr>
          <th scope="col">{title}</th>
          {columns.map((c) => (
            <th key={c} scope="col" className="numeric">
              {c}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key} data-testid={r.testId}>
            <th scope="row">{r.head}</th>
            {r.cells.map((cell, i) => (
              <td key={i} className="numeric">
                {cell}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
