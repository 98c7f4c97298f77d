import type { Page } from '@playwright/test';
import { VirtualPrinter } from '../../main/hardware/printer/virtual-printer';
import { connectPrinter, expect, nextSaleReady, ringUpAdHoc, setUpOwner, test } from './fixtures';

/** An ad-hoc item at `price` (yuan) and on to the payment screen. The demo terminal approves amounts not ending in .51/.78/.55. */
const ringUp = (page: Page, price: string): Promise<void> => ringUpAdHoc(page, '保温杯', price);

/** Part in cash (keyed on the payment screen), the rest by card on the demo terminal. */
async function partCashThenCard(page: Page, cash: string, rest: string): Promise<void> {
  await page.getByTestId('tendered').fill(cash);
  await page.getByRole('button', { name: '部分现金' }).click();
  const taken = page.getByTestId('payments-taken');
  await expect(taken.getByTestId('payment-row')).toHaveCount(1);
  await expect(taken.getByTestId('payment-row').first()).toContainText('现金');
  await expect(page.getByTestId('amount-due')).toHaveText(rest);
  await expect(page.getByTestId('amount-remaining')).toContainText(`还需支付 ${rest}`);
  await expect(page.getByTestId('tendered')).toHaveValue('');
  await expect(page.getByTestId('pay-card')).toContainText(rest);
  await page.getByTestId('pay-card').click();
  await expect(page.getByTestId('completion')).toBeVisible({ timeout: 15_000 });
}

async function openCardTerminal(page: Page): Promise<void> {
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-card-terminal').click();
  await expect(page.getByRole('heading', { name: '刷卡终端' })).toBeVisible();
}

test('part cash, then the card pays the rest: the sale completes and the completion lists both payments', async ({ page, register }) => {
  await setUpOwner(page, register);
  await ringUp(page, '50.00');
  // Less than due: Enter still refuses it as full payment; the part-payment button is the way.
  await expect(page.getByRole('button', { name: '部分现金' })).toBeDisabled();
  await partCashThenCard(page, '20', '¥30.00');
  await expect(page.getByTestId('done-total')).toHaveText('¥50.00');
  const rows = page.getByTestId('done-payments').getByTestId('payment-row');
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toHaveAttribute('data-method', 'cash');
  await expect(rows.nth(0)).toContainText('¥20.00');
  await expect(rows.nth(1)).toHaveAttribute('data-method', 'card');
  await expect(rows.nth(1)).toContainText('银行卡');
  await expect(rows.nth(1)).toContainText('476173******0119');
  await expect(rows.nth(1)).toContainText('¥30.00');
  await expect(page.getByTestId('change-due')).toHaveText('¥0.00');
});

