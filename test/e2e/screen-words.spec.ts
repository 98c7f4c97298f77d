import type { Page } from '@playwright/test';
import { expect, nextSale, previewText, scan, setUpOwner, test } from './fixtures';
import { BREAD, MILK, WATER } from './refund-steps';

// What the screens say must be what the receipt says and what the app's language says: the 小计,
// the product names in English, and the date fields whatever the browser's own language.

/** Cash for the sale on screen, by mouse; ends on the completion screen with the receipt's preview. */
async function payCashByMouse(page: Page, tendered: string): Promise<void> {
  await page.getByTestId('pay-cash').click();
  await page.getByTestId('tendered').fill(tendered);
  await page.getByTestId('take-cash').click();
  await expect(page.getByTestId('completion')).toBeVisible();
}

/** The names of the calls the page sends to the register over its WebSocket, as they go. */
function callsSent(page: Page): string[] {
  const names: string[] = [];
  page.on('websocket', (ws) =>
    ws.on('framesent', ({ payload }) => {
      const match = /"name":"([\w.]+)"/.exec(String(payload));
      if (match?.[1]) names.push(match[1]);
    }),
  );
  return names;
}

async function discountOf(page: Page, key: 'F8' | 'F9', percent: string): Promise<void> {
  await page.keyboard.press(key);
  const dialog = page.getByRole('dialog');
  await dialog.getByTestId('discount-input').fill(percent);
  await dialog.getByTestId('discount-input').press('Enter');
  await expect(dialog).toBeHidden();
}

test('小计 on the counter and on the customer display is the printed receipt’s: after the line discount, before the order discount', async ({
  page,
  register,
  context,
}) => {
  await setUpOwner(page, register);
  const display = await context.newPage();
  await display.goto(`${register.origin}/customer-display.html`);
  await expect(display.getByTestId('display-welcome')).toBeVisible();

  await scan(page, MILK); // ¥3.80
  await scan(page, BREAD); // ¥8.50
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  await page.getByTestId('cart-line').nth(0).click();
  await discountOf(page, 'F8', '10');
  await discountOf(page, 'F9', '5');

  // The line's discount on its line, as the receipt prints it under the line; the order's under the 小计.
  const milk = page.getByTestId('cart-line').nth(0);
  await expect(milk.getByTestId('line-discount')).toHaveText('折扣 10% −¥0.38');
  await expect(page.getByTestId('subtotal')).toHaveText('¥11.92');
  await expect(page.getByTestId('order-discount-total')).toHaveText('−¥0.60');
  await expect(page.getByTestId('total')).toHaveText('¥11.32');
  // No totals row takes the line discount off a second time.
  await expect(page.getByTestId('totals')).not.toContainText('单品折扣');

  // The customer reads the same: each line after its own discount, the discount under it, then 小计 and 整单折扣.
  const shown = display.getByTestId('display-line');
  await expect(shown.nth(0).getByTestId('display-line-amount')).toHaveText('¥3.42');
  await expect(shown.nth(0).getByTestId('display-line-discount')).toHaveText('折扣 10% −¥0.38');
  await expect(shown.nth(1).getByTestId('display-line-amount')).toHaveText('¥8.50');
  await expect(display.getByTestId('display-subtotal')).toHaveText('¥11.92');
  await expect(display.getByTestId('display-order-discount')).toHaveText('−¥0.60');
  await expect(display.getByTestId('display-total')).toHaveText('¥11.32');

  const onScreen = (await page.getByTestId('subtotal').textContent()) ?? '';
  await payCashByMouse(page, '20');
  // The preview sets each character apart: read without the spaces.
  const paper = (await previewText(page)).replace(/\s+/g, '');
  const printed = /小计￥([\d.,]+)/.exec(paper)?.[1];
  expect(printed, paper).toBeDefined();
  expect(onScreen.replace('¥', '')).toBe(printed);
  expect(paper).toContain('蒙牛纯牛奶250ml1×￥3.80￥3.80折扣10%-￥0.38');
  expect(paper).toContain('小计￥11.92整单折扣5%-￥0.60合计￥11.32');
});

