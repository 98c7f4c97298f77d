import type { Page } from '@playwright/test';
import { VirtualPrinter } from '../../main/hardware/printer/virtual-printer';
import { tokenizeEscPos } from '../support/escpos-tokenizer';
import { callRegister, connectPrinter, expect, OWNER, previewText, saleScreenReady, scan, setUpOwner, test } from './fixtures';

// 退货 / Return in zh-CN, in browser mode: a receipt found by its printed QR code, a card refund
// through the demo terminal, a void and a return without a receipt with a supervisor's PIN,
// and the back office's documents.

const WATER = '6901234567892'; // 农夫山泉 550ml ¥2.00
const MILK = '6904567890127'; // 蒙牛纯牛奶 250ml ¥3.80
const BREAD = '6905678901232'; // 全麦面包 ¥8.50
const CASHIER = { name: '李收银', pin: '4826' };

async function logIn(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await page.getByTestId('pin').fill(pin);
  await page.getByTestId('pin').press('Enter');
  await saleScreenReady(page);
}

/** The owner adds a cashier and hands the register over to them. */
async function asCashier(page: Page): Promise<void> {
  expect(await callRegister(page, 'operator.create', { name: CASHIER.name, pin: CASHIER.pin, role: 'cashier' })).toMatchObject({ ok: true });
  await page.getByTestId('logout').click();
  await logIn(page, CASHIER.name, CASHIER.pin);
}

/** Pays the cart in cash by keyboard and goes on to the next sale. */
async function payCash(page: Page, tendered: string): Promise<void> {
  await page.keyboard.press('F12');
  await page.keyboard.type(tendered);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('completion')).toBeVisible();
}

function line(page: Page, name: string) {
  return page.getByTestId('refund-line').filter({ hasText: name });
}

test('returns two of three items from a cash sale found by scanning the printed receipt’s QR code', async ({ page, register }) => {
  const printer = await VirtualPrinter.start({ port: 0 });
  try {
    await setUpOwner(page, register);
    await connectPrinter(page, printer.port);
    await page.getByTestId('back-to-sale').click();
    await saleScreenReady(page);

    for (const code of [WATER, MILK, BREAD]) await scan(page, code);
    await expect(page.getByTestId('cart-line')).toHaveCount(3);
    await payCash(page, '20');
    // The drawer pulse and the receipt: the QR code on paper holds the sale's id.
    const jobs = await printer.waitForJobs(2);
    const qr = jobs.flatMap((j) => tokenizeEscPos(j.bytes).qrCodes);
    expect(qr).toHaveLength(1);
    await page.keyboard.press('Enter');
    await saleScreenReady(page);

    // F7 opens the return; the receipt's QR code, read by the wedge scanner, finds the sale.
    await page.keyboard.press('F7');
    await expect(page.getByTestId('refund-code')).toBeFocused();
    await scan(page, qr[0] ?? '');
    await expect(page.getByRole('heading', { name: '小票 R1-000001' })).toBeVisible();
    // A scan never types into the field it landed in.
    await expect(page.getByTestId('refund-line')).toHaveCount(3);
    await expect(line(page, '农夫山泉').getByTestId('refund-line-left')).toHaveText('1 · ¥2.00');

    await line(page, '农夫山泉').getByTestId('return-qty').fill('1');
    await line(page, '蒙牛纯牛奶').getByTestId('return-qty').fill('1');
    await line(page, '蒙牛纯牛奶').getByTestId('return-restock').selectOption('damaged');
    await expect(page.getByTestId('refund-plan-total')).toHaveText('¥5.80');
    await expect(page.getByTestId('refund-plan-tender')).toHaveText(['退回现金¥5.80']);
    await expect(page.getByTestId('refund-plan-approval')).toHaveCount(0);

    // No reason yet: said where the cashier looks.
    await page.keyboard.press('F12');
    await expect(page.getByTestId('error')).toHaveText('请选择退货原因。');
    await page.getByTestId('refund-reason').selectOption('not_wanted');
    await page.getByTestId('refund-confirm').click();

    const done = page.getByTestId('refund-done');
    await expect(done.getByTestId('refund-done-title')).toHaveText('退货完成');
    await expect(done.getByTestId('refund-receipt-no')).toHaveText('R1-000002');
    await expect(done.getByTestId('refund-done-total')).toHaveText('¥5.80');
    await expect(done.getByTestId('refund-done-tender')).toHaveText(['退回现金¥5.80']);
    const text = await previewText(page);
    for (const s of ['退货单', '原小票', 'R1-000001', '原因', '顾客不想要了', '退回现金', '-￥5.80']) expect(text).toContain(s);

    // On paper too, after its drawer pulse.
    const printed = (await printer.waitForJobs(4)).slice(2).map((j) => tokenizeEscPos(j.bytes).lines.join('\n'));
    expect(printed.join('\n')).toMatch(/退回现金 +-￥5\.80/);

    // Enter goes back to the sale; what is left of the receipt is returnable still.
    await page.keyboard.press('Enter');
    await saleScreenReady(page);
    await page.keyboard.press('F7');
    await page.getByTestId('refund-code').fill('R1-000001');
    await page.keyboard.press('Enter');
    await expect(line(page, '农夫山泉').getByTestId('refund-line-left')).toHaveText('0 · ¥0.00');
    await expect(line(page, '全麦面包').getByTestId('refund-line-left')).toHaveText('1 · ¥8.50');
    await expect(page.getByTestId('void-sale')).toHaveCount(0);
  } finally {
    await printer.close();
  }
});

