import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { startWebRegister, type WebRegister } from '../support/web-register';
import { restartAndLogIn } from './restart-steps';
import { callRegister, closePagesAndStop, expect, nextSale, saleScreenReady, scan, setUpOwner, test } from './fixtures';
import { BREAD, payCash, returnWrongItem, WATER } from './refund-steps';

// 换货 in the middle: the bread is coming back, a water is rung up in its place, and the window is
// reloaded, a second window opens, or the register restarts. Main keeps the exchange with the open
// sale, so every window shows the panel again (never the water at full price with no hint), and
// nothing is booked until the exchange completes.

/** A bread sold for cash (R1-000001), then 换货 of it for a water: the panel on the sale screen. */
async function breadForWater(page: Page): Promise<void> {
  await scan(page, BREAD);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await payCash(page, '10');
  await nextSale(page);
  await returnWrongItem(page, 'R1-000001', '全麦面包');
  await expect(page.getByTestId('refund-plan-total')).toHaveText('¥8.50');
  await page.getByTestId('refund-exchange').click();
  await saleScreenReady(page);
  await scan(page, WATER);
  await expectPanel(page);
}

async function expectPanel(page: Page): Promise<void> {
  const panel = page.getByTestId('exchange-panel');
  await expect(panel.getByRole('heading')).toHaveText('换货 · 退回小票 R1-000001 的商品');
  await expect(panel.getByTestId('exchange-credit')).toHaveText('¥8.50');
  await expect(panel.getByTestId('exchange-new-total')).toHaveText('¥2.00');
  await expect(panel.getByTestId('exchange-difference')).toHaveText('¥6.50');
  await expect(panel.getByText('退回现金')).toBeVisible();
}

/** Nothing booked: the bread is still wholly returnable on R1-000001, and the open sale has no payment. */
async function nothingBooked(page: Page): Promise<void> {
  const found = (await callRegister(page, 'refund.find', { code: '1' })) as { value: { lines: { returnableQtyMilli: number }[] } };
  expect(found.value.lines.map((l) => l.returnableQtyMilli)).toEqual([1000]);
  const open = (await callRegister(page, 'sale.current', {})) as { value: { payments: unknown[]; lines: unknown[] } };
  expect(open.value).toMatchObject({ payments: [], lines: [expect.anything()] });
}

test('a reload and a second window show the exchange again; leaving it in one window leaves it in both', async ({ page, context, register }) => {
  await setUpOwner(page, register);
  await breadForWater(page);

  await page.reload();
  await saleScreenReady(page);
  await expectPanel(page);
  // The sale's own tenders still refuse to sell the water without the credit.
  await page.keyboard.press('F12');
  await expect(page.getByText('换货请在购物车旁的换货面板中收取现金，或先退出换货。')).toBeVisible();
  await nothingBooked(page);

  const second = await context.newPage();
  await second.goto(register.url);
  await saleScreenReady(second);
  await expectPanel(second);

  // 退出换货 in the second window: the first hears it, and both keep the water as a plain sale.
  await second.getByTestId('exchange-cancel').click();
  await expect(second.getByTestId('exchange-panel')).toBeHidden();
  await expect(page.getByTestId('exchange-panel')).toBeHidden();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.reload();
  await saleScreenReady(page);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('exchange-panel')).toBeHidden();
  await nothingBooked(page);
});

test('the register restarts in the middle of a cash exchange: after logging in the panel is back and completes it once', async ({ page, context }) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ringup-web-exchange-'));
  let current: WebRegister = await startWebRegister({ dataDir });
  try {
    await setUpOwner(page, current);
    await breadForWater(page);

    current = await restartAndLogIn(page, current, dataDir);
    await saleScreenReady(page);
    await expectPanel(page);
    await nothingBooked(page);

    await page.getByTestId('exchange-panel').getByTestId('exchange-confirm').click();
    const done = page.getByTestId('completion');
    await expect(done.getByTestId('receipt-no')).toHaveText('R1-000003');
    await expect(done.getByTestId('change-due')).toHaveText('¥6.50');
    await nextSale(page);
    // Done once: the bread is back, and the next sale has no exchange.
    await expect(page.getByTestId('exchange-panel')).toBeHidden();
    const found = (await callRegister(page, 'refund.find', { code: '1' })) as { value: { lines: { returnableQtyMilli: number }[] } };
    expect(found.value.lines.map((l) => l.returnableQtyMilli)).toEqual([0]);
  } finally {
    await closePagesAndStop(context, current.stop);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
