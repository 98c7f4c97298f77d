// The CSV cells of a backup bundle: what the writer puts in, and what the verifier accepts back.
// Read back with papaparse's parser, as a spreadsheet or a script would read the file.
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cellHolds, csvRows } from '../../main/backup/table-text';

const readBack = (text: string): string[] => Papa.parse<string[]>(text, { skipEmptyLines: true }).data[0] ?? [];

describe('backup CSV cells', () => {
  it('write an apostrophe before any text that starts like a formula, one line or several', () => {
    const values = ['=SUM(A1)', '-少冰\n打包带走', '+86 138\r\n0000', '@x', 'plain', '多行\n备注'];
    const cells = readBack(csvRows([values]));
    expect(cells).toEqual(["'=SUM(A1)", "'-少冰\n打包带走", "'+86 138\r\n0000", "'@x", 'plain', '多行\n备注']);
    values.forEach((v, i) => expect(cellHolds(v, cells[i])).toBe(true));
  });

  it('accept a several-line cell without its apostrophe, as bundles before 2026-11-30 wrote it, and nothing else without one', () => {
    expect(cellHolds('-少冰\n打包带走', '-少冰\n打包带走')).toBe(true);
    // One line: the apostrophe was always written, so a cell without it was changed.
    expect(cellHolds('=SUM(A1)', '=SUM(A1)')).toBe(false);
    expect(cellHolds('-少冰\n打包带走', '-少冰\n打包')).toBe(false);
    expect(cellHolds('plain', "'plain")).toBe(false);
    expect(cellHolds(null, undefined)).toBe(false);
    expect(cellHolds(12, '12')).toBe(true);
    expect(cellHolds(null, '')).toBe(true);
  });
});
