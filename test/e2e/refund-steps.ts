// Steps the return specs share, in zh-CN browser mode: the demo items, logging in, handing the
// register to a cashier, paying cash by keyboard, a return's line.
import type { Locator, Page } from '@playwright/test';
import { callRegister, completionReady, expect, nextSale, openPayment, saleScreenReady, scan } from './fixtures';

export const WATER = '6901234567892'; // 农夫山泉 550ml ¥2.00
export const MILK = '6904567890125'; // 蒙牛纯牛奶 250ml ¥3.80
export const BREAD = '6905678901236'; // 全麦面包 ¥8.50
export const CASHIER = { name: '李收银', pin: '4826' };

export async function logIn(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await page.getByTestId('pin').fill(pin);
  await page.getByTestId('pin').press('Enter');
  await saleScreenReady(page);
}

/** The owner adds a cashier and hands the register over to them. */
export async function asCashier(page: Page): Promise<void> {
  expect(await callRegister(page, 'operator.create', { name: CASHIER.name, pin: CASHIER.pin, role: 'cashier' })).toMatchObject({ ok: true });
  await page.getByTestId('logout').click();
  await logIn(page, CASHIER.name, CASHIER.pin);
}

/** Pays the cart in cash by keyboard; ends on the completion screen, ready for the Enter that starts the next sale. */
export async function payCash(page: Page, tendered: string): Promise<void> {
  await openPayment(page);
  await page.keyboard.type(tendered);
  await page.keyboard.press('Enter');
  await completionReady(page);
}

/** Sells one 农夫山泉 for ¥2 in cash by keyboard (the sale an exchange or a return starts from); ends on the completion screen. */
export async function sellWaterForCash(page: Page): Promise<void> {
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await payCash(page, '2');
}

export function line(page: Page, name: string) {
  return page.getByTestId('refund-line').filter({ hasText: name });
}

/**
 * Rings up ad-hoc items (name, price) and pays the sale by card on the demo terminal (with
 * `firstCardPart`, on two cards: the first pays that part, the second the rest); back on the sale screen.
 */
export async function cardSaleOf(page: Page, items: readonly (readonly [string, string])[], firstCardPart?: string): Promise<void> {
  for (const [name, price] of items) {
    await page.keyboard.press('F4');
    const adHoc = page.getByRole('dialog', { name: '临时商品' });
    await adHoc.getByLabel('商品名称').fill(name);
    await adHoc.getByLabel('单价').fill(price);
    await adHoc.getByRole('button', { name: '加入销售' }).click();
    await expect(adHoc).toBeHidden();
  }
  await page.getByTestId('pay-cash').click();
  if (firstCardPart !== undefined) {
    await page.getByTestId('part-amount').fill(firstCardPart);
    await page.getByTestId('pay-card').click();
    await expect(page.getByTestId('payment').getByTestId('payment-row')).toHaveCount(1, { timeout: 15_000 });
  }
  await page.getByTestId('pay-card').click();
  await expect(page.getByTestId('completion')).toBeVisible({ timeout: 15_000 });
  await nextSale(page);
}

/** Finds a receipt (F7, by what the cashier keys: `R1-000002` or `2`) and takes one of `item` back as the wrong item. */
export async function returnWrongItem(page: Page, receiptNo: string, item: string, keyed = receiptNo): Promise<void> {
  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill(keyed);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: `小票 ${receiptNo}` })).toBeVisible();
  await line(page, item).getByTestId('return-qty').fill('1');
  await page.getByTestId('refund-reason').selectOption('wrong_item');
}

/** Takes one of `item` on `receiptNo` back as the wrong item for an exchange (换货): back on the sale screen, listening, for the new goods. */
export async function exchangeFor(page: Page, receiptNo: string, item: string): Promise<void> {
  await returnWrongItem(page, receiptNo, item);
  await page.getByTestId('refund-exchange').click();
  await saleScreenReady(page);
}

/** Finds receipt R1-000001 (F7) and takes its 农夫山泉 back as the wrong item: the start of an exchange. */
export async function returnWaterOfFirstReceipt(page: Page): Promise<void> {
  await returnWrongItem(page, 'R1-000001', '农夫山泉');
}

/** With a water's ¥2.00 credit on the exchange panel: a bread (¥8.50) rung up, ¥10 handed over for the ¥6.50 difference. */
export async function exchangeForBreadPayingTen(page: Page): Promise<void> {
  // Back on the sale screen, listening, before the scan.
  await saleScreenReady(page);
  await scan(page, BREAD);
  const panel = page.getByTestId('exchange-panel');
  await expect(panel.getByTestId('exchange-difference')).toHaveText('¥6.50');
  await panel.getByTestId('exchange-tendered').fill('10');
  await panel.getByTestId('exchange-confirm').click();
}

/** Finds a receipt (F7, by what the cashier keys) and opens 撤销整单 on it; returns the void dialog. */
export async function openVoidOf(page: Page, keyed: string): Promise<Locator> {
  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill(keyed);
  await page.keyboard.press('Enter');
  await page.getByTestId('void-sale').click();
  return page.getByTestId('void-dialog');
}