test('refunds part of a card sale to the card through the demo terminal; a refund the terminal declines refunds nothing', async ({ page, register }) => {
  await setUpOwner(page, register);
  // Two items, 12.51 and 10.02: the demo terminal declines amounts ending in .51.
  for (const [name, price] of [
    ['礼品卡套', '12.51'],
    ['贺卡', '10.02'],
  ] as const) {
    await page.keyboard.press('F4');
    const adHoc = page.getByRole('dialog', { name: '临时商品' });
    await adHoc.getByLabel('商品名称').fill(name);
    await adHoc.getByLabel('单价').fill(price);
    await adHoc.getByRole('button', { name: '加入销售' }).click();
    await expect(adHoc).toBeHidden();
  }
  await page.getByTestId('pay-cash').click();
  await page.getByTestId('pay-card').click();
  await expect(page.getByTestId('completion')).toBeVisible({ timeout: 15_000 });
  await page.keyboard.press('Enter');
  await saleScreenReady(page);

  // Picked from today's sales.
  await page.getByTestId('open-refund').click();
  const today = page.getByTestId('todays-sale');
  await expect(today).toHaveCount(1);
  await expect(today).toContainText('银行卡');
  await today.getByTestId('refund-pick').click();
  await expect(page.getByTestId('refund-sale-payment')).toContainText('476173******0119');

  await line(page, '礼品卡套').getByTestId('return-qty').fill('1');
  await page.getByTestId('refund-reason').selectOption('defective');
  await expect(page.getByTestId('refund-plan-tender')).toHaveText(['退回银行卡 476173******0119¥12.51']);
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('error')).toHaveText('刷卡被拒：余额不足。', { timeout: 15_000 });
  await expect(page.getByTestId('refund-done')).toHaveCount(0);
  const after = (await callRegister(page, 'refund.find', { code: '1' })) as { value: { lines: { returnableQtyMilli: number }[]; corrections: unknown[] } };
  expect(after.value.lines.map((l) => l.returnableQtyMilli)).toEqual([1000, 1000]);
  expect(after.value.corrections).toEqual([]);

  // The other item goes back to the card: the terminal's steps show as for a payment.
  await line(page, '礼品卡套').getByTestId('return-qty').fill('');
  await line(page, '贺卡').getByTestId('return-qty').fill('1');
  await expect(page.getByTestId('refund-plan-total')).toHaveText('¥10.02');
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('card-step')).toHaveText('请顾客插卡、挥卡或刷卡');
  const done = page.getByTestId('refund-done');
  await expect(done).toBeVisible({ timeout: 15_000 });
  await expect(done.getByTestId('refund-done-tender')).toHaveText(['退回银行卡 476173******0119¥10.02']);
  const text = await previewText(page);
  const squeezed = text.replace(/\s+/g, '');
  for (const s of ['退货单', '退回银行卡-￥10.02', '卡号476173******0119', '原因质量问题']) expect(squeezed).toContain(s);
});

