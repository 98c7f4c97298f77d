import type { Page } from '@playwright/test';
import { VirtualPrinter } from '../../main/hardware/printer/virtual-printer';
import { CURRENCY } from '../../main/hardware/terminal/commands';
import { TerminalSimulator } from '../../main/hardware/terminal/simulator/simulator';
import { tokenizeEscPos } from '../support/escpos-tokenizer';
import { callRegister, connectPrinter, expect, nextSale, ringUpAdHoc, saleScreenReady, setUpOwner, test } from './fixtures';
import { closedPort } from '../support/closed-port';

// A printer and a card terminal failing at the till, in Chinese at 1024×768: a drawer that could not
// open is never opened later, paper asked for while the printer is gone says it is queued, a
// terminal gone quiet after the bank approved says the card may have been charged and takes
// Cancel, and after a card that did not pay, Enter alone is not "exact cash".
test.use({ viewport: { width: 1024, height: 768 } });

async function useTerminal(page: Page, port: number): Promise<void> {
  const saved = (await callRegister(page, 'terminal.setConfig', { config: { kind: 'tcp', host: '127.0.0.1', port } })) as { ok: boolean };
  expect(saved.ok).toBe(true);
}

test('printer switched off: the drawer is opened with the key and never by itself later; the X report says it is queued', async ({ page, register }) => {
  let printer = await VirtualPrinter.start({ port: 0 });
  const port = printer.port;
  try {
    await setUpOwner(page, register);
    await connectPrinter(page, port);
    await page.getByTestId('back-to-sale').click();
    await saleScreenReady(page);

    await printer.close();
    const banner = page.getByTestId('hardware-banner');
    await ringUpAdHoc(page, '矿泉水', '9.90');
    await page.getByTestId('tendered').fill('10');
    await page.getByTestId('take-cash').click();
    await expect(page.getByTestId('receipt-no')).toHaveText('R1-000001');
    await expect(banner).toContainText('钱箱没有打开，请用钥匙打开。之后钱箱不会自动弹开。', { timeout: 10_000 });
    await nextSale(page);

    // The X report asked for now waits for the printer, and says so.
    await page.getByTestId('open-back-office').click();
    await page.getByTestId('back-office-nav-day-close').click();
    await page.getByTestId('x-day').click();
    await page.getByTestId('x-print').click();
    await expect(page.getByTestId('notice')).toHaveText('已排队：打印机没有应答或未就绪，恢复后会自动打印。');

    // The printer is back at its address: the receipt and the X print, the drawer stays shut.
    printer = await VirtualPrinter.start({ port });
    await expect.poll(() => printer.jobs().length, { timeout: 20_000 }).toBe(2);
    const [receipt, x] = printer.jobs().map((j) => tokenizeEscPos(j.bytes).lines.join('\n'));
    expect(receipt).toContain('矿泉水');
    expect(x).toContain('X 报表');
    await printer.waitForStatusRequests(printer.statusRequestsAnswered() + 6);
    expect(printer.drawerPulses()).toEqual([]);
    // Printing again with the printer there is "sent".
    await page.getByTestId('x-print').click();
    await expect(page.getByTestId('notice')).toHaveText('已发送到打印机。');
  } finally {
    await printer.close();
  }
});

test('card terminal silent after the bank approved: the cashier is told the card may have been charged, Cancel is acknowledged, the approval is found', async ({
  page,
  register,
}) => {
  test.setTimeout(120_000);
  const started = await TerminalSimulator.startTcp({ port: 0, currency: CURRENCY.CNY });
  if (!started.ok) throw new Error(started.error.code);
  const sim = started.value;
  try {
    await setUpOwner(page, register);
    await useTerminal(page, sim.tcpPort ?? 0);
    await expect(page.getByTestId('hardware-banner')).toBeHidden({ timeout: 10_000 });
    sim.script({ silentAfter: 'decision' });
    await ringUpAdHoc(page, '毛巾', '15.00');
    await page.keyboard.press('F11');
    const step = page.getByTestId('card-step');
    await expect(step).toHaveText('请稍候…', { timeout: 10_000 });
    // Some 20 s without a word from the terminal (its T4 of 180 s still runs).
    await expect(step).toHaveText('终端没有应答。这张卡可能已经扣款：请查看终端屏幕或签购单，不要再次刷卡。', { timeout: 30_000 });
    await page.screenshot({ path: test.info().outputPath('silent-terminal.png') });
    await page.getByTestId('card-cancel').click();
    await expect(step).toHaveText('已发送取消，但终端没有应答。收银机几秒后停止等待，并向终端查询结果。不要再次刷卡。');
    // The register stops waiting and asks the terminal: the approval is booked once.
    await expect(page.getByTestId('completion')).toBeVisible({ timeout: 30_000 });
    expect(sim.batch().filter((b) => b.amountMinor === 1500)).toHaveLength(1);
  } finally {
    await sim.stop();
  }
});

test('network terminal switched off: named by its address; after the card fails, Enter alone does not book exact cash', async ({ page, register }) => {
  await setUpOwner(page, register);
  const port = await closedPort();
  await useTerminal(page, port);
  const banner = page.getByTestId('hardware-banner');
  await expect(banner).toContainText(`刷卡终端在 127.0.0.1:${port} 没有应答（是否已关机或断开网线？）。`, { timeout: 10_000 });

  await ringUpAdHoc(page, '面包', '20.00');
  await page.keyboard.press('F11');
  await expect(page.getByTestId('payment')).toContainText('银行卡终端未连接。');
  await expect(page.getByTestId('tendered')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('payment')).toContainText('刷卡未成功。请输入收到的现金，或点选金额：现在单按回车不算收足现金。');
  await expect(page.getByTestId('completion')).toHaveCount(0);
  const sale = (await callRegister(page, 'sale.current', {})) as { value: { payments: unknown[]; status: string } };
  expect(sale.value).toMatchObject({ status: 'open', payments: [] });
  // Cash typed: Enter takes it.
  await page.keyboard.type('50');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('completion')).toBeVisible();
  await expect(page.getByTestId('completion')).toContainText('¥30.00');
});
