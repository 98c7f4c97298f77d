import { startHqRig } from '../support/hq-rig';
import { adHocCashSale, expect, setUpOwner, test } from './fixtures';
import { enrolAtHq } from './hq-steps';
import { inViewport } from './layout';

test('a till that sold and has not closed its day says so on the owner’s HQ view, and the Z check says those sales are not covered yet', async ({
  page,
  register,
}) => {
  test.setTimeout(120_000);
  const rig = await startHqRig();
  try {
    const code = await rig.newRegister('NC-R1', 'NC');
    await page.setViewportSize({ width: 1024, height: 768 });
    await setUpOwner(page, register);
    await adHocCashSale(page, { name: '矿泉水', price: '3', tendered: '3', receiptNo: 'R1-000001' });
    await adHocCashSale(page, { name: '面包', price: '2', tendered: '2', receiptNo: 'R1-000002' });
    await page.getByTestId('open-back-office').click();
    await enrolAtHq(page, rig.hq.url, code);

    await page.getByTestId('back-office-nav-hq-overview').click();
    // No Z: the Z sums stay 0, and the row says why, with what HQ holds.
    const note = '尚未日结：已上传 2 单 ¥5.00';
    await expect(page.getByTestId('hq-register-NC-R1-day-not-closed')).toContainText(note);
    await expect(page.getByTestId('hq-shop-NC-day-not-closed')).toContainText(note);
    await expect(page.getByTestId('hq-register-NC-R1-month-not-closed')).toContainText(note);
    await page.getByTestId('hq-register-NC-R1').scrollIntoViewIfNeeded();
    expect(await inViewport(page.getByTestId('hq-register-NC-R1').locator('td').last()), 'last upload in the window').toBe(true);
    expect(await inViewport(page.getByTestId('hq-register-NC-R1-day-not-closed')), 'the note in the window').toBe(true);
    await expect(page.getByTestId('hq-overview-no-differences')).toContainText('尚未日结的销售还没有 Z 报表可核对（不是错误）');
    await expect(page.getByTestId('hq-overview-uncovered')).toContainText('收银机 NC-R1');
    await expect(page.getByTestId('hq-overview-uncovered')).toContainText('2 单 ¥5.00，尚无 Z 报表');
    await expect(page.getByTestId('hq-register-NC-R1-day-not-closed')).toHaveAttribute('title', /未计入上面的 Z 报表数字/);
    await expect(page.getByTestId('hq-overview-no-alerts')).toBeVisible();
  } finally {
    await rig.close();
  }
});
