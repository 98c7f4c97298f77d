import { axeViolations } from './axe';
import { VirtualPrinter } from '../../main/hardware/printer/virtual-printer';
import { tokenizeEscPos } from '../support/escpos-tokenizer';
import { connectPrinter, expect, nextSale, saleScreenReady, scan, setUpOwner, test } from './fixtures';
import { brokenTokens, horizontalScroll, overflowAndClipping, smallTargets, tablesOutOfTheirBox } from './layout';
import { BREAD, returnWaterOfFirstReceipt, sellWaterForCash } from './refund-steps';

// 换货 / Exchange in zh-CN, in browser mode: a water comes back from a cash sale, a dearer bread
// is rung up in its place, the customer pays the difference in cash, and both documents print.

test('exchanges one item for a dearer one: the difference paid in cash, the return and the new sale on paper', async ({ page, register }) => {
  const printer = await VirtualPrinter.start({ port: 0 });
  try {
    await setUpOwner(page, register);
    await connectPrinter(page, printer.port);
    await page.getByTestId('back-to-sale').click();
    await saleScreenReady(page);

    await sellWaterForCash(page);
    await expect(page.getByTestId('completion')).toBeVisible();
    const sold = (await printer.waitForJobs(2)).length;
    await nextSale(page);

    // The same lookup as a return: the receipt's number, the line, a reason; then 换货.
    await returnWaterOfFirstReceipt(page);
    await expect(page.getByTestId('refund-plan-total')).toHaveText('¥2.00');
    // Two buttons side by side, each its own: 换货 ends before 确认退款 begins, with room between.
    const [exchangeBox, confirmBox] = [await page.getByTestId('refund-exchange').boundingBox(), await page.getByTestId('refund-confirm').boundingBox()];
    expect(confirmBox!.x - (exchangeBox!.x + exchangeBox!.width)).toBeGreaterThanOrEqual(8);
    await page.getByTestId('refund-exchange').click();

    // Back at the sale, the credit on screen; the new goods are rung up as any sale.
    const panel = page.getByTestId('exchange-panel');
    await expect(panel.getByRole('heading')).toHaveText('换货 · 退回小票 R1-000001 的商品');
    await expect(panel.getByTestId('exchange-credit')).toHaveText('¥2.00');
    await scan(page, BREAD);
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await expect(panel.getByTestId('exchange-new-total')).toHaveText('¥8.50');
    await expect(panel.getByTestId('exchange-difference')).toHaveText('¥6.50');
    await expect(panel.getByText('顾客补差价')).toBeVisible();
    // The panel fits beside the cart and passes the same audit as the counter's other screens.
    expect(await horizontalScroll(page)).toEqual([]);
    expect(await overflowAndClipping(page)).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);

    // The sale's own tenders would sell the bread without the credit: F12 says where to pay.
    await page.keyboard.press('F12');
    await expect(page.getByText('换货请在购物车旁的换货面板中收取现金，或先退出换货。')).toBeVisible();
    await expect(panel).toBeVisible();

    // Too little cash is said and nothing happens; enough completes both.
    await panel.getByTestId('exchange-tendered').fill('5');
    await panel.getByTestId('exchange-confirm').click();
    await expect(panel.getByTestId('error')).toHaveText('请输入顾客交付的现金：至少 ¥6.50。');
    await panel.getByTestId('exchange-tendered').fill('10');
    await panel.getByTestId('exchange-confirm').click();
    const done = page.getByTestId('completion');
    await expect(done.getByTestId('receipt-no')).toHaveText('R1-000003');
    await expect(done.getByTestId('change-due')).toHaveText('¥3.50');

    // On paper: the 退货单 of the water against the original receipt, and the sale of the bread.
    const printed = (await printer.waitForJobs(sold + 4)).slice(sold).map((j) => tokenizeEscPos(j.bytes).lines.join('\n'));
    const all = printed.join('\n');
    for (const s of ['退货单', 'R1-000001', 'R1-000002', '农夫山泉', '-￥2.00', 'R1-000003', '全麦面包', '￥8.50']) expect(all).toContain(s);
    // Each receipt names the other half of the exchange.
    const refundPaper = printed.find((p) => p.includes('退货单')) ?? '';
    const salePaper = printed.find((p) => p.includes('全麦面包')) ?? '';
    expect(refundPaper).toMatch(/换货新销售小票 +R1-000003/);
    expect(salePaper).toMatch(/换货退货小票 +R1-000002/);
    // The water's ¥2.00 paid for the bread: the return says so, and never that cash went back.
    expect(refundPaper).toMatch(/转入换货新销售 +-￥2\.00\n +R1-000003\n/);
    expect(refundPaper).not.toContain('退回现金');
    // The completion screen shows the return's receipt as it prints.
    const partner = page.getByTestId('done-exchange-receipt');
    await expect(partner).toContainText('转入换货新销售');
    await expect(partner).not.toContainText('退回现金');

    await nextSale(page);

    // The back office's document list ties the two halves to each other.
    await page.getByTestId('open-back-office').click();
    await page.getByTestId('back-office-nav-documents').click();
    const table = page.getByRole('table', { name: '单据' });
    await expect(table.locator('[data-kind="refund"]').getByTestId('document-related')).toHaveText('更正 R1-000001换货新销售 R1-000003');
    await expect(table.locator('[data-kind="sale"]').getByTestId('document-exchange')).toHaveText('换货退货单 R1-000002');
    // The credit is booked as cash on both halves; the list says so rather than let it pass for drawer cash.
    await expect(table.locator('[data-kind="refund"]').getByTestId('document-tenders')).toHaveText('现金 · 含换货抵扣');
    await expect(table.locator('[data-receipt-no="3"]').getByTestId('document-tenders')).toHaveText('现金 · 含换货抵扣');
    // The day's X shows the ¥2.00 of credit inside the cash tender's in and out.
    await page.getByTestId('back-office-nav-day-close').click();
    await page.getByTestId('x-day').click();
    await expect(page.getByTestId('x-report').getByTestId('report-tender-exchange-credit')).toContainText('1 · ¥2.00');
    // At 1024×768 each figure of the X stays whole (1 · ¥2.00 broke into "1 ·" and "¥2.00") and every table fits its column.
    await page.setViewportSize({ width: 1024, height: 768 });
    await expect(page.getByTestId('x-report').getByTestId('report-tender-exchange-credit').locator('td').first()).toHaveText('1 · ¥2.00');
    expect(await brokenTokens(page)).toEqual([]);
    expect(await tablesOutOfTheirBox(page)).toEqual([]);
    await page.getByTestId('back-to-sale').click();
    await saleScreenReady(page);

    // The water is no longer returnable.
    await page.keyboard.press('F7');
    await page.getByTestId('refund-code').fill('R1-000001');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('refund-line').filter({ hasText: '农夫山泉' }).getByTestId('refund-line-left')).toHaveText('0 · ¥0.00');
  } finally {
    await printer.close();
  }
});