test('in English, the added-item status, the held sales and the return table name products in English; an ad-hoc item stays as keyed', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('pay-cash')).toContainText('Pay cash');

  await scan(page, WATER);
  const status = page.getByTestId('sale-announcement');
  await expect(status).toHaveText('Added Mineral water 550ml, total ¥2.00');
  await page.keyboard.press('F4');
  const adHoc = page.getByRole('dialog', { name: 'Ad-hoc item' });
  await adHoc.getByTestId('adhoc-name').fill('手工水饺');
  await adHoc.getByLabel('Unit price').fill('12.5');
  await adHoc.getByRole('button', { name: 'Add to sale' }).click();
  await expect(adHoc).toBeHidden();
  await expect(status).toHaveText('Added 手工水饺, total ¥14.50');
  await scan(page, WATER);
  await expect(status).toHaveText('Added Mineral water 550ml, total ¥16.50');

  // Parked, then listed: the catalog's English name, the ad-hoc item as keyed.
  await page.getByTestId('hold-sale').click();
  await expect(page.getByTestId('cart-empty')).toBeVisible();
  await page.getByTestId('open-held').click();
  const held = page.getByTestId('held-sales-dialog').getByTestId('held-sale');
  await expect(held).toHaveCount(1);
  await expect(held.getByTestId('held-sale-lines')).toHaveText('Mineral water 550ml, 手工水饺');
  await held.getByTestId('recall-sale').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(2);

  // Sold; on the return screen the sold lines are named as the cart named them.
  await payCashByMouse(page, '20');
  // The receipt keeps the store's names: it is the record.
  expect(await previewText(page)).toContain('农夫山泉 550ml');
  await nextSale(page);
  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('1');
  await page.keyboard.press('Enter');
  const rows = page.getByTestId('refund-line');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText('Mineral water 550ml');
  await expect(rows.nth(0)).not.toContainText('农夫山泉');
  await expect(rows.nth(1)).toContainText('手工水饺');
  await rows.nth(0).getByTestId('return-qty').fill('1');
  await expect(page.getByTestId('refund-plan-line').first()).toContainText('Mineral water 550ml');

  // Back in Chinese, the same table names it in Chinese.
  await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
  await expect(rows.nth(0)).toContainText('农夫山泉 550ml');
});

