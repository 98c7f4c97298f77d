import {
  callRegister,
  closePagesAndStop,
  completionReady,
  expect,
  nextSale,
  openPayment,
  OWNER,
  saleScreenReady,
  scan,
  setUpOwner,
  startRegister,
  test,
} from './fixtures';
import { line, sellWaterForCash } from './refund-steps';

// What a cashier types in a number field is what the register reads, or it says why it cannot
// (renderer/src/format/amount-input.ts): "-5" was once read as 5, "1x2" as 12, and "abc" in
// 实收现金 as an empty field, which Enter takes as exact cash. Refusals name fields in words, and
// a refusal is not left standing over the next attempt.
const WATER = '6901234567892'; // 农夫山泉 550ml ¥2.00

test('临时商品: a negative, mixed or over-precise price is refused with its reason and adds nothing; full-width digits are read', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  await page.keyboard.press('F4');
  const adHoc = page.getByRole('dialog', { name: '临时商品' });
  await adHoc.getByLabel('商品名称').fill('负数');
  const price = adHoc.getByTestId('adhoc-price');

  await price.fill('-5');
  // Kept as typed, said at once under the field.
  await expect(price).toHaveValue('-5');
  await expect(adHoc.getByTestId('adhoc-price-problem')).toHaveText('不能输入负数。');
  await price.press('Enter');
  await expect(adHoc).toBeVisible();

  await price.fill('1x2');
  await expect(adHoc.getByTestId('adhoc-price-problem')).toHaveText('请输入数字。');
  await price.press('Enter');
  await expect(adHoc).toBeVisible();

  await price.fill('3.333');
  await expect(adHoc.getByTestId('adhoc-price-problem')).toHaveText('价格最多两位小数。');
  await price.press('Enter');
  await expect(adHoc).toBeVisible();

  await adHoc.getByTestId('adhoc-qty').fill('-1');
  await expect(adHoc.getByTestId('adhoc-qty-problem')).toHaveText('不能输入负数。');
  await adHoc.getByTestId('adhoc-qty').fill('1');
  await expect(adHoc.getByTestId('adhoc-qty-problem')).toHaveCount(0);

  // Nothing was sent: the cart is still empty.
  await expect(page.getByTestId('cart-line')).toHaveCount(0);

  // A Chinese IME in full-width mode types these; they are the same digits.
  await price.fill('５．５');
  await expect(adHoc.getByTestId('adhoc-price-problem')).toHaveCount(0);
  await price.press('Enter');
  await expect(adHoc).toBeHidden();
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('total')).toHaveText('¥5.50');
});

test('a refusal under the search field goes when the next dialog opens; F3 with no selection changes the last line', async ({ page, register }) => {
  await setUpOwner(page, register);
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);

  await page.keyboard.press('F4');
  const adHoc = page.getByRole('dialog', { name: '临时商品' });
  await adHoc.getByLabel('商品名称').fill('巨额');
  await adHoc.getByTestId('adhoc-qty').fill('2');
  await adHoc.getByTestId('adhoc-price').fill('99999999');
  await adHoc.getByTestId('adhoc-price').press('Enter');
  await expect(adHoc.getByTestId('error')).toHaveText('金额超出单张小票上限（最多 ¥99,999,999.99）。');
  await adHoc.getByRole('button', { name: '取消' }).click();
  await expect(adHoc).toBeHidden();
  // Said once more where the cashier looks next, until another attempt starts.
  await expect(page.getByTestId('error')).toHaveText('金额超出单张小票上限（最多 ¥99,999,999.99）。');
  await page.keyboard.press('F4');
  await expect(adHoc).toBeVisible();
  await expect(page.getByTestId('error')).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(adHoc).toBeHidden();

  // Esc on the sale screen drops the selection; F3 then still acts, on the last line.
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('cart-line')).not.toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('F3');
  const qty = page.getByRole('dialog', { name: '数量：农夫山泉 550ml' });
  await expect(qty).toBeVisible();
  await expect(page.getByTestId('cart-line')).toHaveAttribute('aria-selected', 'true');
  await qty.getByTestId('qty-input').fill('-1');
  await expect(qty.getByTestId('qty-input-problem')).toHaveText('不能输入负数。');
  await qty.getByTestId('qty-input').press('Enter');
  await expect(qty).toBeVisible();
  await expect(page.getByTestId('line-qty')).toHaveText('1 × ¥2.00');
  await qty.getByTestId('qty-input').fill('3');
  await qty.getByTestId('qty-input').press('Enter');
  await expect(qty).toBeHidden();
  await expect(page.getByTestId('line-qty')).toHaveText('3 × ¥2.00');
});