test('a cashier voids a sale of today with a supervisor’s PIN', async ({ page, register }) => {
  await setUpOwner(page, register);
  await asCashier(page);
  await scan(page, BREAD);
  await scan(page, MILK);
  await payCash(page, '20');
  await page.keyboard.press('Enter');
  await saleScreenReady(page);

  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('1');
  await page.keyboard.press('Enter');
  await page.getByTestId('void-sale').click();
  const dialog = page.getByTestId('void-dialog');
  await expect(dialog).toContainText('全部 ¥12.30 按原支付方式退回');
  await dialog.getByTestId('void-reason').selectOption('cashier_error');
  await dialog.getByRole('button', { name: '确认撤销' }).click();

  const approval = page.getByRole('dialog', { name: '主管授权' });
  await expect(approval).toContainText('需要主管授权（撤销整单）。');
  await expect(approval.getByTestId('pin')).toBeFocused();
  await page.keyboard.type('9731');
  await page.keyboard.press('Enter');
  await expect(approval.getByTestId('error')).toHaveText('授权未通过：密码错误。');
  await page.keyboard.type(OWNER.pin);
  await page.keyboard.press('Enter');
  await expect(approval).toBeHidden();

  const done = page.getByTestId('refund-done');
  await expect(done.getByTestId('refund-done-title')).toHaveText('整单已撤销');
  await expect(done.getByTestId('refund-done-total')).toHaveText('¥12.30');
  const text = await previewText(page);
  for (const s of ['撤销单', '收银差错', '-￥12.30']) expect(text).toContain(s);

  const found = (await callRegister(page, 'refund.find', { code: '1' })) as { value: { voidable: boolean; corrections: { kind: string }[] } };
  expect(found.value).toMatchObject({ voidable: false, corrections: [{ kind: 'void' }] });
  await page.keyboard.press('Enter');
  await saleScreenReady(page);
});

test('a return without a receipt: over the cashier’s limit refused, then a supervisor approves and cash goes out', async ({ page, register }) => {
  await setUpOwner(page, register);
  await asCashier(page);
  await page.keyboard.press('F7');
  await page.getByTestId('refund-no-receipt').click();
  await expect(page.getByTestId('noreceipt-name')).toBeFocused();

  // Keyed: 600.00 is above a cashier's 500.00 a day; main says so before anyone keys a PIN.
  await page.getByTestId('noreceipt-name').fill('电饭煲');
  await page.getByTestId('noreceipt-price').fill('600');
  await page.getByTestId('noreceipt-add').click();
  await expect(page.getByTestId('error')).toHaveText('无小票退货：每位收银员每天最多 ¥500.00（您今天已退 ¥0.00）。');
  await expect(page.getByTestId('refund-confirm')).toBeDisabled();
  await page.getByTestId('noreceipt-line').getByTestId('noreceipt-remove').click();

  // Scanned: a catalog item, by the same wedge scanner.
  await scan(page, BREAD);
  await expect(page.getByTestId('noreceipt-line')).toHaveText(/全麦面包/);
  await page.getByTestId('noreceipt-name').fill('毛巾');
  await page.getByTestId('noreceipt-qty').fill('2');
  await page.getByTestId('noreceipt-price').fill('12.5');
  await page.getByTestId('noreceipt-add').click();
  await expect(page.getByTestId('noreceipt-line')).toHaveCount(2);
  await expect(page.getByTestId('refund-plan-total')).toHaveText('¥33.50');
  await expect(page.getByTestId('refund-plan-approval')).toHaveText('需要主管授权（无小票退货）。');
  await page.getByTestId('refund-reason').selectOption('defective');

  // The cashier alone cannot: the approval dialog asks for a supervisor, and cancelling refunds nothing.
  await page.getByTestId('refund-confirm').click();
  const approval = page.getByRole('dialog', { name: '主管授权' });
  await expect(approval).toContainText('需要主管授权（无小票退货）。');
  await expect(approval.getByRole('option')).toHaveCount(1);
  await approval.getByRole('button', { name: '取消' }).click();
  await expect(approval).toBeHidden();
  expect(
    await callRegister(page, 'refund.withoutReceipt', {
      lines: [{ name: '毛巾', qtyMilli: 1000, unitPriceMinor: 100, taxRateBp: 0, restock: true }],
      reason: 'other',
      idempotencyKey: 'e2e-no-receipt-alone',
    }),
  ).toMatchObject({ ok: false, error: { code: 'refund.needs_supervisor' } });

  await page.keyboard.press('F12');
  await expect(approval).toBeVisible();
  // The PIN field takes focus as the dialog opens; keys typed before that would go elsewhere.
  await expect(approval.getByTestId('pin')).toBeFocused();
  await page.keyboard.type(OWNER.pin);
  await page.keyboard.press('Enter');
  const done = page.getByTestId('refund-done');
  await expect(done.getByTestId('refund-done-title')).toHaveText('退货完成');
  await expect(done.getByTestId('refund-done-tender')).toHaveText(['退回现金¥33.50']);
  const text = await previewText(page);
  for (const s of ['退货单', '全麦面包', '毛巾', '-￥33.50']) expect(text).toContain(s);
  expect(text).not.toContain('原小票');
});

