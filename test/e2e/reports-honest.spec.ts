import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { readXlsx, readXlsxFormats } from '../support/xlsx-reader';
import { adHocCashSale, callRegister, expect, setUpOwner, test } from './fixtures';

/** The calendar day after YYYY-MM-DD. */
const dayAfter = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

// What the owner reads in 报表 after two Zs on one calendar date, neither with its cash counted:
// the day close says there is nothing more to close (and its Z button is off); the report opens on
// the week up to the second business day (ahead of the calendar); by the hour each hour shows its
// takings; over/short says 未清点 (empty in the files), never 无差额; weeks carry their dates; a
// reversed range or a bad list length is refused beside its field in the app's language, and the
// report on screen stays. The workbook says its range and formats its amounts as money.
test('the report tells takings by the hour, cash not counted, and refuses a reversed range beside its field, in both languages', async ({
  page,
  register,
}, testInfo) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await setUpOwner(page, register);
  const status = (await callRegister(page, 'dayClose.status', {})) as { value: { businessDay: string } };
  const day1 = status.value.businessDay;
  const day2 = dayAfter(day1);
  await adHocCashSale(page, { name: '矿泉水', price: '12.50', tendered: '20', receiptNo: 'R1-000001' });

  // The Z of day 1 on screen, the shift closed without a count.
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-day-close').click();
  await page.getByTestId('force-reason-1').fill('下班忘记结班');
  await page.getByTestId('day-close-run').click();
  await page.getByTestId('day-close-confirm').click();
  await expect(page.getByTestId('z-title')).toContainText('Z 报表 #1', { timeout: 15_000 });
  await page.getByTestId('z-back').click();
  // Nothing has come after it: nothing to close, and the button says so by being off.
  await expect(page.getByTestId('day-close-nothing')).toHaveText(`营业日 ${day2} 还没有任何单据或班次，无需日结。上一张 Z 已日结 ${day1}。`);
  await expect(page.getByTestId('day-close-run')).toBeDisabled();

  // A second shift and Z on the same date: business day 2 (arranged over the register's socket).
  const float = [{ denominationMinor: 10000, count: 2 }];
  const opened = (await callRegister(page, 'shift.open', { float: { kind: 'counted', counts: float }, idempotencyKey: 'reports-honest-open-2' })) as {
    value: { id: number };
  };
  const closed = await callRegister(page, 'dayClose.close', {
    businessDay: day2,
    forceClose: [{ shiftId: opened.value.id, reason: '测试' }],
    idempotencyKey: 'reports-honest-z-2',
  });
  expect(closed, JSON.stringify(closed)).toMatchObject({ ok: true, value: { zNo: 2, businessDay: day2 } });

  await page.getByTestId('back-office-nav-reports').click();
  // The week up to the latest closed business day, a day ahead of the calendar.
  await expect(page.getByTestId('reports-to')).toHaveValue(day2);
  await expect(page.getByTestId('reports-closed-days')).toHaveText('2');
  await expect(page.getByTestId('reports-over-short')).toHaveText('未清点');
  await expect(page.getByTestId('reports-handover')).toHaveText('没有交接核对');
  const periods = page.getByTestId('reports-table-periods');
  await expect(periods.locator('tbody tr').first().locator('td')).toHaveText([day1, '1', '¥12.50', '¥0.00', '¥0.00', '¥0.00', '¥12.50', '—', '—']);

  // By the hour: the sale's hour took ¥12.50 (it read ¥0.00 before the Z kept it).
  await page.getByTestId('reports-group-by').selectOption('hour');
  await page.getByTestId('reports-run').click();
  await expect(periods.locator('thead th')).toHaveText(['小时', '销售笔数', '销售额', '退款', '撤销', '折扣', '净额']);
  const busy = periods.locator('tbody tr').filter({ has: page.locator('td:nth-child(2)', { hasText: /^1$/ }) });
  await expect(busy).toHaveCount(1);
  await expect(busy.locator('td').nth(2)).toHaveText('¥12.50');
  await expect(busy.locator('td').nth(6)).toHaveText('¥12.50');

  // By the week: the week names its days.
  await page.getByTestId('reports-group-by').selectOption('week');
  await page.getByTestId('reports-run').click();
  await expect(periods.locator('tbody tr').first().locator('td').first()).toHaveText(/^\d{4}-W\d{2} \(\d{2}-\d{2} – \d{2}-\d{2}\)$/);

  // The files, by the day: over/short empty (not counted), the workbook headed by its range, amounts as money.
  await page.getByTestId('reports-group-by').selectOption('day');
  await page.getByTestId('reports-run').click();
  await expect(periods.locator('thead th').first()).toHaveText('日');
  const [csvFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reports-csv').click()]);
  const csvPath = testInfo.outputPath('report.csv');
  await csvFile.saveAs(csvPath);
  const csv = Papa.parse<string[]>(readFileSync(csvPath, 'utf8').slice(1), { skipEmptyLines: true }).data;
  expect(csv).toContainEqual([day1, '1', '12.5', '0', '0', '0', '12.5', '', '']);
  const [xlsxFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reports-xlsx').click()]);
  const xlsxPath = testInfo.outputPath('report.xlsx');
  await xlsxFile.saveAs(xlsxPath);
  const sheet = (await readXlsx(xlsxPath)).get('销售');
  const from = await page.getByTestId('reports-from').inputValue();
  expect(sheet?.[0]).toEqual([`${from} – ${day2}`, '全部收银机']);
  expect(sheet?.[2]).toEqual([day1, '1', '12.5', '0', '0', '0', '12.5']);
  expect((await readXlsxFormats(xlsxPath)).get('销售')?.[2]?.slice(2)).toEqual(Array(5).fill('#,##0.00'));

  // A reversed range and a list of 0 products: said beside their fields; the report stays.
  await page.getByTestId('reports-from').fill('2026-12-05');
  await page.getByTestId('reports-to').fill('2026-11-01');
  await page.getByTestId('reports-top').fill('0');
  await page.getByTestId('reports-run').click();
  await expect(page.getByTestId('reports-to-order-problem')).toHaveText('结束日期早于开始日期。');
  await expect(page.getByTestId('reports-top-problem')).toHaveText('请输入 1 到 100 之间的整数。');
  await expect(page.getByTestId('reports-closed-days')).toHaveText('2');
  await expect(periods.locator('tbody tr')).toHaveCount(2);

  await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('reports-to-order-problem')).toHaveText('The end date is before the start date.');
  await expect(page.getByTestId('reports-top-problem')).toHaveText('Enter a whole number from 1 to 100.');
  await expect(page.getByTestId('reports-over-short')).toHaveText('not counted');
  await expect(page.getByTestId('reports-handover')).toHaveText('no handover compared');
  await page.getByTestId('reports-to').fill(day2);
  await page.getByTestId('reports-top').fill('5');
  await page.getByTestId('reports-from').fill(day1);
  await page.getByTestId('reports-group-by').selectOption('hour');
  await page.getByTestId('reports-run').click();
  await expect(page.getByTestId('reports-to-order-problem')).toHaveCount(0);
  await expect(periods.locator('thead th')).toHaveText(['Hour', 'Sales', 'Takings', 'Refunds', 'Voids', 'Discounts', 'Net']);
  await expect(page.getByTestId('back-office-nav-day-close')).toBeVisible();
  await page.getByTestId('back-office-nav-day-close').click();
  await expect(page.getByTestId('day-close-nothing')).toContainText(`Business day ${dayAfter(day2)} has no sales, refunds or shifts yet`);
  await expect(page.getByTestId('day-close-run')).toBeDisabled();
});