test.describe('in an English browser, the app in Chinese', () => {
  test.use({ locale: 'en-US' });

  test('date and time fields follow the app’s language, not the browser’s; a day or hour that does not exist is refused and changes nothing', async ({
    page,
    register,
  }) => {
    const calls = callsSent(page);
    await setUpOwner(page, register);
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await page.getByTestId('open-back-office').click();

    // Reports: the range is typed as 年-月-日 and shows that way, never as mm/dd/yyyy.
    await page.getByTestId('back-office-nav-reports').click();
    const from = page.getByTestId('reports-from');
    await expect(from).toHaveAttribute('placeholder', '年-月-日');
    await expect(from).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByTestId('reports-to')).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
    await expect(page.getByTestId('reports-closed-days')).toBeVisible();
    const asked = calls.filter((c) => c === 'report.sales').length;
    await from.fill('2026-02-30');
    await page.getByTestId('reports-run').click();
    await expect(page.getByTestId('reports-from-problem')).toHaveText('没有 2026-02-30 这一天，请检查月份和日期。');
    await expect(from).toHaveAttribute('aria-invalid', 'true');
    await expect(from).toHaveValue('2026-02-30');
    // Nothing was asked of the register with it.
    expect(calls.filter((c) => c === 'report.sales')).toHaveLength(asked);
    await from.fill('11/30/2026');
    await from.blur();
    await expect(page.getByTestId('reports-from-problem')).toHaveText('“11/30/2026”不是日期：请按 年-月-日 输入，例如 2026-11-30。');
    await from.fill('2026/1/5');
    await from.blur();
    await expect(page.getByTestId('reports-from-problem')).toHaveCount(0);
    await expect(from).toHaveValue('2026-01-05');

    // The app's language switch reaches the fields: hint and refusal in English.
    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    await expect(from).toHaveAttribute('placeholder', 'yyyy-mm-dd');
    await from.fill('2026-13-01');
    await from.blur();
    await expect(page.getByTestId('reports-from-problem')).toHaveText('There is no day 2026-13-01: check the month and the day.');
    await page.getByRole('group', { name: 'Language' }).getByRole('button', { name: '中文' }).click();
    await expect(page.getByTestId('reports-from-problem')).toHaveText('没有 2026-13-01 这一天，请检查月份和日期。');

    // Documents: a bad day keeps the list as it was.
    await page.getByTestId('back-office-nav-documents').click();
    const day = page.getByTestId('documents-day');
    await expect(day).toHaveAttribute('placeholder', '年-月-日');
    await expect(page.getByTestId('documents-search')).toBeEnabled();
    const searched = calls.filter((c) => c === 'documents.list').length;
    await day.fill('2026-04-31');
    await page.getByTestId('documents-search').click();
    await expect(page.getByTestId('documents-day-problem')).toHaveText('没有 2026-04-31 这一天，请检查月份和日期。');
    expect(calls.filter((c) => c === 'documents.list')).toHaveLength(searched);

    // Journal: a moment typed as 年-月-日 时:分; an hour that is none is refused and nothing is asked.
    await page.getByTestId('back-office-nav-audit').click();
    const at = page.getByTestId('audit-from');
    await expect(at).toHaveAttribute('placeholder', '年-月-日 时:分');
    // The journal's first page arrives a moment after the section opens: counted once it is there.
    await expect(page.getByTestId('audit-entry').first()).toBeVisible();
    const entries = await page.getByTestId('audit-entry').count();
    expect(entries).toBeGreaterThan(0);
    await at.fill('2026-11-30 25:00');
    await page.getByTestId('audit-search').click();
    await expect(page.getByTestId('audit-from-problem')).toHaveText('2026-11-30 25:00 的时间不存在：小时为 0–23，分钟为 0–59。');
    await expect(page.getByTestId('audit-entry')).toHaveCount(entries);
    const listed = calls.filter((c) => c === 'journal.list').length;
    expect(calls.filter((c) => c === 'journal.list')).toHaveLength(listed);
    // A moment in the future: nothing was journalled after it.
    await at.fill('2999-01-01 00:00');
    await page.getByTestId('audit-search').click();
    await expect(page.getByTestId('audit-from-problem')).toHaveCount(0);
    await expect(page.getByTestId('audit-entry')).toHaveCount(0);

    // Backup: the range's days and the daily time, typed the app's way (no 09:30 AM from the browser).
    await page.getByTestId('back-office-nav-backup').click();
    await expect(page.getByTestId('backup-from')).toHaveAttribute('placeholder', '年-月-日');
    await expect(page.getByTestId('backup-to')).toHaveAttribute('placeholder', '年-月-日');
    const schedule = page.getByTestId('backup-schedule');
    await expect(schedule).toHaveAttribute('placeholder', '时:分');
    await expect(schedule).toBeEnabled();
    const configured = calls.filter((c) => c === 'backup.setConfig').length;
    await schedule.fill('9:30 PM');
    await page.getByTestId('backup-save').click();
    await expect(page.getByTestId('backup-schedule-problem')).toHaveText('“9:30 PM”不是时间：请按 时:分 输入（24 小时制），例如 09:30。');
    expect(calls.filter((c) => c === 'backup.setConfig')).toHaveLength(configured);

    // Settings: when the business day starts, as 时:分; an hour that is none saves nothing.
    await page.getByTestId('back-office-nav-settings').click();
    const starts = page.getByTestId('settings-day-starts');
    await expect(starts).toHaveAttribute('placeholder', '时:分');
    await expect(starts).toHaveValue(/^\d{2}:\d{2}$/);
    const updates = calls.filter((c) => c === 'settings.update').length;
    await starts.fill('24:30');
    await starts.press('Enter');
    await expect(page.getByTestId('settings-day-starts-problem')).toHaveText('24:30 的时间不存在：小时为 0–23，分钟为 0–59。');
    await expect(starts).toBeFocused();
    expect(calls.filter((c) => c === 'settings.update')).toHaveLength(updates);
  });
});