test('back office documents: each sale with its corrections, each correction with its sale; a receipt opens, a sale starts a return', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  await scan(page, WATER);
  await scan(page, MILK);
  await payCash(page, '10');
  await page.keyboard.press('Enter');
  await saleScreenReady(page);
  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('1');
  await page.keyboard.press('Enter');
  await line(page, '蒙牛纯牛奶').getByTestId('return-qty').fill('1');
  await page.getByTestId('refund-reason').selectOption('wrong_item');
  await page.getByTestId('refund-confirm').click();
  await expect(page.getByTestId('refund-done')).toBeVisible();
  await page.keyboard.press('Enter');
  await saleScreenReady(page);

  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-documents').click();
  const table = page.getByRole('table', { name: '单据' });
  const sale = table.locator('[data-kind="sale"]');
  const refund = table.locator('[data-kind="refund"]');
  await expect(sale.getByTestId('document-related')).toHaveText('退货退款 R1-000002 -¥3.80');
  await expect(refund.getByTestId('document-related')).toHaveText('更正 R1-000001');
  await expect(refund.getByTestId('document-total')).toHaveText('-¥3.80');
  await expect(refund).toContainText('商品不符');

  // Filter by kind: only the refund.
  await page.getByTestId('documents-kind').selectOption('refund');
  await page.getByTestId('documents-search').click();
  await expect(table.getByTestId('document')).toHaveCount(1);
  await refund.getByTestId('document-original').click();
  const preview = page.getByTestId('document-preview');
  await expect(preview.getByRole('heading')).toHaveText('小票 R1-000001');
  expect(await previewText(page)).toContain('销售小票');
  await preview.getByRole('button', { name: '关闭' }).click();

  // Filter by receipt number, then start a return from the sale.
  await page.getByTestId('documents-kind').selectOption('');
  await page.getByTestId('documents-receipt').fill('R1-000001');
  await page.getByTestId('documents-search').click();
  await expect(table.getByTestId('document')).toHaveCount(1);
  await sale.getByTestId('document-return').click();
  await expect(page.getByRole('heading', { name: '小票 R1-000001' })).toBeVisible();
  await expect(line(page, '蒙牛纯牛奶').getByTestId('refund-line-left')).toHaveText('0 · ¥0.00');
});

