import type { Page } from '@playwright/test';
import { callRegister, expect, nextSale, OWNER, saleScreenReady, scan, setUpOwner, test } from './fixtures';
import { overflowAndClipping } from './layout';
import { asCashier, cardSaleOf, exchangeFor, WATER } from './refund-steps';

// An exchange of card goods for cheaper ones, the difference back to the card through the demo
// terminal (zh-CN, browser mode, 1024×768): approved, the completion says what went back to the
// card; declined (the demo terminal declines amounts ending in .51), the return waits with the
// refund screens' choices, and the new goods cannot be changed meanwhile. Goods paid part by card,
// part in cash: the card takes back what it paid, the rest is cash back.

test.use({ viewport: { width: 1024, height: 768 } });

async function adHoc(page: Page, name: string, price: string): Promise<void> {
  await page.keyboard.press('F4');
  const dialog = page.getByRole('dialog', { name: '临时商品' });
  await dialog.getByLabel('商品名称').fill(name);
  await dialog.getByLabel('单价').fill(price);
  await dialog.getByRole('button', { name: '加入销售' }).click();
  await expect(dialog).toBeHidden();
}

/** The ¥20.00 card scarf comes back; the new goods are rung up on the exchange's sale. */
async function startExchange(page: Page): Promise<void> {
  await cardSaleOf(page, [['围巾', '20']]);
  await exchangeFor(page, 'R1-000001', '围巾');
}

test('a card exchange for cheaper goods gives the difference back to the card, and the completion says so', async ({ page, register }) => {
  await setUpOwner(page, register);
  await asCashier(page);
  await startExchange(page);
  await scan(page, WATER);
  const panel = page.getByTestId('exchange-panel');
  await expect(panel.getByTestId('exchange-difference')).toHaveText('¥18.00');
  // Back to the card is the default, beside the cash path; both in sight at 1024×768.
  const toCard = panel.getByTestId('exchange-to-card');
  await expect(toCard).toHaveText('退回银行卡 ¥18.00');
  await expect(toCard).toHaveClass(/button--primary/);
  await expect(toCard).toBeInViewport();
  await expect(panel.getByTestId('exchange-confirm')).toBeInViewport();
  await toCard.click();
  // The terminal's steps, as for a card refund; no supervisor: no card money turns into cash.
  await expect(page.getByTestId('card-step')).toHaveText('请顾客插卡、挥卡或刷卡');
  await expect(page.getByTestId('completion')).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('dialog', { name: '主管授权' })).toHaveCount(0);
  await expect(page.getByTestId('to-card-amount')).toHaveText('¥18.00');
  await expect(page.getByTestId('done-to-card')).toContainText('退回银行卡');
  // Nothing was handed over in cash: no cash back, no change.
  await expect(page.locator('#done-change')).toHaveCount(0);
  const refundReceipt = page.getByTestId('done-exchange-receipt');
  await expect(refundReceipt).toContainText('退回银行卡');
  await expect(refundReceipt).toContainText('476173******0119');

  // A reload recalls the completion the same way: the card amount is not cash back.
  await page.reload();
  await expect(page.getByTestId('done-restored')).toBeVisible();
  await expect(page.getByTestId('to-card-amount')).toHaveText('¥18.00');
  await expect(page.locator('#done-change')).toHaveCount(0);
});