test('实收现金: letters and Enter take no payment; an empty field and Enter is exact cash', async ({ page, register }) => {
  await setUpOwner(page, register);
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await openPayment(page);
  const tendered = page.getByTestId('tendered');
  await page.keyboard.type('abc');
  await expect(tendered).toHaveValue('abc');
  await expect(page.getByTestId('tendered-problem')).toHaveText('请输入数字。');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('payment')).toBeVisible();
  await expect(page.getByTestId('completion')).toHaveCount(0);
  const sale = (await callRegister(page, 'sale.current', {})) as { value: { payments: unknown[]; receiptNo: number | null } };
  expect(sale.value).toMatchObject({ payments: [], receiptNo: null });

  await tendered.fill('-5');
  await expect(page.getByTestId('tendered-problem')).toHaveText('不能输入负数。');
  await tendered.fill('');
  await expect(page.getByTestId('tendered-problem')).toHaveCount(0);
  await tendered.press('Enter');
  await completionReady(page);
});

test('开班: a negative or lettered count is refused with its reason and opens no shift', async ({ page }) => {
  const { register, stop } = await startRegister();
  try {
    await page.goto(register.url);
    await page.getByLabel('店主姓名').fill(OWNER.name);
    await page.getByLabel('密码（4–8 位数字）').fill(OWNER.pin);
    await page.getByLabel('再次输入密码').fill(OWNER.pin);
    await page.getByLabel('店铺名称').fill(OWNER.store);
    await page.getByRole('button', { name: '创建店主并开始' }).click();
    await page.getByTestId('wizard-later').click();
    await expect(page.getByTestId('open-shift')).toBeVisible();

    await page.getByTestId('count-10000').fill('-3');
    await page.getByTestId('count-1000').fill('abc');
    await expect(page.getByTestId('count-10000')).toHaveValue('-3');
    await expect(page.getByTestId('count-10000-subtotal')).toHaveText('不能输入负数。');
    await expect(page.getByTestId('count-1000-subtotal')).toHaveText('请输入数字。');
    await expect(page.getByTestId('opening-count-total')).toHaveText('¥0.00');
    await page.getByTestId('opening-count-submit').click();
    await expect(page.getByTestId('opening-count').getByTestId('error')).toHaveText('¥100.00 的张数：不能输入负数。');
    await expect(page.getByTestId('open-shift')).toBeVisible();
    expect(await callRegister(page, 'shift.current', {})).toMatchObject({ ok: true, value: { shift: null } });

    await page.getByTestId('count-10000').fill('3');
    await page.getByTestId('count-1000').fill('2.5');
    await expect(page.getByTestId('count-1000-subtotal')).toHaveText('请输入整数。');
    await page.getByTestId('count-1000').fill('１');
    await expect(page.getByTestId('opening-count-total')).toHaveText('¥310.00');
    await page.getByTestId('opening-count-submit').click();
    await expect(page.getByTestId('open-shift')).toBeHidden();
    await saleScreenReady(page);
  } finally {
    await closePagesAndStop(page.context(), stop);
  }
});

test('无小票退货: "请输入商品名称。" goes once a name is typed; a negative quantity is refused', async ({ page, register }) => {
  await setUpOwner(page, register);
  await page.keyboard.press('F7');
  await page.getByTestId('refund-no-receipt').click();
  await expect(page.getByTestId('noreceipt-name')).toBeFocused();
  await page.getByTestId('noreceipt-price').fill('5');
  await page.getByTestId('noreceipt-add').click();
  await expect(page.getByTestId('error')).toHaveText('请输入商品名称。');
  await page.getByTestId('noreceipt-name').fill('毛巾');
  await expect(page.getByTestId('error')).toHaveCount(0);
  await page.getByTestId('noreceipt-qty').fill('-1');
  await expect(page.getByTestId('noreceipt-qty-problem')).toHaveText('不能输入负数。');
  await page.getByTestId('noreceipt-add').click();
  await expect(page.getByTestId('noreceipt-line')).toHaveCount(0);
  await page.getByTestId('noreceipt-qty').fill('1');
  await page.getByTestId('noreceipt-add').click();
  await expect(page.getByTestId('noreceipt-line')).toHaveCount(1);
});

