import { callRegister, completionReady, expect, nextSale, scan, setUpOwner, test } from './fixtures';
import { horizontalScroll, inViewport, overflowAndClipping } from './layout';
import { BREAD, exchangeFor, payCash, sellWaterForCash } from './refund-steps';

// 换货 with the store's cash rounding at 0.10, in zh-CN at 1024×768 (counter sweep items 1 and 8):
// a water (¥2.00) comes back and 0.777 kg of apples (¥7.61) go out. The customer owes ¥5.61, and
// cash pays it as ¥5.60, as a plain cash sale would be rounded.
const APPLES_777G = '2100001007775';

test.use({ viewport: { width: 1024, height: 768 } });

async function exchangeWaterForApples(page: Parameters<typeof setUpOwner>[0], register: Parameters<typeof setUpOwner>[1]) {
  await setUpOwner(page, register);
  expect(await callRegister(page, 'settings.update', { cashRoundingStepMinor: 10 })).toMatchObject({ ok: true });
  await sellWaterForCash(page);
  await nextSale(page);
  await exchangeFor(page, 'R1-000001', '农夫山泉');
  await scan(page, APPLES_777G);
  const panel = page.getByTestId('exchange-panel');
  await expect(panel.getByTestId('exchange-new-total')).toHaveText('¥7.61');
  return panel;
}

test('with a 0.10 cash step the exchange asks for ¥5.60, takes it, and the completion and receipt agree', async ({ page, register }) => {
  const panel = await exchangeWaterForApples(page, register);
  await expect(panel.getByTestId('exchange-difference')).toHaveText('¥5.60');
  await expect(panel.getByTestId('exchange-rounding')).toHaveText('-¥0.01');
  // A card is charged the exact difference: its button says so.
  await expect(panel.getByTestId('exchange-pay-card')).toHaveText('刷卡补差价 ¥5.61');

  // Less than the rounded figure is refused by that figure; ¥5.60 exactly completes with no change.
  await panel.getByTestId('exchange-tendered').fill('5.5');
  await panel.getByTestId('exchange-confirm').click();
  await expect(panel.getByTestId('error')).toHaveText('请输入顾客交付的现金：至少 ¥5.60。');
  await panel.getByTestId('exchange-tendered').fill('5.60');
  await panel.getByTestId('exchange-confirm').click();
  await completionReady(page);
  const done = page.getByTestId('completion');
  await expect(done.getByTestId('receipt-no')).toHaveText('R1-000003');
  await expect(done.getByTestId('change-due')).toHaveText('¥0.00');
  const receipt = page.getByRole('img', { name: '小票 3' });
  await expect(receipt).toBeVisible();
  const paper = (await receipt.evaluate((el) => el.textContent ?? '')).replace(/[\s\u00a0]+/g, '');
  expect(paper).toContain('合计￥7.61');
  expect(paper).toContain('现金舍入-￥0.01');
  expect(paper).toContain('换货抵扣￥2.00');
  expect(paper).toContain('现金￥5.60');
});

