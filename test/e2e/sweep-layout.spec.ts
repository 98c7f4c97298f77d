import type { Locator, Page } from '@playwright/test';
import { callRegister, completionReady, expect, nextSale, OWNER, saleScreenReady, scan, setUpOwner, test } from './fixtures';
import { checkLayout, horizontalScroll, inViewport, textLines } from './layout';
import { MILK, payCash, WATER } from './refund-steps';

// The zh-CN UI sweep at 1024×768: what a shop owner or cashier saw cut off, below the fold, or
// worded for someone else, each checked where it was found.

const SIZE = { width: 1024, height: 768 };

/** The element's own scroll box holds all it has (nothing scrolls inside it). */
async function scrolls(locator: Locator): Promise<string | null> {
  return locator.evaluate((el) => (el.scrollHeight > el.clientHeight + 1 ? `${el.scrollHeight} > ${el.clientHeight}` : null));
}

async function openSection(page: Page, id: string): Promise<void> {
  await page.getByTestId('open-back-office').click();
  await page.getByTestId(`back-office-nav-${id}`).click();
  await expect(page.getByTestId(`back-office-nav-${id}`)).toHaveAttribute('aria-current', 'page');
}

test('the welcome form shows 创建店主并开始 and 从备份恢复 whole at 1024×768, with and without a refusal', async ({ page, register }, info) => {
  await page.setViewportSize(SIZE);
  await page.goto(register.url);
  await expect(page.getByRole('heading', { name: '欢迎使用 Ringup' })).toBeVisible();
  const create = page.getByTestId('setup-create');
  const restore = page.getByTestId('setup-restore');
  expect(await inViewport(create), 'create, no error').toBe(true);
  expect(await inViewport(restore), 'restore, no error').toBe(true);
  await create.click();
  await expect(page.getByTestId('error')).toHaveText('请输入店主姓名。');
  expect(await inViewport(create), 'create, with an error').toBe(true);
  expect(await inViewport(restore), 'restore, with an error').toBe(true);
  expect(await inViewport(page.getByTestId('error'))).toBe(true);
  await checkLayout(page, info, 'welcome with an error');
});

test('a 96-character product name: its pinyin wraps inside the editor, nothing scrolls sideways; 新分类 looks like the fields above it', async ({
  page,
  register,
}, info) => {
  await page.setViewportSize(SIZE);
  await setUpOwner(page, register);
  const name = '特别长的商品名称'.repeat(12);
  expect(await callRegister(page, 'catalog.createProduct', { sku: 'SKU-LONG', nameZh: name, nameEn: '', priceMinor: 100, taxRateBp: 1300 })).toMatchObject({
    ok: true,
  });
  await openSection(page, 'catalog');
  await page.getByTestId('product-search').fill('SKU-LONG');
  await page.getByTestId('product-row').getByRole('button', { name: 'SKU-LONG' }).click();
  const pinyin = page.getByTestId('pinyin');
  await expect(pinyin).toContainText('tebiechangdeshangpinmingcheng');
  expect(await textLines(pinyin)).toBeGreaterThan(1);
  expect(await horizontalScroll(page)).toEqual([]);
  // The page scrolls down to them, never sideways: each field's right edge is inside the window.
  for (const id of ['edit-sku', 'edit-name-zh', 'edit-price', 'new-category', 'edit-save']) {
    const box = await page.getByTestId(id).boundingBox();
    expect((box?.x ?? Infinity) + (box?.width ?? 0), id).toBeLessThanOrEqual(SIZE.width);
  }
  const styleOf = (locator: Locator) =>
    locator.evaluate((el) => {
      const s = getComputedStyle(el);
      return { font: s.fontFamily, size: s.fontSize, height: el.getBoundingClientRect().height, border: s.borderTopColor };
    });
  expect(await styleOf(page.getByTestId('new-category'))).toEqual(await styleOf(page.getByTestId('edit-sku')));
  await pinyin.scrollIntoViewIfNeeded();
  await checkLayout(page, info, 'product editor, long name');
});

test('¥99,999,999.00 due shows whole beside 应收 on one line; no quick amount is above what one receipt may take', async ({ page, register }, info) => {
  await page.setViewportSize(SIZE);
  await setUpOwner(page, register);
  expect(
    await callRegister(page, 'catalog.createProduct', {
      sku: 'HUGE',
      nameZh: '很贵的商品',
      nameEn: '',
      priceMinor: 9_999_999_900,
      taxRateBp: 1300,
      barcodes: ['2000000000015'],
    }),
  ).toMatchObject({ ok: true });
  await scan(page, '2000000000015');
  const total = page.getByTestId('total');
  await expect(total).toHaveText('¥99,999,999.00');
  const fit = await total.evaluate((dd) => {
    const box = dd.closest('.totals')?.getBoundingClientRect();
    const r = dd.getBoundingClientRect();
    return {
      clipped: dd.scrollWidth > dd.clientWidth + 1,
      inside: !!box && r.left >= box.left && r.right <= box.right,
      size: parseFloat(getComputedStyle(dd).fontSize),
    };
  });
  expect(fit).toMatchObject({ clipped: false, inside: true });
  expect(fit.size).toBeGreaterThanOrEqual(20);
  expect(await textLines(page.locator('.totals__row--total dt'))).toBe(1);
  await checkLayout(page, info, 'sale, ¥99,999,999.00 due');

  await page.keyboard.press('F12');
  await expect(page.getByTestId('tendered')).toBeFocused();
  const quick = page.getByRole('group', { name: '快捷金额' });
  await expect(quick.getByRole('button')).toHaveText(['正好 ¥99,999,999.00']);
});