test('first-run wizard: a malformed phone, tax ID or register ID is refused in words before sending; the refusal leaves with its step', async ({ page }) => {
  const { register, stop } = await startRegister({ demo: false });
  try {
    await page.goto(register.url);
    await page.getByLabel('店主姓名').fill('林店长');
    await page.getByLabel('密码（4–8 位数字）').fill('2580');
    await page.getByLabel('再次输入密码').fill('2580');
    await page.getByLabel('店铺名称').fill('林记便利店');
    await page.getByRole('button', { name: '创建店主并开始' }).click();
    const step = page.getByTestId('wizard-step');
    await expect(step).toHaveText('店铺信息');

    await page.getByTestId('wizard-storePhone').fill('abc电话abc电话');
    await page.getByTestId('wizard-storeTaxId').fill('x');
    await page.getByTestId('wizard-save').click();
    await expect(page.getByTestId('error')).toHaveText('请按登记证照输入税号：4 到 30 位字母和数字（可含空格、- . /）。');
    await page.getByTestId('wizard-storeTaxId').fill('91310104MA1FR0XX3K');
    await expect(page.getByTestId('error')).toHaveCount(0);
    await page.getByTestId('wizard-save').click();
    await expect(page.getByTestId('error')).toHaveText('请输入电话号码：数字，可带 +、-、空格或括号，分机号写在“转”之后。');
    await expect(step).toHaveText('店铺信息');
    // Main holds the same rule for any other caller, and names the field in words.
    expect(await callRegister(page, 'settings.update', { storePhone: 'abc电话' })).toMatchObject({
      ok: false,
      error: { code: 'request.invalid_input', params: { field: 'storePhone' } },
    });
    await page.getByTestId('wizard-storePhone').fill('021-5555 0000 转 12');
    await page.getByTestId('wizard-save').click();

    await expect(step).toHaveText('收银机');
    await page.getByTestId('wizard-registerId').fill('收银机 一号 !!!');
    await page.getByTestId('wizard-save').click();
    await expect(page.getByTestId('error')).toHaveText('收银机编号只能使用 1 到 16 个英文字母、数字或连字符（-），不能有空格，例如 POS-1。');
    await expect(step).toHaveText('收银机');
    await page.getByTestId('wizard-registerId').fill('POS-1');
    // Main's refusal, with its field in words (a currency of two letters).
    await page.getByTestId('wizard-currency').fill('ZZ');
    await page.getByTestId('wizard-save').click();
    await expect(page.getByTestId('error')).toHaveText('收银机拒绝了输入内容（货币），请检查输入。');
    await page.getByTestId('wizard-skip').click();
    await expect(step).toHaveText('小票');
    await expect(page.getByTestId('error')).toHaveCount(0);

    const settings = (await callRegister(page, 'settings.get', {})) as { value: { storePhone: string; storeTaxId: string; registerId: string } };
    expect(settings.value).toMatchObject({ storePhone: '021-5555 0000 转 12', storeTaxId: '91310104MA1FR0XX3K' });
    expect(settings.value.registerId).not.toBe('收银机 一号 !!!');
  } finally {
    await closePagesAndStop(page.context(), stop);
  }
});

test('退货: a negative quantity on a receipt line is refused as negative, never taken as 1', async ({ page, register }) => {
  await setUpOwner(page, register);
  await sellWaterForCash(page);
  await nextSale(page);
  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('R1-000001');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '小票 R1-000001' })).toBeVisible();
  const qty = line(page, '农夫山泉').getByTestId('return-qty');
  await qty.fill('-1');
  await expect(qty).toHaveValue('-1');
  await page.getByTestId('refund-reason').selectOption('wrong_item');
  // Said as typed; with no line to return, there is nothing to confirm.
  await expect(page.getByTestId('error')).toHaveText('“农夫山泉 550ml”的数量不能是负数。');
  await expect(page.getByTestId('refund-confirm')).toBeDisabled();
  await qty.fill('abc');
  await expect(page.getByTestId('error')).toHaveText('“农夫山泉 550ml”的数量不对：请填数字，最多三位小数。');
  await qty.fill('1');
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expect(page.getByTestId('refund-confirm')).toBeEnabled();
  expect(await callRegister(page, 'refund.find', { code: '1' })).toMatchObject({ ok: true, value: { corrections: [] } });
});

test('打印机设置: a port out of range is refused with the range, and switching the printer off works whatever is in the port field', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-printer').click();
  await page.getByTestId('printer-enabled').check();
  await page.getByTestId('printer-host').fill('127.0.0.1');
  await page.getByTestId('printer-port').fill('99999');
  await page.getByTestId('printer-save').click();
  await expect(page.getByTestId('error')).toHaveText('端口最大为 65535。');
  expect(await callRegister(page, 'printer.getConfig', {})).toMatchObject({ ok: true, value: { enabled: false } });

  // Off: the half-typed port does not matter while the printer is off.
  await page.getByTestId('printer-enabled').uncheck();
  await page.getByTestId('printer-save').click();
  await expect(page.getByTestId('notice')).toHaveText('打印机设置已保存。');
  await expect(page.getByTestId('error')).toHaveCount(0);
  await expect(page.getByTestId('printer-enabled')).not.toBeChecked();

  // Switched on without an address: said, not saved as off.
  await page.getByTestId('printer-enabled').check();
  await page.getByTestId('printer-host').fill('');
  await page.getByTestId('printer-save').click();
  await expect(page.getByTestId('error')).toHaveText('请填写主机地址。');

  // Letters in the port are refused, not quietly replaced by 9100.
  await page.getByTestId('printer-host').fill('127.0.0.1');
  await page.getByTestId('printer-port').fill('91OO');
  await page.getByTestId('printer-save').click();
  await expect(page.getByTestId('error')).toContainText('端口');
  expect(await callRegister(page, 'printer.getConfig', {})).toMatchObject({ ok: true, value: { enabled: false } });
});
