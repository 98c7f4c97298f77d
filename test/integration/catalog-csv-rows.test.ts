// A catalog file's refusals name the rows a spreadsheet or an editor shows: an empty line, or a line
// of only commas, is a row there too, and once shifted every later number (sweep-input #4).
import { describe, expect, it } from 'vitest';
import { asSupervisor, register, skus } from '../support/catalog-register';

const HEADER = 'sku,barcode,name_zh,name_en,price,tax_rate';

async function refusedRows(csv: string) {
  const reg = register();
  await asSupervisor(reg);
  const report = await reg.must('catalog.importCsv', { csv });
  expect(report.imported).toBe(0);
  expect(await skus(reg, 'Row')).toEqual([]);
  return report.errors.map((e) => [e.row, e.code]);
}

describe('catalog CSV row numbers', () => {
  it('counts an empty line and a line of only commas as the rows they are', async () => {
    const csv = [HEADER, 'A-1,,Row 1,,1.00,13%', '', 'A-2,,Row 2,,-1,13%', ',,,,,', 'A-3,,Row 3,,1.005,13%', 'A-4,,Row 4,,"1,000.00",200%', ''].join('\n');
    expect(await refusedRows(csv)).toEqual([
      [4, 'csv.bad_price'],
      [6, 'csv.bad_price'],
      [7, 'csv.bad_price'],
      [7, 'csv.unknown_tax_rate'],
    ]);
  });

  it('counts Windows line ends, blank lines before the header, and a cell over two lines as one row', async () => {
    const csv = ['', '  ', HEADER, '"B-1",,"Row one\nsecond line",,1.00,13%', '', 'B-2,,Row 2,,x,13%'].join('\r\n');
    // The name over two lines is refused (a line break is a control character in a name) and counted as one row.
    expect(await refusedRows(csv)).toEqual([
      [4, 'csv.name_control_characters'],
      [6, 'csv.bad_price'],
    ]);
    expect(await refusedRows(['', 'sku,name_zh,price', 'C-1,Row,1.00'].join('\n'))).toEqual([[2, 'csv.missing_column']]);
  });

  it('still imports a file with empty lines in it', async () => {
    const reg = register();
    await asSupervisor(reg);
    const report = await reg.must('catalog.importCsv', { csv: [HEADER, '', 'D-1,,Row D1,,2.00,13%', ',,,,,', 'D-2,,Row D2,,3.00,13%', '', ''].join('\n') });
    expect(report).toMatchObject({ imported: 2, errors: [] });
  });
});
