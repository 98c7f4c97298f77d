import { VirtualPrinter } from '../../main/hardware/printer/virtual-printer';
import { TerminalSimulator } from '../../main/hardware/terminal/simulator/simulator';
import { tokenizeEscPos } from '../support/escpos-tokenizer';
import { closePagesAndStop, expect, openShift, saleScreenReady, scan, startRegister, test, openPayment } from './fixtures';

// The first-run wizard in Chinese, from an empty data folder (no demo) to a first sale: the owner,
// the store, the register, the receipt, the demo products, a printer tested on the virtual
// printer and a card terminal tested against the simulator. Then the products scan and sell.
test('first-run wizard in zh-CN: empty data folder to a first sale with a tested printer and terminal', async ({ page }) => {
  const printer = await VirtualPrinter.start({ port: 0 });
  const sim = await TerminalSimulator.startTcp({ port: 0 });
  if (!sim.ok) throw new Error(`simulator: ${sim.error.code}`);
  const { register, stop } = await startRegister({ demo: false });
  try {
    await page.goto(register.url);
    await expect(page.getByRole('heading', { name: '欢迎使用 Ringup' })).toBeVisible();
    await page.getByLabel('店主姓名').fill('林店长');
    await page.getByLabel('密码（4–8 位数字）').fill('2580');
    await page.getByLabel('再次输入密码').fill('2580');
    await page.getByLabel('店铺名称').fill('林记便利店');
    await page.getByLabel('店铺语言').selectOption('zh-CN');
    await page.getByRole('button', { name: '创建店主并开始' }).click();

    const step = page.getByTestId('wizard-step');
    await expect(step).toHaveText('店铺信息');
    await page.getByTestId('wizard-storeAddress').fill('上海市徐汇区漕溪北路 88 号');
    await page.getByTestId('wizard-storeTaxId').fill('91310104MA1FR0XX3K');
    await page.getByTestId('wizard-storePhone').fill('021-5555 0000');
    await page.getByTestId('wizard-save').click();

    await expect(step).toHaveText('收银机');
    await page.getByTestId('wizard-registerId').fill('R9');
    await page.getByTestId('wizard-save').click();

    await expect(step).toHaveText('小票');
    // Receipts follow the store's language unless the owner picks another for them.
    await expect(page.getByLabel('小票语言').locator('option:checked')).toHaveText('与店铺语言相同（中文）');
    await page.getByTestId('wizard-receiptFooter').fill('谢谢惠顾，欢迎再来！');
    await page.getByTestId('wizard-save').click();

    // Tax rates: China's four are there already; going back and forth keeps what was saved.
    await expect(step).toHaveText('税率');
    await expect(page.getByTestId('tax-rate-row')).toHaveCount(4);
    // Rates are kept as they are added: the way on says 下一步, not 跳过 as if they would be lost.
    await expect(page.getByTestId('wizard-skip')).toHaveText('下一步');
    await page.getByTestId('wizard-back').click();
    await expect(page.getByTestId('wizard-skip')).toHaveText('跳过');
    await expect(step).toHaveText('小票');
    await expect(page.getByTestId('wizard-receiptFooter')).toHaveValue('谢谢惠顾，欢迎再来！');
    await page.getByTestId('wizard-skip').click();
    await page.getByTestId('wizard-skip').click();

    await expect(step).toHaveText('商品');
    await page.getByTestId('wizard-demo').click();
    await expect(page.getByTestId('wizard-demo-done')).toHaveText('已导入 16 件商品。');
    await page.getByTestId('wizard-skip').click();

    // The printer: connected to the virtual printer and tested; a test page that cannot print says why.
    await expect(step).toHaveText('打印机');
    await page.getByTestId('printer-enabled').check();
    await page.getByTestId('printer-host').fill('127.0.0.1');
    await page.getByTestId('printer-port').fill(String(printer.port));
    await page.getByTestId('printer-save').click();
    await expect(page.getByTestId('notice')).toHaveText('打印机设置已保存。');
    printer.setStatus('paper_out');
    await page.getByTestId('printer-test').click();
    await expect(page.getByTestId('error')).toContainText('缺纸');
    printer.setStatus('ok');
    await page.getByTestId('printer-test').click();
    await expect(page.getByTestId('notice')).toContainText('测试页已发送');
    await printer.waitForJobs(1);
    await page.getByTestId('wizard-skip').click();

    // The card terminal: the simulator over TCP, tested by a status enquiry.
    await expect(step).toHaveText('刷卡终端');
    await page.getByLabel('连接方式').selectOption('tcp');
    await page.getByLabel('主机名或 IP 地址').fill('127.0.0.1');
    await page.getByLabel('端口').fill(String(sim.value.tcpPort ?? 0));
    await page.getByRole('button', { name: '保存并连接' }).click();
    await expect(page.getByTestId('notice')).toHaveText('已保存，收银机正在连接终端。');
    await expect(async () => {
      await page.getByTestId('self-check-run').click();
      await expect(page.getByTestId('check-terminal-state')).toHaveText('正常', { timeout: 1000 });
    }).toPass({ timeout: 15_000 });
    await expect(page.getByTestId('check-terminal')).toContainText('RINGUP-SIM');
    await page.getByTestId('wizard-skip').click();

    // Finished: the owner opens the first shift of register R9, and the demo products sell.
    await expect(page.getByTestId('operator-name')).toContainText('林店长');
    await openShift(page);
    await saleScreenReady(page);
    await scan(page, '6902345678903');
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await expect(page.getByTestId('cart-line')).toContainText('可口可乐 330ml');
    await openPayment(page);
    await page.keyboard.type('5');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('receipt-no')).toHaveText('R9-000001');
    // After the test page: the drawer kick (a cash sale) and the receipt.
    const jobs = await printer.waitForJobs(3);
    const receipt = jobs.map((j) => tokenizeEscPos(j.bytes).lines.join('\n')).join('\n');
    expect(receipt).toContain('林记便利店');
    // The number the completion screen showed is the one on paper.
    expect(receipt).toContain('R9-000001');
    expect(receipt).toContain('电话：021-5555 0000');

    // The wizard is done: a reload goes straight to the register.
    await page.reload();
    await expect(page.getByTestId('operator-name')).toContainText('林店长');
    await expect(page.getByTestId('wizard')).toHaveCount(0);
  } finally {
    await closePagesAndStop(page.context(), stop);
    await sim.value.stop();
    await printer.close();
  }
});
