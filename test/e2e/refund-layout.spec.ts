import { callRegister, expect, finishRefund, nextSale, saleScreenReady, scan, setUpOwner, test } from './fixtures';
import { checkLayout, inViewport } from './layout';
import { BREAD, line, MILK, payCash, WATER } from './refund-steps';

// Issue 13, layout and accessibility of 退货 / Return at 1024×768, in Chinese and in English:
// finding the receipt, choosing the lines (with the plan of where the money goes), the refund to
// the card while the demo terminal runs it (an amount ending in .47 holds its PIN step), the
// refund's completion, the void and price adjustment dialogs, and a return without a receipt. Each state: no sideways
// scroll, nothing out of its box or clipped, 44 px targets, no axe violation.
const LANGUAGES = [
  // Each language returns its own line of the card sale; the bread is named in the screen's language (the ad-hoc lines as keyed).
  { lang: 'zh-CN', switchTo: 'English', group: '语言', item: '贺卡', bread: '全麦面包' },
  { lang: 'en', switchTo: '中文', group: 'Language', item: '礼品卡套', bread: 'Whole wheat bread' },
] as const;

test('the return screens fit 1024×768 in both languages and pass an axe audit', async ({ page, register }, info) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1024, height: 768 });
  await setUpOwner(page, register);
  // R1-000001: a card sale of two lines, ¥10.47 and ¥20.47.
  const current = (await callRegister(page, 'sale.current', {})) as { value: { id: string } };
  for (const [name, priceMinor] of [
    ['贺卡', 1047],
    ['礼品卡套', 2047],
  ] as const) {
    const added = await callRegister(page, 'sale.addCustomLine', { saleId: current.value.id, name, qtyMilli: 1000, unitPriceMinor: priceMinor });
    expect(added).toMatchObject({ ok: true });
  }
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  await page.keyboard.press('F12');
  await page.getByTestId('pay-card').click();
  await expect(page.getByTestId('completion')).toBeVisible({ timeout: 15_000 });
  await nextSale(page);
  // R1-000002: a cash sale, for the void and the price adjustment.
  for (const code of [WATER, MILK, BREAD]) await scan(page, code);
  await expect(page.getByTestId('cart-line')).toHaveCount(3);
  await payCash(page, '20');
  await nextSale(page);

  for (const { lang, switchTo, group, item, bread } of LANGUAGES) {
    const at = `${lang} 1024x768`;
    await page.keyboard.press('F7');
    await expect(page.getByTestId('refund-code')).toBeFocused();
    await expect(page.getByTestId('todays-sale')).toHaveCount(2);
    await checkLayout(page, info, `${at} refund find`);

    // The card sale: one line back, to the card it was paid with.
    await page.getByTestId('refund-code').fill('R1-000001');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('refund-line')).toHaveCount(2);
    await line(page, item).getByTestId('return-qty').fill('1');
    await page.getByTestId('refund-reason').selectOption('defective');
    await expect(page.getByTestId('refund-plan-tender')).toContainText('476173******0119');
    await checkLayout(page, info, `${at} refund lines`);
    await page.getByTestId('refund-confirm').click();
    await expect(page.getByTestId('card-cancel')).toBeVisible({ timeout: 10_000 });
    await expect(page.getByTestId('card-step')).toHaveText(lang === 'zh-CN' ? '请顾客输入密码' : /PIN/, { timeout: 10_000 });
    // Cancel is on screen and has the focus, as for a card payment.
    await expect.poll(() => inViewport(page.getByTestId('card-cancel')), `${at}: card cancel on screen`).toBe(true);
    await expect(page.getByTestId('card-cancel')).toBeFocused();
    await checkLayout(page, info, `${at} refund to card`);
    const done = page.getByTestId('refund-done');
    await expect(done).toBeVisible({ timeout: 20_000 });
    await expect(done.getByTestId('refund-done-tender')).toContainText('476173******0119');
    await checkLayout(page, info, `${at} refund done`);
    await finishRefund(page);

    // The cash sale: its void and a price adjustment on one line, opened and left.
    await page.keyboard.press('F7');
    await page.getByTestId('refund-code').fill('R1-000002');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('refund-line')).toHaveCount(3);
    await page.getByTestId('void-sale').click();
    await expect(page.getByTestId('void-dialog')).toBeVisible();
    await checkLayout(page, info, `${at} void`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('void-dialog')).toBeHidden();
    await line(page, bread).getByTestId('adjust-line').click();
    await expect(page.getByTestId('adjust-dialog')).toBeVisible();
    await page.getByTestId('adjust-amount').fill('1.5');
    await checkLayout(page, info, `${at} price adjustment`);
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('adjust-dialog')).toBeHidden();
    await page.getByTestId('refund-back').click();

    // A return without a receipt, keyed, with its cash refund planned.
    await page.getByTestId('refund-no-receipt').click();
    await page.getByTestId('noreceipt-name').fill('毛巾');
    await page.getByTestId('noreceipt-price').fill('12.5');
    await page.getByTestId('noreceipt-add').click();
    await expect(page.getByTestId('noreceipt-line')).toHaveCount(1);
    await expect(page.getByTestId('refund-plan-tender')).toHaveCount(1);
    await checkLayout(page, info, `${at} no-receipt return`);
    await page.getByTestId('refund-back').click();
    await page.getByTestId('refund-close').click();
    await saleScreenReady(page);
    await page.getByRole('group', { name: group }).getByRole('button', { name: switchTo }).click();
  }
});
