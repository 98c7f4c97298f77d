import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebRegister, type WebRegister } from '../support/web-register';
import { restartAndLogIn } from './restart-steps';
import { closePagesAndStop, expect, nextSale, setUpOwner, test } from './fixtures';
import { exchangeFor, sellWaterForCash } from './refund-steps';

// An exchange's difference paid by card at 1024×768, and the register process killed while the
// customer enters the PIN. After the restart the payment panel carries the exchange's note above
// the card tender, and recovery's answer below it: the cashier sees all of it without scrolling.
test.use({ viewport: { width: 1024, height: 768 } });

test('exchange paid by card, register restarted at the PIN: the answer from recovery is in full view below the exchange note', async ({ page, context }) => {
  test.setTimeout(120_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'ringup-web-exchange-restart-'));
  let current: WebRegister = await startWebRegister({ dataDir });
  try {
    await setUpOwner(page, current);
    await sellWaterForCash(page);
    await expect(page.getByTestId('completion')).toBeVisible();
    await nextSale(page);
    await exchangeFor(page, 'R1-000001', '农夫山泉');
    // 10.47 against the 2.00 credit: 8.47 by card, kept 8 s on the PIN by the demo terminal.
    await page.keyboard.press('F4');
    const adHoc = page.getByRole('dialog', { name: '临时商品' });
    await adHoc.getByLabel('商品名称').fill('保温杯');
    await adHoc.getByLabel('单价').fill('10.47');
    await adHoc.getByRole('button', { name: '加入销售' }).click();
    await expect(adHoc).toBeHidden();
    await page.getByTestId('exchange-panel').getByTestId('exchange-pay-card').click();
    await expect(page.getByTestId('card-step')).toHaveText('请顾客输入密码', { timeout: 10_000 });

    current = await restartAndLogIn(page, current, dataDir);

    await expect(page.getByTestId('payment-exchange')).toBeVisible({ timeout: 20_000 });
    const answer = page.getByTestId('error');
    await expect(answer).toHaveText('收银机重新启动，这笔刷卡没有完成，未扣款。可以再次刷卡。', { timeout: 20_000 });
    await expect(answer).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('pay-card')).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('amount-due')).toHaveText('¥8.47');
    await page.screenshot({ path: test.info().outputPath('exchange-card-after-restart.png') });
  } finally {
    await closePagesAndStop(context, current.stop);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
