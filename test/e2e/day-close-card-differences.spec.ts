import { TerminalSimulator } from '../../main/hardware/terminal/simulator/simulator';
import { CURRENCY } from '../../main/hardware/terminal/commands';
import { callRegister, expect, nextSale, ringUpAdHoc, setUpOwner, test } from './fixtures';

// The day close in zh-CN at 1024×768 with a network terminal (the simulator over TCP) whose batch
// disagrees with the register twice in one card slot: receipt 1 booked ¥1.00 lower and a foreign
// ¥15.00 payment. The terminal gives no amount per receipt, so the Z says the totals differ by
// ¥14.00, which may combine several differences, and names no ¥14.00 payment.
test('a foreign payment and an under-booking in one slot: the Z says the totals differ, not that one ¥14.00 payment is missing', async ({ page, register }) => {
  // Two card payments over TCP and a day close: more than the default minute on a loaded machine.
  test.setTimeout(180_000);
  const started = await TerminalSimulator.startTcp({ port: 0, currency: CURRENCY.CNY });
  if (!started.ok) throw new Error(started.error.code);
  const sim = started.value;
  try {
    await setUpOwner(page, register);
    expect(await callRegister(page, 'terminal.setConfig', { config: { kind: 'tcp', host: '127.0.0.1', port: sim.tcpPort ?? 0 } })).toMatchObject({ ok: true });
    for (const price of ['20.00', '7.00']) {
      await ringUpAdHoc(page, '礼品卡套', price);
      await page.getByTestId('pay-card').click();
      await expect(page.getByTestId('completion')).toBeVisible({ timeout: 20_000 });
      await nextSale(page);
    }
    const [first] = sim.batch();
    sim.editBatch((entries, next) => {
      const last = entries[entries.length - 1];
      if (!last || !first) throw new Error('empty batch');
      const edited = entries.map((e) => (e.receiptNo === first.receiptNo ? { ...e, amountMinor: first.amountMinor - 100 } : e));
      return [...edited, { ...last, receiptNo: next(), amountMinor: 1500 }];
    });

    await page.getByTestId('open-back-office').click();
    await page.getByTestId('back-office-nav-day-close').click();
    await page.getByTestId('force-reason-1').fill('日结');
    await page.getByTestId('day-close-run').click();
    await page.getByTestId('day-close-confirm').click();
    await expect(page.getByTestId('z-title')).toContainText('Z 报表 #1', { timeout: 20_000 });
    await expect(page.getByTestId('reconciliation-status')).toHaveText('终端与收银有差异：');
    const line = page.getByTestId('difference-missing_on_register');
    await expect(line).toHaveText(
      /^.+：终端比收银多 1 笔 · 终端凭证 3 · 合计相差 ¥14\.00（终端 ¥41\.00 \/ 收银 ¥27\.00），可能由多处差异合成：终端不提供每张凭证的金额$/,
    );
    await expect(page.getByTestId('reconciliation-differences')).not.toContainText('收银无此交易');
  } finally {
    await sim.stop();
  }
});
