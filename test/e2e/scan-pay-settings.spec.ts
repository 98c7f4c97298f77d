import { PaySimulator } from '../../main/providers/simulator/pay-simulator';
import { callRegister, expect, ringUpAdHoc, saleScreenReady, scan, setUpOwner, test } from './fixtures';

// The owner sets up both providers on the back office screen, pointing them at a provider
// simulator run by this test (its own keys, its own books): the sale that follows is paid there.
let sim: PaySimulator;
test.beforeEach(async () => {
  sim = await PaySimulator.start({ passwordMs: 500 });
});
test.afterEach(async () => {
  await sim.stop();
});

test('the owner enters WeChat Pay and Alipay credentials; secrets are never shown again, and a sale is paid through them', async ({ page, register }) => {
  await setUpOwner(page, register);
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-scan-pay').click();
  await expect(page.getByTestId('scan-simulator')).toBeVisible();

  const w = sim.wechatCredentials();
  await page.getByTestId('scan-wechat-app-id').fill(w.appId);
  await page.getByTestId('scan-wechat-mch-id').fill('MCH-1');
  await page.getByTestId('scan-wechat-sign-type').selectOption(w.signType);
  await page.getByTestId('scan-wechat-gateway').fill(w.gateway);
  await page.getByTestId('scan-wechat-api-key').fill(w.apiKey);
  await page.getByTestId('scan-wechat-save').click();
  // A malformed field is named as the form labels it.
  await expect(page.getByTestId('scan-wechat-form').getByTestId('error')).toHaveText('收银机拒绝了输入内容（商户号（mch_id）），请检查输入。');
  await page.getByTestId('scan-wechat-mch-id').fill(w.mchId);
  await page.getByTestId('scan-wechat-save').click();
  await expect(page.getByTestId('scan-wechat-form').getByTestId('notice')).toHaveText('扫码支付设置已保存。');
  await expect(page.getByTestId('scan-wechat-api-key')).toHaveValue('');
  await expect(page.getByTestId('scan-wechat-api-key')).toHaveAttribute('placeholder', '已保存：留空则保持不变');

  // A key that is not a key is refused with its own message, and nothing is stored.
  const a = sim.alipayCredentials();
  await page.getByTestId('scan-alipay-app-id').fill(a.appId);
  await page.getByTestId('scan-alipay-gateway').fill(a.gateway);
  await page.getByTestId('scan-alipay-private-key').fill('A'.repeat(200));
  await page.getByTestId('scan-alipay-public-key').fill(a.alipayPublicKey);
  await page.getByTestId('scan-alipay-save').click();
  await expect(page.getByTestId('scan-alipay-form').getByTestId('error')).toHaveText('无法读取该密钥（privateKey）：请粘贴密钥工具生成的完整密钥。');
  await page.getByTestId('scan-alipay-private-key').fill(a.privateKey);
  await page.getByTestId('scan-alipay-save').click();
  await expect(page.getByTestId('scan-alipay-form').getByTestId('notice')).toHaveText('扫码支付设置已保存。');

  // What the window gets back: the settings that are not secret, and whether each secret is stored.
  const config = (await callRegister(page, 'scanpay.getConfig', {})) as { ok: boolean; value: unknown };
  const text = JSON.stringify(config.value);
  for (const secret of [w.apiKey, a.privateKey, a.alipayPublicKey]) expect(text).not.toContain(JSON.stringify(secret).slice(1, 40));
  expect(config.value).toMatchObject({
    wechat: { appId: w.appId, mchId: w.mchId, gateway: w.gateway, hasApiKey: true, hasCertificate: false },
    alipay: { appId: a.appId, gateway: a.gateway, hasPrivateKey: true, hasAlipayPublicKey: true },
    simulator: false,
  });
  // After a reload the form shows the stored state, not the secrets.
  await page.reload();
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-scan-pay').click();
  await expect(page.getByTestId('scan-wechat-app-id')).toHaveValue(w.appId);
  await expect(page.getByTestId('scan-wechat-api-key')).toHaveValue('');
  await expect(page.getByTestId('scan-alipay-private-key')).toHaveValue('');
  await expect(page.getByTestId('scan-simulator')).toHaveCount(0);
  expect(await page.content()).not.toContain(w.apiKey);

  // A sale paid by Alipay goes to this simulator, signed with the key entered above.
  await page.getByTestId('back-to-sale').click();
  await saleScreenReady(page);
  await ringUpAdHoc(page, '纸巾', '6.50');
  await scan(page, '2812345678901234');
  await expect(page.getByTestId('completion')).toBeVisible({ timeout: 15_000 });
  expect(sim.entries()).toEqual([expect.objectContaining({ provider: 'alipay', netMinor: 650 })]);
});

test('the WeChat certificate picker speaks the screen’s language, not the browser’s ("Choose File"), and names the file picked', async ({ page, register }) => {
  await setUpOwner(page, register);
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-scan-pay').click();
  const wechatForm = page.getByTestId('scan-wechat-form');
  await expect(wechatForm).toContainText('选择 .p12 文件…');
  await expect(wechatForm).toContainText('未选择文件');
  await page
    .getByTestId('scan-wechat-certificate')
    .setInputFiles({ name: 'apiclient_cert.p12', mimeType: 'application/x-pkcs12', buffer: Buffer.from([0x30, 0x82]) });
  await expect(wechatForm).toContainText('apiclient_cert.p12');
  await expect(wechatForm).not.toContainText('未选择文件');
});