test('a percentage out of range in 店铺设置: the field is marked and named, in view, and 保存 stays on screen', async ({ page, register }, info) => {
  await page.setViewportSize(SIZE);
  await setUpOwner(page, register);
  await openSection(page, 'settings');
  const field = page.getByTestId('settings-supervisor-limit');
  await field.fill('-5');
  const save = page.getByTestId('settings-save');
  expect(await inViewport(save), '保存 before scrolling').toBe(true);
  await save.click();
  await expect(page.getByTestId('settings-form').getByTestId('error')).toHaveText('主管可给的最大折扣：请输入 0 到 100 之间的百分比。');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('settings-cashier-limit')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(field).toBeFocused();
  expect(await inViewport(field), 'the wrong field').toBe(true);
  expect(await inViewport(save), '保存 after the refusal').toBe(true);
  expect(await inViewport(page.getByTestId('settings-form').getByTestId('error')), 'the message').toBe(true);
  // Marked to the eye as well: a red border, not the ordinary grey one.
  const [marked, plain] = await Promise.all([
    field.evaluate((el) => getComputedStyle(el).borderTopColor),
    page.getByTestId('settings-cashier-limit').evaluate((el) => getComputedStyle(el).borderTopColor),
  ]);
  expect(marked).not.toBe(plain);
  await checkLayout(page, info, 'settings, bad percentage');
  // Corrected, the mark goes.
  await field.fill('20');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await save.click();
  await expect(page.getByTestId('notice')).toHaveText('设置已保存。');
});

test('the payment screen with 现金不足 fits without scrolling; 刷卡 shows and takes F11 as on the sale screen', async ({ page, register }, info) => {
  await page.setViewportSize(SIZE);
  await setUpOwner(page, register);
  await page.keyboard.press('F4');
  const adHoc = page.getByRole('dialog', { name: '临时商品' });
  await adHoc.getByLabel('商品名称').fill('杂货');
  await adHoc.getByLabel('数量').fill('1');
  await adHoc.getByLabel('单价').fill('14.30');
  await adHoc.getByRole('button', { name: '加入销售' }).click();
  await expect(page.getByTestId('sale-pay-card')).toContainText('F11');
  // F12 once the sale screen has the focus back from the dialog: pressed earlier it is lost (seen once).
  await expect(adHoc).toBeHidden();
  await saleScreenReady(page);
  await page.keyboard.press('F12');
  await expect(page.getByTestId('tendered')).toBeFocused();
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('payment').getByTestId('error')).toHaveText('现金不足：至少应收 ¥14.30。');
  expect(await scrolls(page.getByTestId('payment'))).toBeNull();
  await expect(page.getByTestId('pay-card')).toContainText('F11');
  for (const id of ['pay-card', 'take-cash', 'take-part-cash']) expect(await inViewport(page.getByTestId(id)), id).toBe(true);
  expect(await inViewport(page.getByTestId('scan-payment').getByRole('button', { name: /扫码/ }))).toBe(true);
  await checkLayout(page, info, 'payment, cash short');
  // No terminal is set up: the built-in simulated terminal takes the card, as for the button, and the sale completes.
  await page.keyboard.press('F11');
  await completionReady(page);
});

test('扫码支付 settings: one plain sentence about the keys, the key file under 详情, no empty gaps', async ({ page, register }, info) => {
  await page.setViewportSize(SIZE);
  await setUpOwner(page, register);
  await openSection(page, 'scan-pay');
  const store = page.getByTestId('scan-secret-store');
  await expect(store).toContainText('支付密钥加密保存在本机，保存后不再显示。');
  await expect(page.getByTestId('scan-key-file')).toBeHidden();
  // What shows before 详情 is opened: no keychain, no file path.
  const shownText = await page.getByTestId('scan-pay-settings').evaluate((el) => (el as HTMLElement).innerText);
  expect(shownText).not.toContain('钥匙串');
  expect(shownText).not.toContain('ringup-secrets.key');
  // Between the note, the simulator line and 微信支付: the grid's gap, not margins piled on it.
  const gaps = await page.getByTestId('scan-pay-settings').evaluate((el) => {
    const kids = [...el.children].map((c) => c.getBoundingClientRect());
    return kids.slice(1).map((r, i) => Math.round(r.top - (kids[i]?.bottom ?? r.top)));
  });
  for (const gap of gaps) expect(gap).toBeLessThanOrEqual(20);
  await checkLayout(page, info, 'scan-pay settings');
  await store.getByText('详情').click();
  await expect(page.getByTestId('scan-key-file')).toBeVisible();
  await expect(page.getByTestId('scan-key-file')).toContainText('ringup-secrets.key');
  expect(await horizontalScroll(page)).toEqual([]);
});