test('a scan-to-pay sale refunded to the wallet: the return stays open until the provider confirms, then completes on screen', async ({ page, register }) => {
  await setUpOwner(page, register);
  await page.keyboard.press('F4');
  const adHoc = page.getByRole('dialog', { name: '临时商品' });
  await adHoc.getByLabel('商品名称').fill('会员卡');
  // The demo provider loses its first reply to a refund of an amount ending in .41.
  await adHoc.getByLabel('单价').fill('3.41');
  await adHoc.getByRole('button', { name: '加入销售' }).click();
  await expect(adHoc).toBeHidden();
  const current = (await callRegister(page, 'sale.current', {})) as { value: { id: string } };
  expect(await callRegister(page, 'scanpay.pay', { saleId: current.value.id, code: '134567890123456789', idempotencyKey: 'e2e-scan-sale-1' })).toMatchObject({
    ok: true,
    value: { receiptNo: 1 },
  });

  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('R1-000001');
  await page.keyboard.press('Enter');
  await page.getByTestId('return-all').click();
  await page.getByTestId('refund-reason').selectOption('not_wanted');
  await expect(page.getByTestId('refund-plan-tender')).toHaveText(['退回微信/支付宝¥3.41']);
  await page.getByTestId('refund-confirm').click();

  const done = page.getByTestId('refund-done');
  await expect(done.getByTestId('refund-waiting')).toHaveText('退款已提交支付渠道，等待确认…');
  await expect(done.getByTestId('receipt-preview')).toHaveCount(0);
  // Completed once the provider confirms: main's sale.changed brings the receipt number and the receipt.
  await expect(done.getByTestId('refund-waiting')).toBeHidden({ timeout: 30_000 });
  await expect(done.getByTestId('refund-receipt-no')).toHaveText('R1-000002');
  await expect(done.getByTestId('refund-done-tender')).toHaveText(['退回微信/支付宝¥3.41']);
  expect((await previewText(page)).replace(/\s+/g, '')).toContain('退回微信支付-￥3.41');
});

test('a price adjustment on one line: never more than the line holds, approved by a supervisor, printed as 退款单', async ({ page, register }) => {
  await setUpOwner(page, register);
  await asCashier(page);
  await scan(page, BREAD);
  await scan(page, WATER);
  await payCash(page, '20');
  await page.keyboard.press('Enter');
  await saleScreenReady(page);

  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('1');
  await page.keyboard.press('Enter');
  await line(page, '全麦面包').getByTestId('adjust-line').click();
  const dialog = page.getByTestId('adjust-dialog');
  await expect(dialog.getByTestId('adjust-max')).toHaveText('这一行实付 ¥8.50，最多还可退 ¥8.50。商品不退回。');
  await dialog.getByTestId('adjust-amount').fill('9');
  await expect(dialog.getByTestId('error')).toHaveText('超出这一行还可退的金额：最多 ¥8.50。');
  await dialog.getByTestId('adjust-amount').fill('1.5');
  await expect(dialog.getByTestId('refund-plan-total')).toHaveText('¥1.50');
  await expect(dialog.getByTestId('refund-plan-approval')).toHaveText('需要主管授权（价格调整）。');
  await dialog.getByRole('button', { name: '确认退差价' }).click();

  const approval = page.getByRole('dialog', { name: '主管授权' });
  await expect(approval).toContainText('需要主管授权（价格调整）。');
  await expect(approval.getByTestId('pin')).toBeFocused();
  await page.keyboard.type(OWNER.pin);
  await page.keyboard.press('Enter');
  const done = page.getByTestId('refund-done');
  await expect(done.getByTestId('refund-done-title')).toHaveText('退款完成');
  await expect(done.getByTestId('refund-done-tender')).toHaveText(['退回现金¥1.50']);
  const text = (await previewText(page)).replace(/\s+/g, '');
  for (const s of ['退款单', '全麦面包', '退差价-￥1.50', '原因价格有误', '退回现金-￥1.50']) expect(text).toContain(s);

  // The goods stay sold: the whole loaf is still returnable, for what is left of its price.
  await page.keyboard.press('Enter');
  await saleScreenReady(page);
  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('1');
  await page.keyboard.press('Enter');
  await expect(line(page, '全麦面包').getByTestId('refund-line-left')).toHaveText('1 · ¥7.00');
});
