import { randomUUID } from 'node:crypto';
import { VirtualPrinter } from '../../main/hardware/printer/virtual-printer';
import { tokenizeEscPos } from '../support/escpos-tokenizer';
import { adHocCashSale, callRegister, connectPrinter, expect, saleScreenReady, setUpOwner, test } from './fixtures';

// The print queue and "no sale" in Chinese at 1024×768, printing to the virtual printer over TCP:
// with the paper out an X and a paid-out slip wait behind the receipt (never 已打印 before the
// printer took them) and each job is named as the owner looks for it; a no-sale without a reason
// is asked for one, and one the printer could not take says the drawer did not open.
test.use({ viewport: { width: 1024, height: 768 } });

test('paper out: the receipt, the X and a paid-out slip wait, named as the owner knows them, and print in that order when the paper is back', async ({
  page,
  register,
}) => {
  const printer = await VirtualPrinter.start({ port: 0 });
  try {
    await setUpOwner(page, register);
    await connectPrinter(page, printer.port);
    await page.getByTestId('back-to-sale').click();
    await saleScreenReady(page);

    const banner = page.getByTestId('hardware-banner');
    printer.setStatus('paper_out');
    await expect(banner).toContainText('打印机缺纸');
    await adHocCashSale(page, { name: '矿泉水', price: '9.90', tendered: '10', receiptNo: 'R1-000001' });

    await page.getByTestId('open-back-office').click();
    await page.getByTestId('back-office-nav-day-close').click();
    await page.getByTestId('x-day').click();
    await page.getByTestId('x-print').click();
    await expect(page.getByTestId('notice')).toHaveText('已排队：打印机没有应答或未就绪，恢复后会自动打印。');
    expect(await callRegister(page, 'cash.move', { kind: 'paid_out', amountMinor: 1550, reason: '买冰块', idempotencyKey: randomUUID() })).toMatchObject({
      ok: true,
    });

    await page.getByTestId('back-office-nav-print-queue').click();
    const queue = page.getByRole('table', { name: '打印队列' });
    const row = (name: string) => queue.getByTestId('print-job').filter({ has: page.getByTestId('print-job-what').getByText(name, { exact: true }) });
    // Each paper job waits for the paper; the drawer kicks need none and went out.
    for (const name of ['小票 R1-000001', 'X 报表（当日）', '现金存取凭单：支出 ¥15.50'])
      await expect(row(name).getByTestId('print-job-state')).toHaveText('等待中');
    await expect(row('开钱箱：小票 R1-000001').getByTestId('print-job-state')).toHaveText('已打印');
    await expect(row('开钱箱：现金存取 支出 ¥15.50').getByTestId('print-job-state')).toHaveText('已打印');
    await expect(queue.getByTestId('print-job-what')).toHaveCount(5);
    // No internal code on screen.
    await expect(queue).not.toContainText(/x:day|cash:\d|z:\d/);
    expect(printer.jobs()).toHaveLength(0);
    expect(printer.heldJobs()).toBe(0);

    // Paper back: the receipt that waited first, then the X, then the slip.
    printer.setStatus('ok');
    const printed = (await printer.waitForJobs(3, 15_000)).map((j) => tokenizeEscPos(j.bytes).lines.join('\n'));
    expect(printed[0]).toContain('矿泉水');
    expect(printed[1]).toContain('X 报表');
    expect(printed[2]).toContain('现金存取凭单');
    await page.getByRole('button', { name: '刷新' }).click();
    for (const name of ['小票 R1-000001', 'X 报表（当日）', '现金存取凭单：支出 ¥15.50'])
      await expect(row(name).getByTestId('print-job-state')).toHaveText('已打印');

    // The Z and its copy: Z 报表 #1, Z 报表 #1（副本 #1）.
    const shift = (await callRegister(page, 'shift.current', {})) as { value: { shift: { id: number } } };
    const status = (await callRegister(page, 'dayClose.status', {})) as { value: { businessDay: string } };
    expect(
      await callRegister(page, 'dayClose.close', {
        businessDay: status.value.businessDay,
        forceClose: [{ shiftId: shift.value.shift.id, reason: '交班' }],
        idempotencyKey: randomUUID(),
      }),
    ).toMatchObject({ ok: true });
    expect(await callRegister(page, 'zReport.reprint', { zNo: 1 })).toMatchObject({ ok: true });
    await page.getByRole('button', { name: '刷新' }).click();
    await expect(row('Z 报表 #1')).toHaveCount(1);
    await expect(row('Z 报表 #1（副本 #1）')).toHaveCount(1);
  } finally {
    await printer.close();
  }
});

test('no sale: an empty reason is asked for and nothing is sent; with the printer gone the drawer did not open, said once, never "sent"', async ({
  page,
  register,
}) => {
  let printer = await VirtualPrinter.start({ port: 0 });
  const port = printer.port;
  try {
    await setUpOwner(page, register);
    await connectPrinter(page, port);
    await page.getByTestId('back-office-nav-drawer').click();
    const form = page.getByTestId('drawer-form');
    const reason = form.getByTestId('drawer-reason');

    // No reason: asked for, the field marked, nothing queued.
    await form.getByTestId('drawer-open').click();
    await expect(form.getByTestId('error')).toHaveText('请填写开钱箱原因。');
    await expect(reason).toHaveAttribute('aria-invalid', 'true');
    await expect(reason).toBeFocused();
    await reason.fill('   ');
    await form.getByTestId('drawer-open').click();
    await expect(form.getByTestId('error')).toHaveText('请填写开钱箱原因。');
    expect(await callRegister(page, 'printer.jobs', {})).toMatchObject({ ok: true, value: [] });
    expect(printer.drawerPulses()).toEqual([]);

    // The printer is gone: the drawer did not open, and the form says so like the banner, in red only.
    await printer.close();
    await reason.fill('换零钱');
    await expect(reason).not.toHaveAttribute('aria-invalid', 'true');
    await form.getByTestId('drawer-open').click();
    await expect(form.getByTestId('error')).toHaveText('钱箱没有打开：打印机没有收到开钱箱指令。请用钥匙打开，之后钱箱不会自动弹开。', { timeout: 15_000 });
    await expect(form.getByTestId('notice')).toHaveCount(0);
    await expect(page.getByTestId('hardware-banner')).toContainText('钱箱没有打开，请用钥匙打开。');

    // The printer is back: the kick is sent, said in green, with no red left under it.
    printer = await VirtualPrinter.start({ port });
    await reason.fill('换零钱');
    await form.getByTestId('drawer-open').click();
    await expect(form.getByTestId('notice')).toHaveText('已发送开钱箱指令。', { timeout: 15_000 });
    await expect(form.getByTestId('error')).toHaveCount(0);
    await printer.waitForPulses(1);
  } finally {
    await printer.close();
  }
});
