// Steps the return specs share, in zh-CN browser mode: the demo items, logging in, handing the
// register to a cashier, paying cash by keyboard, a return's line.
import type { Page } from '@playwright/test';
import { callRegister, expect, saleScreenReady } from './fixtures';

export const WATER = '6901234567892'; // 农夫山泉 550ml ¥2.00
export const MILK = '6904567890127'; // 蒙牛纯牛奶 250ml ¥3.80
export const BREAD = '6905678901232'; // 全麦面包 ¥8.50
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

/** Pays the cart in cash by keyboard and goes on to the next sale. */
export async function payCash(page: Page, tendered: string): Promise<void> {
  await page.keyboard.press('F12');
  await page.keyboard.type(tendered);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('completion')).toBeVisible();
}

export function line(page: Page, name: string) {
  return page.getByTestId('refund-line').filter({ hasText: name });
}
