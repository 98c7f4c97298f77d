import { CURRENCY } from '../../main/hardware/terminal/commands';
import { TerminalSimulator } from '../../main/hardware/terminal/simulator/simulator';
import { callRegister, expect, ringUpAdHoc, setUpOwner, test } from './fixtures';

// A customer slow at the PIN pad, in Chinese at 1024×768: after the 20 s silence notice the card
// step says the terminal is waiting for the customer and nothing is charged yet (not that the
// card may have been charged), and Cancel still stops the payment.
test.use({ viewport: { width: 1024, height: 768 } });

test('slow PIN entry: the cashier reads that the terminal waits for the customer; Cancel ends the payment with nothing charged', async ({ page, register }) => {
  test.setTimeout(120_000);
  const started = await TerminalSimulator.startTcp({ port: 0, currency: CURRENCY.CNY });
  if (!started.ok) throw new Error(started.error.code);
  const sim = started.value;
  try {
    await setUpOwner(page, register);
    const saved = (await callRegister(page, 'terminal.setConfig', { config: { kind: 'tcp', host: '127.0.0.1', port: sim.tcpPort ?? 0 } })) as { ok: boolean };
    expect(saved.ok).toBe(true);
    await expect(page.getByTestId('hardware-banner')).toBeHidden({ timeout: 10_000 });
    // The customer takes a minute over the PIN (the terminal waits; ZVT's T4 is 180 s).
    sim.script({ pinDelayMs: 60_000 });
    await ringUpAdHoc(page, '毛巾', '15.00');
    await page.keyboard.press('F11');
    const step = page.getByTestId('card-step');
    await expect(step).toHaveText('请顾客输入密码', { timeout: 10_000 });
    // Some 20 s without a word from the terminal.
    await expect(step).toHaveText('终端正在等待顾客出示银行卡或输入密码，尚未扣款。请协助顾客，或按取消。', { timeout: 30_000 });
    await page.screenshot({ path: test.info().outputPath('waiting-for-customer.png') });
    await page.getByTestId('card-cancel').click();
    // The terminal is alive and takes the abort: the payment ends as cancelled, the sale stays open.
    await expect(page.getByTestId('payment')).toContainText('刷卡已取消', { timeout: 10_000 });
    await expect(page.getByTestId('completion')).toHaveCount(0);
    expect(sim.batch().filter((b) => b.amountMinor === 1500)).toHaveLength(0);
  } finally {
    await sim.stop();
  }
});
