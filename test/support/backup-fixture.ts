// Helpers for the backup tests: ring up sales, read a bundle's files, and re-pack a bundle with
// changes (the way someone tampering with it would), using the same zip libraries as the product.
import { openShift } from './register-fixture';
import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { ZipFile } from 'yazl';
import { openZip } from '../../main/backup/zip-reader';
import type { Manifest } from '../../main/backup/bundle-format';
import type { TestRegister } from './register-fixture';

let keys = 0;

/** Completes `count` cash sales of one catalog item each; returns their receipt numbers. */
export async function ringUpSales(reg: TestRegister, count: number, note?: string): Promise<number[]> {
  const receipts: number[] = [];
  // Sales need an open shift: the logged-in operator opens one, as at the counter.
  if ((await reg.must('shift.current', {})).shift === null) await openShift(reg);
  for (let i = 0; i < count; i++) {
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: sale.id, code: i % 2 === 0 ? '6901234567892' : '6904567890125' });
    if (note) await reg.must('sale.setNote', { saleId: sale.id, note });
    const done = await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 10_000, idempotencyKey: `bk-sale-${process.pid}-${keys++}` });
    receipts.push(done.receiptNo ?? 0);
  }
  return receipts;
}

/** Every file of a bundle, in zip order, with its bytes. */
export async function readBundle(file: string): Promise<{ names: string[]; files: Map<string, Buffer>; manifest: Manifest }> {
  const zip = await openZip(file);
  const files = new Map<string, Buffer>();
  try {
    for (const entry of zip.entries) {
      const chunks: Buffer[] = [];
      for await (const chunk of await zip.read(entry)) chunks.push(chunk as Buffer);
      files.set(entry.fileName, Buffer.concat(chunks));
    }
  } finally {
    zip.close();
  }
  const manifest = JSON.parse((files.get('manifest.json') ?? Buffer.from('{}')).toString('utf8')) as Manifest;
  return { names: zip.entries.map((e) => e.fileName), files, manifest };
}

/** Writes a new zip with the same files in the same order, after `change` edited them. */
export async function repack(from: string, to: string, change: (files: Map<string, Buffer>, names: string[]) => void): Promise<void> {
  const { names, files } = await readBundle(from);
  change(files, names);
  const zip = new ZipFile();
  const out = createWriteStream(to);
  zip.outputStream.pipe(out);
  for (const name of names) {
    const bytes = files.get(name);
    if (bytes) zip.addBuffer(bytes, name);
  }
  zip.end();
  await finished(out);
}

/** The data rows of a bundle's CSV (BOM and header dropped), split naively: the tests' rows hold no commas in quotes. */
export function csvLines(bytes: Buffer): string[] {
  return bytes
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .slice(1)
    .filter((l) => l !== '');
}