test("end of day on the terminal shows the day's card total, equal to what was paid by card", async ({ page, register }) => {
  await setUpOwner(page, register);
  // A whole sale by card, and a split one whose card part is 15.00: the terminal's batch holds 23.00 + 15.00.
  await ringUp(page, '23.00');
  await page.getByTestId('pay-card').click();
  await expect(page.getByTestId('completion')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('next-sale').click();
  await nextSaleReady(page);
  await ringUp(page, '25.00');
  await partCashThenCard(page, '10', '¥15.00');
  await page.getByTestId('next-sale').click();

  await openCardTerminal(page);
  await expect(page.getByTestId('unresolved-empty')).toHaveText('没有待处理的刷卡。');
  await expect(page.getByTestId('terminal-batches-empty')).toBeVisible();
  await page.getByRole('button', { name: '执行终端日结' }).click();
  // A confirmation step before the batch is closed with the bank.
  await page.getByTestId('terminal-eod-confirm').click();
  const batch = page.getByTestId('terminal-batch');
  // What the terminal says (its sales and net), beside what the register booked by card, and whether they agree.
  await expect(batch.getByTestId('terminal-net')).toHaveText('¥38.00', { timeout: 15_000 });
  await expect(batch.getByTestId('terminal-sales')).toHaveText('2 笔，¥38.00');
  await expect(batch.getByTestId('register-sales')).toHaveText('2 笔，¥38.00');
  await expect(batch.getByTestId('register-refunds')).toHaveText('¥0.00');
  await expect(batch.getByTestId('register-net')).toHaveText('¥38.00');
  await expect(batch.getByTestId('batch-match')).toHaveText('一致：终端与收银机的刷卡金额相符。');
  await expect(page.getByTestId('terminal-batches').getByTestId('terminal-batch-row')).toHaveCount(1);
  await expect(page.getByTestId('terminal-batches').getByTestId('terminal-batch-row')).toContainText('¥38.00');
  await expect(page.getByTestId('terminal-batches').getByTestId('terminal-batch-row')).toContainText('一致');
});

test('terminal settings load and show the connection state', async ({ page, register }) => {
  await setUpOwner(page, register);
  await openCardTerminal(page);
  // Demo mode: no terminal is configured, and the in-process simulator is connected; the page says
  // it is the demo's (issue 13: "connected" beside "no card terminal" contradicted itself).
  await expect(page.getByTestId('terminal-state')).toHaveText('演示终端（模拟器）：已连接');
  const kind = page.getByLabel('连接方式');
  await expect(kind).toHaveValue('none');
  await expect(page.getByTestId('terminal-demo-note')).toContainText('内置的模拟终端');
  await kind.selectOption('serial');
  await expect(page.getByLabel('串口路径')).toBeVisible();
  await expect(page.getByLabel('波特率')).toHaveValue('9600');
  await expect(page.getByLabel('校验位')).toHaveValue('none');
  await expect(page.getByLabel('停止位')).toHaveValue('2');
  await kind.selectOption('tcp');
  await expect(page.getByLabel('端口')).toHaveValue('20007');
  // An empty host is refused in the window, translated, before anything is sent.
  await page.getByRole('button', { name: '保存并连接' }).click();
  await expect(page.getByTestId('error')).toContainText('收银机拒绝了输入内容');
  await kind.selectOption('none');
  await page.getByRole('button', { name: '保存并连接' }).click();
  await expect(page.getByTestId('notice')).toHaveText('已保存，收银机正在连接终端。');
  await expect(page.getByTestId('terminal-state')).toHaveText('演示终端（模拟器）：已连接');
});

test('the header shows a quiet "drawer open" chip while the printer reports the drawer open', async ({ page, register }) => {
  const printer = await VirtualPrinter.start({ port: 0 });
  try {
    await setUpOwner(page, register);
    await connectPrinter(page, printer.port);
    await page.getByTestId('back-to-sale').click();

    const chip = page.getByTestId('drawer-open-indicator');
    await expect(chip).toBeHidden();
    printer.setStatus('drawer_open');
    await expect(chip).toHaveText('钱箱已打开', { timeout: 15_000 });
    // A fact, not a fault: no error banner.
    await expect(page.getByTestId('hardware-banner')).toBeHidden();
    printer.setStatus('drawer_closed');
    await expect(chip).toBeHidden({ timeout: 15_000 });
  } finally {
    await printer.close();
  }
});

test('a faulty terminal approves another amount: the cashier is told it was not booked, the supervisor can only record it reversed', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  // Demo amounts ending in .91: the demo terminal approves 1.00 more than asked.
  await ringUp(page, '12.91');
  await page.getByTestId('pay-card').click();
  await expect(page.getByTestId('error')).toHaveText(
    '未记账：终端批准的金额与收银机请求的不同；收银机已在终端上撤销该交易。请主管在“管理 → 刷卡终端”中核查。',
    { timeout: 15_000 },
  );
  await expect(page.getByTestId('payment')).toBeVisible();
  await page.getByRole('button', { name: /返回销售/ }).click();

  await openCardTerminal(page);
  const row = page.getByTestId('unresolved-row');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('¥12.91');
  await expect(row).toContainText('终端批准的金额与收银机请求的不同；收银机已在终端上撤销该交易');
  // Never booked: no "approved" action, only "reversed on the terminal".
  await expect(row.getByTestId('resolve-approved')).toHaveCount(0);
  await row.getByTestId('resolve-declined').click();
  await expect(page.getByTestId('resolve-dialog')).toContainText('确认记为已撤销？');
  await page.getByTestId('resolve-confirm').click();
  await expect(page.getByTestId('unresolved-notice')).toHaveText('已记为未成功。');
  await expect(page.getByTestId('unresolved-empty')).toBeVisible();
});
