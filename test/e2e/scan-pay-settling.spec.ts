import { PaySimulator } from '../../main/providers/simulator/pay-simulator';
import { Relay } from '../support/tcp-relay';
import { callRegister, expect, ringUpAdHoc, scan, setUpOwner, test } from './fixtures';

// The owner's list of scan-to-pay attempts still settling (zh-CN). The register talks to a
// provider simulator run by the test behind a TCP relay: the payment of ¥12.36 (the simulator's
// "reply lost") leaves, then the relay refuses every connection, so the register keeps asking in
// vain. A second window, open on the back office, lists the attempt; let through, the next query finds
// it paid, the sale completes and the list empties by itself.
test('an attempt whose reply was lost is listed as settling until the provider answers again', async ({ page, register }) => {
  const sim = await PaySimulator.start({ passwordMs: 150 });
  const relay = await Relay.start(sim.port);
  try {
    await setUpOwner(page, register);
    const w = sim.wechatCredentials();
    expect(
      await callRegister(page, 'scanpay.setConfig', {
        settings: { provider: 'wechat', appId: w.appId, mchId: w.mchId, signType: w.signType, gateway: `http://127.0.0.1:${relay.port}`, apiKey: w.apiKey },
      }),
    ).toMatchObject({ ok: true });
    // The owner's window is open on the back office before the payment starts (a window opened
    // during it follows the payment instead: payment-resume.spec.ts).
    const office = await page.context().newPage();
    await office.goto(register.url);
    await office.getByTestId('open-back-office').click();
    await office.getByTestId('back-office-nav-scan-settling').click();
    await expect(office.getByTestId('settling-none')).toBeVisible();

    await ringUpAdHoc(page, '矿泉水整箱', '12.36');
    relay.mode = 'once';
    await scan(page, '134567890123456789');
    await expect(page.getByTestId('scan-step')).toBeVisible();

    const row = office.getByTestId('settling-attempt');
    await expect(row).toHaveCount(1, { timeout: 15_000 });
    await expect(row.getByTestId('settling-provider')).toHaveText('微信支付');
    await expect(row.getByTestId('settling-amount')).toHaveText('¥12.36');
    await expect(row.getByTestId('settling-state')).toHaveText(/结果未知，正在查询|已发送，等待回复/);
    await expect(row.getByTestId('settling-order')).toHaveText(/^\w{4}\*{4}\w{6}$/);
    await expect(row.getByTestId('settling-sale')).toContainText('未完成销售');
    await expect(row).toContainText('收银台正在等待');

    relay.mode = 'forward';
    await expect(office.getByTestId('settling-none')).toHaveText('没有结果待定的扫码付款。', { timeout: 30_000 });
    await expect(page.getByTestId('completion')).toBeVisible({ timeout: 30_000 });
    await office.close();
  } finally {
    await relay.stop();
    await sim.stop();
  }
});