test('pays a dearer exchange’s difference by card through the demo terminal; the return completes with the sale', async ({ page, register }) => {
  await setUpOwner(page, register);
  await sellWaterForCash(page);
  await expect(page.getByTestId('completion')).toBeVisible();
  await nextSale(page);

  await returnWaterOfFirstReceipt(page);
  await expect(page.getByTestId('refund-plan-total')).toHaveText('¥2.00');
  await page.getByTestId('refund-exchange').click();
  // Back on the sale screen, listening, before the scan.
  await saleScreenReady(page);
  await scan(page, BREAD);
  const panel = page.getByTestId('exchange-panel');
  await expect(panel.getByTestId('exchange-difference')).toHaveText('¥6.50');

  // The terminal is asked for the difference only; the sale then completes, and its return with it.
  await panel.getByTestId('exchange-pay-card').click();
  const done = page.getByTestId('completion');
  await expect(done).toBeVisible({ timeout: 15_000 });
  await expect(done.getByTestId('payment-row')).toHaveCount(2);
  await expect(done.getByTestId('payment-row').filter({ hasText: '银行卡' })).toContainText('¥6.50');
  // The return completed with the sale: its receipt on screen says its ¥2.00 went into this sale.
  const partner = page.getByTestId('done-exchange-receipt');
  await expect(partner).toContainText('转入换货新销售');
  await expect(partner).toContainText('R1-000003');
  await expect(partner).not.toContainText('退回现金');
  await nextSale(page);
  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('R1-000001');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('refund-line').filter({ hasText: '农夫山泉' }).getByTestId('refund-line-left')).toHaveText('0 · ¥0.00');
  await expect(page.getByTestId('refund-sale-corrections')).toContainText('R1-000003');
});
