import { readXlsx } from '../support/xlsx-reader';
import { callRegister, expect, nextSaleReady, ringUpAdHoc, setUpOwner, test } from './fixtures';

// A day in Chinese with a burst of small sales: five sales under ¥5.00 within ten minutes raise
// the fraud watch's alert (per register and per operator); the owner reads it in words with its
// receipts, acknowledges one with a note, and the Z lists both. Then the report of the last seven
// days: the closed day with its chart, and an Excel export that opens.
test('a burst of small sales raises an alert, the owner acknowledges it, the Z lists it; the seven-day report exports to Excel', async ({
  page,
  register,
}, testInfo) => {
  await setUpOwner(page, register);
  for (let i = 1; i <= 5; i++) {
    await ringUpAdHoc(page, '口香糖', '2.50');
    await page.getByTestId('tendered').fill('2.5');
    await page.getByTestId('take-cash').click();
    await expect(page.getByTestId('receipt-no')).toHaveText(`R1-${String(i).padStart(6, '0')}`);
    await page.getByTestId('next-sale').click();
    await nextSaleReady(page);
  }

  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-fraud').click();
  const alerts = page.getByTestId('fraud-alert');
  await expect(alerts).toHaveCount(2);
  const mine = alerts.filter({ hasText: '王店长' });
  await expect(mine.getByRole('heading')).toHaveText('短时间内多笔小额销售');
  await expect(mine.getByTestId('fraud-alert-explanation')).toHaveText('10 分钟内有 5 笔低于 ¥5.00 的销售（王店长），上限为 5 笔。');
  await expect(mine.getByTestId('fraud-alert-evidence')).toContainText('R1-000001');
  await expect(mine.getByTestId('fraud-alert-evidence')).toContainText('R1-000005');

  await mine.getByTestId('fraud-ack-note').fill('店内试吃活动，已核对');
  await mine.getByTestId('fraud-ack').click();
  await expect(alerts).toHaveCount(1);
  await page.getByTestId('fraud-filter-all').click();
  await expect(alerts).toHaveCount(2);
  await expect(page.getByTestId('fraud-alert-ack')).toContainText('店内试吃活动，已核对');

  // The owner counts the drawer and closes the day: the Z lists the day's alerts.
  await page.getByTestId('back-office-nav-shift').click();
  await page.getByTestId('shift-close-start').click();
  await page.getByTestId('count-10000').fill('2');
  await page.getByTestId('count-1000').fill('6');
  await page.getByTestId('count-100').fill('2');
  await page.getByTestId('count-50').fill('1');
  await page.getByTestId('closing-count-submit').click();
  await page.getByTestId('shift-confirm-close').click();
  await page.getByTestId('shift-skip').click();
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-day-close').click();
  await page.getByTestId('day-close-run').click();
  await page.getByTestId('day-close-confirm').click();
  await expect(page.getByTestId('z-fraud-alerts')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByTestId('z-fraud-alerts').getByRole('heading')).toHaveText('风控提醒（2 条）');
  const listed = page.getByTestId('z-fraud-alert');
  await expect(listed).toHaveCount(2);
  await expect(listed.filter({ hasText: '已核查' })).toHaveCount(1);
  await expect(listed.filter({ hasText: '未处理' })).toHaveCount(1);
  // The same rule twice, told apart by whom it watched, in the words of the alerts page: the
  // register's (open) and the owner's, which was acknowledged.
  await expect(listed.filter({ hasText: '未处理' })).toContainText('短时间内多笔小额销售 · 收银机 R1 · 未处理');
  await expect(listed.filter({ hasText: '已核查' })).toContainText('短时间内多笔小额销售 · 王店长 · 已核查');

  // Reports: the last seven days by default, the day just closed in them.
  await page.getByTestId('back-office-nav-reports').click();
  await expect(page.getByTestId('reports-closed-days')).toHaveText('1');
  await expect(page.getByTestId('reports-net')).toHaveText('¥12.50');
  await expect(page.getByTestId('reports-average-basket')).toHaveText('¥2.50');
  // 退货退款 and its figures on one row, as 净额 and its: the pair's figure was stacked under its name.
  const pair = page.locator('.report-totals__pair').first();
  const [name, figure] = [(await pair.locator('dt').boundingBox())!, (await pair.locator('dd').boundingBox())!];
  expect(Math.abs(name.y - figure.y)).toBeLessThan(4);
  expect(figure.x).toBeGreaterThan(name.x + name.width);
  // The CSV export is a link dressed as a button, like the Excel one beside it: not underlined.
  await expect(page.getByTestId('reports-csv')).toHaveCSS('text-decoration-line', 'none');
  await expect(page.getByTestId('reports-chart').locator('canvas')).toBeVisible();
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('reports-xlsx').click()]);
  expect(file.suggestedFilename()).toMatch(/^ringup-report-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}-day\.xlsx$/);
  const path = testInfo.outputPath('report.xlsx');
  await file.saveAs(path);
  const sheets = await readXlsx(path);
  expect([...sheets.keys()]).toEqual(['销售', '畅销商品', '滞销商品', '分类销售', '收银员', '支付方式']);
  const days = sheets.get('销售') ?? [];
  // The first row names the range and the registers. The drawer was counted even (0); one shift
  // held it, so no handover was compared: an empty cell, not an even 0.
  expect(days[0]?.[1]).toBe('全部收银机');
  expect(days[1]).toEqual(['日', '销售笔数', '销售额', '退款', '撤销', '折扣', '净额', '长短款', '交接差额']);
  expect(days.slice(2).map((row) => [row[1], row[2], row[6], row[7], row[8] ?? ''])).toEqual([['5', '12.5', '12.5', '0', '']]);
  expect(sheets.get('畅销商品')?.[2]).toEqual(['口香糖', '未分类', '5', '12.5']);
});

// At the smallest screen the rules' values wrap among themselves, beside the rule's name: a value
// set under another rule's name (as 时间窗 of the large-sales rule was) reads as belonging to it.
test('at 1024×768 every rule’s values stand to the right of its name', async ({ page, register }) => {
  await setUpOwner(page, register);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-fraud').click();
  const rules = page.locator('[data-testid^="fraud-rule-"]');
  await expect(rules.first()).toBeVisible();
  const misplaced = await rules.evaluateAll((rows) =>
    rows.flatMap((row) => {
      const name = row.querySelector('.fraud__switch')?.getBoundingClientRect();
      if (!name) return [`${row.getAttribute('data-testid')}: no name`];
      return [...row.querySelectorAll('input:not([type="checkbox"])')]
        .filter((input) => input.getBoundingClientRect().left < name.right)
        .map((input) => input.getAttribute('data-testid') ?? '?');
    }),
  );
  expect(misplaced).toEqual([]);
});

test('a threshold that is not a number is named with its rule and label, marked and focused, and nothing is saved', async ({ page, register }) => {
  await setUpOwner(page, register);
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-fraud').click();
  const count = page.getByTestId('fraud-card_declines-count');
  await count.fill('abc');
  await page.getByTestId('fraud-thresholds-save').click();
  await expect(page.getByTestId('fraud-thresholds').getByTestId('error')).toHaveText('“银行卡多次被拒”的笔数须为不小于 0 的整数。');
  await expect(count).toHaveAttribute('aria-invalid', 'true');
  await expect(count).toBeFocused();
  expect(await callRegister(page, 'fraud.settings', {})).toMatchObject({ ok: true, value: { thresholds: { card_declines: { count: 3 } } } });
  // Corrected, the mark goes with the next keystroke.
  await count.fill('2');
  await expect(count).not.toHaveAttribute('aria-invalid', 'true');
});
