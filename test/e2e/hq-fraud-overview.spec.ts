import { startHqRig } from '../support/hq-rig';
import { adHocCashSale, expect, setUpOwner, test } from './fixtures';
import { enrolAtHq } from './hq-steps';
import { inViewport } from './layout';

test('the owner sees the register’s open fraud alerts in Back office → HQ, in the words of the register’s fraud screen, and is told to acknowledge them there', async ({
  page,
  register,
}) => {
  test.setTimeout(150_000);
  const rig = await startHqRig();
  try {
    const code = await rig.newRegister('E2E-F1', 'E2F');
    await page.setViewportSize({ width: 1024, height: 768 });
    await setUpOwner(page, register);
    // Five sales under ¥5.00 within minutes: the fraud watch flags the burst for the register and for the owner who rang them up.
    for (const [i, price] of ['3', '4.5', '1.2', '4.99', '2.5'].entries()) {
      await adHocCashSale(page, { name: '口香糖', price, tendered: price, receiptNo: `R1-00000${i + 1}` });
    }

    await page.getByTestId('open-back-office').click();
    await page.getByTestId('back-office-nav-fraud').click();
    await expect(page.getByTestId('fraud-alert')).toHaveCount(2);
    const atRegister = await page.getByTestId('fraud-alert-explanation').allTextContents();
    expect(atRegister.every((text) => text.includes('10 分钟内有 5 笔低于'))).toBe(true);

    await enrolAtHq(page, rig.hq.url, code);
    await expect(page.getByTestId('hq-acked')).not.toContainText('总部已收 0 /');

    await page.getByTestId('back-office-nav-hq-overview').click();
    await expect(page.getByTestId('hq-register-E2E-F1')).toContainText('收银机 E2E-F1');
    // HQ itself found nothing wrong with the upload; the register's own alerts are listed apart.
    await expect(page.getByTestId('hq-overview-no-alerts')).toBeVisible();
    await expect(page.getByTestId('hq-fraud-ack-hint')).toContainText('须在各自的收银机上处理（该收银机的 管理 → 风控提醒）');
    const listed = page.getByTestId('hq-fraud-E2E-F1');
    await expect(listed.getByRole('heading', { name: '收银机 E2E-F1 · Register E2E-F1' })).toBeVisible();
    const alerts = listed.getByTestId('hq-fraud-alert');
    await expect(alerts).toHaveCount(2);
    await expect(alerts.first()).toContainText('短时间内多笔小额销售');
    await expect(alerts.first()).toContainText('相关小票：R1-000001、R1-000002、R1-000003、R1-000004、R1-000005');
    // Whom each is about, as the register named them: the register, and the owner who rang the sales up.
    await expect(listed).toContainText('对象：收银机 R1');
    await expect(listed).toContainText('对象：王店长');
    expect((await listed.getByTestId('hq-fraud-alert-explanation').allTextContents()).sort()).toEqual([...atRegister].sort());
    // Read-only here: nothing to acknowledge with.
    await expect(listed.getByRole('button')).toHaveCount(0);
    await alerts.last().scrollIntoViewIfNeeded();
    expect(await inViewport(alerts.last()), 'the last alert fits the window').toBe(true);
  } finally {
    await rig.close();
  }
});