test('at 1024×768 the exchange, its total and every action of it are on screen, with discounts too', async ({ page, register }) => {
  const panel = await exchangeWaterForApples(page, register);
  const onScreen = async () => {
    for (const id of ['exchange-difference', 'exchange-tendered', 'exchange-cancel', 'exchange-pay-card', 'exchange-confirm']) {
      expect(await inViewport(panel.getByTestId(id)), id).toBe(true);
    }
    expect(await inViewport(page.getByTestId('total')), 'total').toBe(true);
    // The sale's own buttons still serve the new goods (临时商品, 整单折扣, 挂单 …): on screen too.
    for (const button of await page.locator('.sale__buttons .button').all()) expect(await inViewport(button), await button.innerText()).toBe(true);
    expect(await horizontalScroll(page)).toEqual([]);
    expect(await overflowAndClipping(page)).toEqual([]);
  };
  await onScreen();
  // The sale's own pay button would sell the apples without the credit: it does not offer the full ¥7.61 meanwhile.
  await expect(page.getByTestId('pay-cash')).toHaveCount(0);
  await page.keyboard.press('F12');
  await expect(page.getByText('换货请在购物车旁的换货面板中收取现金，或先退出换货。')).toBeVisible();

  // A line discount (on its line) and an order discount (its row in the totals): still no fold.
  await page.getByTestId('cart-line').first().click();
  await page.keyboard.press('F8');
  await page.getByRole('dialog').getByTestId('discount-input').fill('10');
  await page.getByRole('dialog').getByTestId('discount-input').press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
  await page.keyboard.press('F9');
  await page.getByRole('dialog').getByTestId('discount-input').fill('5');
  await page.getByRole('dialog').getByTestId('discount-input').press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.getByTestId('cart-line').first().getByTestId('line-discount')).not.toBeEmpty();
  await expect(page.getByTestId('order-discount-total')).toBeVisible();
  await onScreen();
});

test('for cheaper goods the exchange hands back the rounded difference, ¥0.90 for ¥0.89, and the completion and receipts agree', async ({ page, register }) => {
  await setUpOwner(page, register);
  expect(await callRegister(page, 'settings.update', { cashRoundingStepMinor: 10 })).toMatchObject({ ok: true });
  // A bread (¥8.50) bought in cash comes back; 0.777 kg of apples (¥7.61) go out: ¥0.89 is owed to the customer.
  await scan(page, BREAD);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await payCash(page, '8.5');
  await nextSale(page);
  await exchangeFor(page, 'R1-000001', '全麦面包');
  await scan(page, APPLES_777G);
  const panel = page.getByTestId('exchange-panel');
  await expect(panel.getByTestId('exchange-new-total')).toHaveText('¥7.61');
  await expect(panel.getByText('退回现金')).toBeVisible();
  await expect(panel.getByTestId('exchange-difference')).toHaveText('¥0.90');
  await expect(panel.getByTestId('exchange-rounding')).toHaveText('-¥0.01');

  await panel.getByTestId('exchange-confirm').click();
  await completionReady(page);
  const done = page.getByTestId('completion');
  await expect(done.getByTestId('receipt-no')).toHaveText('R1-000003');
  await expect(done.getByTestId('change-due')).toHaveText('¥0.90');
  // The return's slip gives ¥0.90 back in cash; the new sale shows the 0.01 as its 现金舍入.
  await expect(page.getByTestId('done-exchange-receipt')).toContainText('退回现金');
  const returnSlip = (await page.getByTestId('done-exchange-receipt').textContent())?.replace(/[\s\u00a0]+/g, '') ?? '';
  expect(returnSlip).toContain('退回现金-￥0.90');
  expect(returnSlip).toContain('转入换货新销售-￥7.60');
  const receipt = page.getByRole('img', { name: '小票 3' });
  await expect(receipt).toBeVisible();
  const paper = (await receipt.evaluate((el) => el.textContent ?? '')).replace(/[\s\u00a0]+/g, '');
  expect(paper).toContain('合计￥7.61');
  expect(paper).toContain('现金舍入-￥0.01');
  expect(paper).toContain('换货抵扣￥7.60');

  // The day's X: of the ¥8.50 credit, ¥7.60 paid the apples and never left the drawer; the ¥0.90 did.
  await nextSale(page);
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-day-close').click();
  await page.getByTestId('x-day').click();
  const credit = page.getByTestId('x-report').getByTestId('report-tender-exchange-credit');
  await expect(credit).toContainText('换货抵扣（抵新货，含在现金内，未经钱箱）');
  await expect(credit.locator('td').first()).toHaveText('1 · ¥7.60');
  await expect(page.getByTestId('x-report').getByTestId('report-tender-cash').locator('td').nth(1)).toHaveText('1 · ¥8.50');
});