test('void and receipt lookup speak of what was asked: 撤销原因, and the number as typed (R1-999999)', async ({ page, register }) => {
  await page.setViewportSize(SIZE);
  await setUpOwner(page, register);
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await payCash(page, '20');
  await nextSale(page);

  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('R1-999999');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('error')).toHaveText('找不到小票号 R1-999999。');

  await page.getByTestId('refund-code').fill('R1-000001');
  await page.keyboard.press('Enter');
  await page.getByTestId('void-sale').click();
  const dialog = page.getByTestId('void-dialog');
  await dialog.getByRole('button', { name: '确认撤销' }).click();
  await expect(dialog.getByTestId('error')).toHaveText('请选择撤销原因。');
});

test('locked out in a shop with only its owner: the message says to wait, and shows whole at 1024×768', async ({ page, register }, info) => {
  await page.setViewportSize(SIZE);
  await setUpOwner(page, register);
  await page.getByTestId('logout').click();
  await page.getByRole('option', { name: new RegExp(OWNER.name) }).click();
  const pin = page.getByTestId('pin');
  for (let i = 0; i < 5; i++) {
    await pin.fill('0000');
    await pin.press('Enter');
    await expect(page.getByTestId('error')).toBeVisible();
  }
  const error = page.getByTestId('error');
  await expect(error).toContainText('该操作员已锁定至');
  await expect(error).toContainText('请到时再试。');
  await expect(error).not.toContainText('主管');
  expect(await inViewport(error), 'the lockout message').toBe(true);
  expect(await scrolls(page.locator('main.screen'))).toBeNull();
  await checkLayout(page, info, 'login, locked out');
});

test('locked out where a supervisor could unlock: the message still says so', async ({ page, register }) => {
  await setUpOwner(page, register);
  expect(await callRegister(page, 'operator.create', { name: '张主管', pin: '7391', role: 'supervisor' })).toMatchObject({ ok: true });
  await page.getByTestId('logout').click();
  await page.getByRole('option', { name: new RegExp(OWNER.name) }).click();
  const pin = page.getByTestId('pin');
  for (let i = 0; i < 5; i++) {
    await pin.fill('0000');
    await pin.press('Enter');
    await expect(page.getByTestId('error')).toBeVisible();
  }
  await expect(page.getByTestId('error')).toHaveText(/^密码错误次数过多，该操作员已锁定至 \d{2}:\d{2}，或由主管解锁。$/);
});

test('a 400-character note takes two lines under the cart, whole on hover', async ({ page, register }, info) => {
  await page.setViewportSize(SIZE);
  await setUpOwner(page, register);
  await scan(page, MILK);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  const note = '请在下午三点前送到后门，'.repeat(34).slice(0, 400);
  await page.keyboard.press('F6');
  await page.getByTestId('note-input').fill(note);
  await page.getByTestId('note-input').press('Enter');
  const shown = page.getByTestId('sale-note');
  await expect(shown).toHaveAttribute('title', note);
  const lines = await shown.evaluate((el) => {
    const s = getComputedStyle(el);
    // Two lines of text at most: a line is at most 1.6 × the font size with this font.
    return (el.clientHeight - parseFloat(s.paddingTop) - parseFloat(s.paddingBottom)) / (parseFloat(s.fontSize) * 1.6);
  });
  expect(lines).toBeLessThanOrEqual(2);
  expect(lines).toBeGreaterThan(1);
  // All of it inside the window, above its bottom edge.
  expect(await inViewport(shown)).toBe(true);
  await checkLayout(page, info, 'sale, long note');
});

test('无小票退货 keys a line on one row: 数量 narrower than the name, 单价 beside it', async ({ page, register }, info) => {
  await page.setViewportSize(SIZE);
  await setUpOwner(page, register);
  await page.keyboard.press('F7');
  await page.getByTestId('refund-no-receipt').click();
  await page.getByTestId('noreceipt-name').fill('退货商品');
  await page.getByTestId('noreceipt-qty').fill('5');
  const tops = await Promise.all(
    ['noreceipt-name', 'noreceipt-qty', 'noreceipt-price', 'noreceipt-tax', 'noreceipt-add'].map(async (id) => {
      const box = await page.getByTestId(id).boundingBox();
      return box ? box.y + box.height : -1;
    }),
  );
  const lowest = Math.max(...tops);
  for (const bottom of tops) expect(lowest - bottom).toBeLessThanOrEqual(16);
  const [qty, name] = await Promise.all([page.getByTestId('noreceipt-qty').boundingBox(), page.getByTestId('noreceipt-name').boundingBox()]);
  expect(qty?.width ?? 0).toBeLessThan(name?.width ?? 0);
  await checkLayout(page, info, 'return without receipt, keyed');
});
