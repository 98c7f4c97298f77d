import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { expect, nextSaleReady, ringUpAdHoc, setUpOwner, test } from './fixtures';

// The journal viewer in Chinese after two sales: every entry read in words, filtered by kind and
// by operator, the chain checked to its verdict, and the filtered entries exported to a CSV whose
// rows recompute to their hashes (checked here with node's own SHA-256).
test('the journal viewer filters by kind and operator, shows entries in words, checks the chain and exports the CSV', async ({ page, register }, testInfo) => {
  await setUpOwner(page, register);
  for (const [i, price] of ['3.00', '4.50'].entries()) {
    await ringUpAdHoc(page, '矿泉水', price);
    await page.getByTestId('tendered').fill(price);
    await page.getByTestId('take-cash').click();
    await expect(page.getByTestId('receipt-no')).toHaveText(`R1-${String(i + 1).padStart(6, '0')}`);
    await page.getByTestId('next-sale').click();
    await nextSaleReady(page);
  }

  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-audit').click();
  const rows = page.getByTestId('audit-entry');
  await expect(rows.first()).toBeVisible();
  const everything = await rows.count();
  // Each entry's kind in words: no row shows the ledger's own name of its kind.
  for (const row of await rows.all()) {
    const kind = (await row.getAttribute('data-kind')) ?? '';
    await expect(row.locator('td').nth(2)).not.toHaveText(kind);
  }

  // By kind: the two sales, in words, the owner who rang them up, the register.
  await page.getByTestId('audit-kind').selectOption({ label: '销售完成' });
  await page.getByTestId('audit-search').click();
  await expect(rows).toHaveCount(2);
  for (const row of await rows.all()) await expect(row.locator('td').nth(2)).toHaveText('销售完成');
  await expect(rows.locator('td:nth-child(4)')).toHaveText(['王店长', '王店长']);
  await expect(rows.locator('td:nth-child(5)')).toHaveText(['R1', 'R1']);
  // Each names its receipt and total, as the receipt prints them, not the document's id.
  await expect(rows.getByTestId('audit-entry-document')).toHaveText(['小票 R1-000001 · ¥3.00', '小票 R1-000002 · ¥4.50']);

  // By receipt number, as the list shows it: the second sale's entries alone. Text that names no
  // receipt says so and lists nothing.
  await page.getByTestId('audit-document').fill('R1-000002');
  await page.getByTestId('audit-search').click();
  await expect(rows.getByTestId('audit-entry-document')).toHaveText(['小票 R1-000002 · ¥4.50']);
  await page.getByTestId('audit-document').fill('abc');
  await page.getByTestId('audit-search').click();
  await expect(page.getByText('找不到小票号 abc。')).toBeVisible();
  await expect(rows).toHaveCount(0);
  await page.getByTestId('audit-document').fill('');

  // By operator, every kind: only the owner's entries, fewer than all (the demo's seeding is no one's).
  await page.getByTestId('audit-kind').selectOption('');
  await page.getByTestId('audit-operator').selectOption({ label: '王店长' });
  await page.getByTestId('audit-search').click();
  // More than the two sales listed before the search: the new list, not the one it replaces.
  await expect.poll(() => rows.count()).toBeGreaterThan(2);
  const owners = await rows.locator('td:nth-child(4)').allTextContents();
  expect(owners.length).toBeLessThan(everything);
  expect(new Set(owners)).toEqual(new Set(['王店长']));
  await expect(page.locator('[data-testid="audit-entry"][data-kind="sale.completed"]')).toHaveCount(2);

  // The chain: a progress bar at its end and the verdict naming how many entries held.
  await page.getByTestId('audit-verify').click();
  const verdict = page.getByTestId('audit-verdict');
  await expect(verdict).toHaveText(/^哈希链完整：已校验 \d+ 条。$/);
  const checked = Number((await verdict.textContent())?.match(/\d+/)?.[0]);
  const progress = page.getByRole('progressbar', { name: '正在校验哈希链' });
  await expect(progress).toHaveAttribute('max', String(checked));
  await expect(progress).toHaveAttribute('value', String(checked));

  // The export holds what the filter shows: the two sales, then the ledger's head.
  await page.getByTestId('audit-kind').selectOption({ label: '销售完成' });
  await page.getByTestId('audit-search').click();
  await expect(rows).toHaveCount(2);
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-export').click()]);
  // Named by the days and the seq range it holds: the first and the last entry of the file.
  const name = /^ringup-journal-(\d{4}-\d{2}-\d{2})(?:_\d{4}-\d{2}-\d{2})?-seq(\d+)-(\d+)\.csv$/.exec(file.suggestedFilename());
  expect(name, file.suggestedFilename()).not.toBeNull();
  const path = testInfo.outputPath('journal.csv');
  await file.saveAs(path);
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  const csv = Papa.parse<string[]>(text.slice(1), { skipEmptyLines: true }).data;
  // The time column is the store's clock with its offset, as the screens show it; its header says so in the screen's language.
  const [seqHead, atHead, ...restHead] = csv[0] ?? [];
  expect([seqHead, ...restHead]).toEqual(['seq', 'kind', 'operator_id', 'register_id', 'document_id', 'payload', 'prev_hash', 'hash']);
  expect(atHead).toMatch(/^时间（门店时间 .+，ISO 8601 含 UTC 时差）$/);
  expect(csv).toHaveLength(4);
  expect([name?.[2], name?.[3]]).toEqual([csv[1]?.[0], csv[2]?.[0]]);
  expect(name?.[1]).toBe(csv[1]?.[1]?.slice(0, 10));
  const [seq, at, kind, operatorId, registerId, documentId, payload = '', prevHash = '', hash = ''] = csv[1] ?? [];
  expect([kind, registerId]).toEqual(['sale.completed', 'R1']);
  expect(Number(seq)).toBeGreaterThan(0);
  expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}[+-]\d{2}:\d{2}$/);
  expect(Number.isNaN(Date.parse(at ?? ''))).toBe(false);
  expect(operatorId).toMatch(/^\d+$/);
  // The entry names its document and chains its digest; its register and operator are the document's (the columns above).
  expect(JSON.parse(payload)).toMatchObject({
    seq: Number(seq),
    kind: 'sale.completed',
    data: { saleId: documentId, documentSha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
  });
  expect(
    createHash('sha256')
      .update(prevHash + payload)
      .digest('hex'),
  ).toBe(hash);
  expect(csv[3]?.[0]).toBe('head');
  expect(Number(csv[3]?.[7])).toBeGreaterThanOrEqual(checked);
});