test('goods paid ¥40.00 by card and ¥60.00 in cash, exchanged for cheaper: the card takes its ¥40.00 back, the rest is cash back', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  await asCashier(page);
  await adHoc(page, '大衣', '100');
  await page.getByTestId('pay-cash').click();
  await page.getByTestId('part-amount').fill('40');
  await page.getByTestId('pay-card').click();
  await expect(page.getByTestId('payment').getByTestId('payment-row')).toHaveCount(1, { timeout: 15_000 });
  await page.getByTestId('tendered').fill('60');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('completion')).toBeVisible();
  await nextSale(page);
  await exchangeFor(page, 'R1-000001', '大衣');
  await adHoc(page, '围巾', '2.50');

  const panel = page.getByTestId('exchange-panel');
  await expect(panel.getByTestId('exchange-difference')).toHaveText('¥97.50');
  const toCard = panel.getByTestId('exchange-to-card');
  await expect(toCard).toHaveText('退回银行卡 ¥40.00 + 现金 ¥57.50');
  await expect(toCard).toBeInViewport();
  // The longer label fits its button at 1024×768, as every button's must.
  expect(await overflowAndClipping(page)).toEqual([]);
  await toCard.click();
  await expect(page.getByTestId('completion')).toBeVisible({ timeout: 15_000 });
  // No supervisor: the cash handed back is cash that was paid, not card money.
  await expect(page.getByRole('dialog', { name: '主管授权' })).toHaveCount(0);
  await expect(page.getByTestId('to-card-amount')).toHaveText('¥40.00');
  await expect(page.locator('#done-change')).toHaveText(/^退回现金\s*¥57\.50$/);
  const refundReceipt = page.getByTestId('done-exchange-receipt');
  await expect(refundReceipt).toContainText('退回银行卡');
  await expect(refundReceipt).toContainText('退回现金');
});

/** An exchange whose ¥5.51 difference the demo terminal declines: the panel shows the refused part and its choices. */
async function declinedExchange(page: Page): Promise<void> {
  await startExchange(page);
  await adHoc(page, '围巾(小)', '14.49');
  const panel = page.getByTestId('exchange-panel');
  await expect(panel.getByTestId('exchange-to-card')).toHaveText('退回银行卡 ¥5.51');
  await panel.getByTestId('exchange-to-card').click();
  await expect(panel.getByTestId('exchange-card-refused')).toBeVisible({ timeout: 15_000 });
  await expect(panel.getByTestId('refund-part')).toHaveAttribute('data-state', 'refused');
  await expect(panel.getByTestId('refund-part-retry')).toBeVisible();
  await expect(panel.getByTestId('refund-part-cash')).toBeVisible();
  await expect(panel.getByTestId('exchange-card-abandon')).toBeInViewport();
  // The new goods stay as they are: no tenders, and the ad-hoc item key opens nothing.
  await expect(page.getByTestId('pay-cash')).toHaveCount(0);
  await page.keyboard.press('F4');
  await expect(page.getByRole('dialog', { name: '临时商品' })).toHaveCount(0);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
}

test('a declined card refund in an exchange is given in cash with a supervisor, and both documents complete', async ({ page, register }) => {
  await setUpOwner(page, register);
  await asCashier(page);
  await declinedExchange(page);
  await page.getByTestId('refund-part-cash').click();
  const approval = page.getByRole('dialog', { name: '主管授权' });
  await expect(approval.getByTestId('pin')).toBeFocused();
  await page.keyboard.type(OWNER.pin);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('completion')).toBeVisible({ timeout: 15_000 });
  await expect(page.locator('#done-change')).toHaveText(/^退回现金\s*¥5\.51$/);
  await expect(page.getByTestId('done-to-card')).toHaveCount(0);
  await expect(page.getByTestId('done-exchange-receipt')).toContainText('退回现金');
});

test('a declined card refund in an exchange can be given up: the scarf can be returned again', async ({ page, register }) => {
  await setUpOwner(page, register);
  await asCashier(page);
  await declinedExchange(page);
  await page.getByTestId('exchange-card-abandon').click();
  await expect(page.getByTestId('exchange-panel')).toHaveCount(0);
  await expect(page.getByTestId('cart-empty')).toBeVisible();
  await saleScreenReady(page);
  const found = (await callRegister(page, 'refund.find', { code: '1' })) as { value: { lines: { returnableQtyMilli: number }[] } };
  expect(found.value.lines.map((l) => l.returnableQtyMilli)).toEqual([1000]);
});
