import { callRegister, expect, finishRefund, nextSale, scan, setUpOwner, test } from './fixtures';
import { BREAD, MILK, openVoidOf, payCash, returnWrongItem, sellWaterForCash } from './refund-steps';

// A voided receipt found again says so and offers nothing to return; the void dialog keeps its
// money apart from its question; 备份 before a folder is chosen waits for one and is no failure.

test('a receipt voided in full and found again says it was voided and offers nothing to return', async ({ page, register }, info) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await setUpOwner(page, register);
  await scan(page, BREAD);
  await scan(page, MILK);
  await expect(page.getByTestId('cart-line')).toHaveCount(2);
  await payCash(page, '20');
  await nextSale(page);

  const dialog = await openVoidOf(page, '1');
  await expect(dialog.getByTestId('void-tender')).toHaveText(['退回现金¥12.30']);
  // The cash row and the 原因 label were flush against each other.
  const tenders = await dialog.locator('.refund-plan__tenders').boundingBox();
  const reasonLabel = await dialog.getByText('原因', { exact: true }).boundingBox();
  expect(reasonLabel!.y - (tenders!.y + tenders!.height)).toBeGreaterThanOrEqual(12);
  await page.screenshot({ path: info.outputPath('void-dialog-zh.png') });
  await dialog.getByTestId('void-reason').selectOption('cashier_error');
  await dialog.getByRole('button', { name: '确认撤销' }).click();
  // The owner voids: no approval is asked.
  await expect(page.getByTestId('refund-done').getByTestId('refund-done-title')).toHaveText('整单已撤销');
  await finishRefund(page);

  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('R1-000001');
  await page.keyboard.press('Enter');
  const sale = page.getByTestId('refund-sale');
  await expect(sale.getByTestId('refund-sale-voided')).toHaveText('此单已整单撤销（撤销单 R1-000002），没有可退的商品。');
  await expect(sale.getByTestId('refund-sale-payment')).toHaveText('现金 ¥12.30 · 撤销已退回 ¥12.30');
  // Nothing to choose and nothing to confirm: the return and void actions are gone.
  for (const id of ['return-all', 'refund-reason', 'refund-confirm', 'refund-exchange', 'void-sale', 'refund-sale-corrections']) {
    await expect(sale.getByTestId(id)).toHaveCount(0);
  }
  for (const qty of await sale.getByTestId('return-qty').all()) await expect(qty).toBeDisabled();
  await page.screenshot({ path: info.outputPath('voided-receipt-zh.png') });
  // F12 still says why nothing happens.
  await page.keyboard.press('F12');
  await expect(sale.getByTestId('error')).toHaveText('此单已没有可退的商品。');
});

test('全部退货 on a receipt already returned in full says there is nothing left rather than doing nothing', async ({ page, register }) => {
  await setUpOwner(page, register);
  await sellWaterForCash(page);
  await nextSale(page);
  await returnWrongItem(page, 'R1-000001', '农夫山泉');
  await expect(page.getByTestId('refund-plan-total')).toHaveText('¥2.00');
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('refund-done').getByTestId('refund-done-title')).toHaveText('退货完成');
  await finishRefund(page);

  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('1');
  await page.keyboard.press('Enter');
  const sale = page.getByTestId('refund-sale');
  await expect(sale.getByTestId('refund-line-left')).toHaveText(['0 · ¥0.00']);
  // Not a void: the receipt stays as it was, and the press says why nothing is chosen.
  await expect(sale.getByTestId('refund-sale-voided')).toHaveCount(0);
  await sale.getByTestId('return-all').click();
  await expect(sale.getByTestId('error')).toHaveText('此单已没有可退的商品。');
});

test('备份 before a folder is chosen: the buttons wait for one, and an attempt is no failed backup', async ({ page, register }, info) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await setUpOwner(page, register);
  await expect(page.getByTestId('backup-indicator')).toHaveText('尚未备份');
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-backup').click();
  await expect(page.getByTestId('backup-folder')).toBeEnabled();
  await expect(page.getByTestId('backup-today')).toBeDisabled();
  await expect(page.getByTestId('backup-range')).toBeDisabled();
  await expect(page.getByTestId('backup-needs-folder')).toHaveText('请先在下方“备份文件夹”一栏填写路径并保存，才能备份。');
  // The ledger check speaks plainly to a shop owner.
  const section = page.getByTestId('backup-section');
  await expect(section).toContainText('数据库完整性检查，并校验整条日志链，不影响收银。');
  await expect(section).not.toContainText('integrity_check');
  await page.screenshot({ path: info.outputPath('backup-no-folder-zh.png'), fullPage: true });

  // Asked anyway (as a script or an old window would): refused as setup to do, not recorded as a failure.
  expect(await callRegister(page, 'backup.run', {})).toMatchObject({ ok: false, error: { code: 'backup.no_folder' } });
  await page.getByTestId('backup-list').click();
  await expect(section.getByTestId('error')).toHaveText('还没有设置备份文件夹：请在“备份文件夹”一栏填写路径并保存（管理 → 备份）。');
  await expect(page.getByTestId('backup-indicator')).toHaveText('尚未备份');
  await expect(page.getByTestId('backup-last-failure')).toHaveCount(0);
});
