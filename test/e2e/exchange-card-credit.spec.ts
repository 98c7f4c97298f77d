import type { Page } from '@playwright/test';
import { callRegister, expect, nextSale, OWNER, scan, setUpOwner, test } from './fixtures';
import { asCashier, cardSaleOf, exchangeFor, returnWrongItem, WATER } from './refund-steps';

// Card and payment-code money leaving the drawer as cash, as a cashier sees it (zh-CN, browser
// mode, demo terminal and demo provider): the supervisor is asked whichever way it goes, through
// an exchange's credit too, and the exchange panel names the cash it hands back.

/** The approval dialog for `reason`, answered with the owner's PIN. */
async function ownerApproves(page: Page, reason: string): Promise<void> {
  const approval = page.getByRole('dialog', { name: '主管授权' });
  await expect(approval).toContainText(reason);
  await expect(approval.getByTestId('pin')).toBeFocused();
  await page.keyboard.type(OWNER.pin);
  await page.keyboard.press('Enter');
}

async function adHoc(page: Page, name: string, price: string): Promise<void> {
  await page.keyboard.press('F4');
  const dialog = page.getByRole('dialog', { name: '临时商品' });
  await dialog.getByLabel('商品名称').fill(name);
  await dialog.getByLabel('单价').fill(price);
  await dialog.getByRole('button', { name: '加入销售' }).click();
  await expect(dialog).toBeHidden();
}

test('a card sale exchanged for goods at the same price: returning the new goods for cash asks a supervisor', async ({ page, register }) => {
  await setUpOwner(page, register);
  await asCashier(page);
  await cardSaleOf(page, [['围巾', '30']]);

  // The even exchange moves no money: no supervisor.
  await exchangeFor(page, 'R1-000001', '围巾');
  await adHoc(page, '围巾(红)', '30');
  const panel = page.getByTestId('exchange-panel');
  await expect(panel.getByTestId('exchange-difference')).toHaveText('¥0.00');
  await panel.getByTestId('exchange-confirm').click();
  await expect(page.getByTestId('completion')).toBeVisible();
  await expect(page.getByRole('dialog', { name: '主管授权' })).toHaveCount(0);
  await nextSale(page);

  // The new scarf was paid with the card's money: cash for it is card money in cash.
  await returnWrongItem(page, 'R1-000003', '围巾(红)', '3');
  await expect(page.getByTestId('refund-plan-tender')).toHaveText(['退回现金¥30.00']);
  await expect(page.getByTestId('refund-plan-approval')).toHaveText('需要主管授权（刷卡付款退现金）。');
  await page.getByTestId('refund-confirm').click();
  await ownerApproves(page, '需要主管授权（刷卡付款退现金）。');
  await expect(page.getByTestId('refund-done').getByTestId('refund-done-tender')).toHaveText(['退回现金¥30.00']);
});

test('an exchange of card goods for cheaper ones says the difference goes back in cash, and asks a supervisor', async ({ page, register }) => {
  await setUpOwner(page, register);
  await asCashier(page);
  await cardSaleOf(page, [['围巾', '20']]);
  await exchangeFor(page, 'R1-000001', '围巾');
  await scan(page, WATER);
  const panel = page.getByTestId('exchange-panel');
  await expect(panel.getByTestId('exchange-difference')).toHaveText('¥18.00');
  await expect(panel.getByText('退回现金')).toBeVisible();
  await expect(panel.getByText('退还顾客')).toHaveCount(0);
  await panel.getByTestId('exchange-confirm').click();
  await ownerApproves(page, '需要主管授权（刷卡付款退现金）。');
  await expect(page.getByTestId('completion')).toBeVisible();
  await expect(page.getByTestId('done-exchange-receipt')).toContainText('退回现金');
  // Money handed back in an exchange is cash back, not change from what the customer gave.
  await expect(page.locator('#done-change')).toHaveText(/^退回现金\s*¥18\.00$/);
});

test('a scan-to-pay sale given back in cash asks a supervisor, naming the payment code', async ({ page, register }) => {
  await setUpOwner(page, register);
  await adHoc(page, '会员卡', '50');
  const current = (await callRegister(page, 'sale.current', {})) as { value: { id: string } };
  expect(await callRegister(page, 'scanpay.pay', { saleId: current.value.id, code: '134567890123456789', idempotencyKey: 'e2e-scan-cash-1' })).toMatchObject({
    ok: true,
    value: { receiptNo: 1 },
  });
  await asCashier(page);
  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('R1-000001');
  await page.keyboard.press('Enter');
  await page.getByTestId('return-all').click();
  await page.getByTestId('refund-reason').selectOption('defective');
  await expect(page.getByTestId('refund-plan-tender')).toHaveText(['退回微信支付¥50.00']);
  await expect(page.getByTestId('refund-plan-approval')).toHaveCount(0);
  await page.getByTestId('refund-to-cash').check();
  await expect(page.getByTestId('refund-plan-tender')).toHaveText(['退回现金¥50.00']);
  await expect(page.getByTestId('refund-plan-approval')).toHaveText('需要主管授权（扫码付款退现金）。');
  await page.getByTestId('refund-confirm').click();
  await ownerApproves(page, '需要主管授权（扫码付款退现金）。');
  await expect(page.getByTestId('refund-done').getByTestId('refund-done-tender')).toHaveText(['退回现金¥50.00']);
});
