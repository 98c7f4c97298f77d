import { callRegister, expect, OWNER, saleScreenReady, scan, setUpOwner, test, openPayment } from './fixtures';
import { horizontalScroll, inViewport, overflowAndClipping, RESOLUTIONS, smallTargets } from './layout';
import type { Page } from '@playwright/test';

// Issue 13, "A counter screen that survives a real shift", at the counter's own screen sizes: the
// ad-hoc dialog, the cart scrolling inside itself, the printer banner, labels and targets, the UI font.
const WATER = '6901234567892'; // 农夫山泉 550ml ¥2.00
const MILK = '6904567890125'; // 蒙牛纯牛奶 250ml ¥3.80

/** `count` more ad-hoc lines straight into the open sale; the page follows through `sale.changed`. */
async function fillCart(page: Page, count: number): Promise<void> {
  const current = (await callRegister(page, 'sale.current', {})) as { value: { id: string; lines: unknown[] } };
  const before = current.value.lines.length;
  for (let i = 1; i <= count; i++) {
    const added = await callRegister(page, 'sale.addCustomLine', { saleId: current.value.id, name: `商品 ${i}`, qtyMilli: 1000, unitPriceMinor: 100 + i });
    expect(added).toMatchObject({ ok: true });
  }
  await expect(page.getByTestId('cart-line')).toHaveCount(before + count);
}

test('2. the ad-hoc item dialog fits its frame at both counter sizes; tabbing to the unit price scrolls nothing away', async ({ page, register }) => {
  await setUpOwner(page, register);
  for (const size of RESOLUTIONS) {
    await page.setViewportSize(size);
    await page.keyboard.press('F4');
    const dialog = page.getByRole('dialog', { name: '临时商品' });
    await expect(dialog).toBeVisible();
    expect(await overflowAndClipping(page), `${size.width}×${size.height}`).toEqual([]);
    expect(await horizontalScroll(page), `${size.width}×${size.height}`).toEqual([]);
    await expect(dialog.getByLabel('商品名称')).toBeFocused();
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(dialog.getByLabel('单价')).toBeFocused();
    const frame = await dialog.boundingBox();
    for (const part of [
      dialog.getByRole('heading', { name: '临时商品' }),
      dialog.getByLabel('商品名称'),
      dialog.getByLabel('单价'),
      dialog.getByRole('group'),
    ]) {
      const box = await part.boundingBox();
      expect(box && frame && box.y >= frame.y - 1 && box.y + box.height <= frame.y + frame.height + 1 && box.x + box.width <= frame.x + frame.width + 1).toBe(
        true,
      );
      expect(await inViewport(part)).toBe(true);
    }
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
  }
});

test('3. the cart scrolls inside itself: with many lines the newest stays in view, the pay button, line actions and header never move', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  for (const size of RESOLUTIONS) {
    await page.setViewportSize(size);
    const header = await page.locator('header').boundingBox();
    const pay = await page.getByTestId('pay-cash').boundingBox();
    await fillCart(page, 14);
    expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
    expect(await page.locator('header').boundingBox()).toEqual(header);
    expect(await page.getByTestId('pay-cash').boundingBox()).toEqual(pay);
    await expect.poll(() => inViewport(page.getByTestId('pay-cash'))).toBe(true);
    await expect.poll(() => inViewport(page.getByRole('toolbar'))).toBe(true);
    // The newest line is selected and scrolled into the cart's own view.
    const last = page.getByTestId('cart-line').last();
    await expect(last).toHaveAttribute('aria-selected', 'true');
    await expect
      .poll(async () => {
        const cart = await page.getByTestId('cart').boundingBox();
        const line = await last.boundingBox();
        return !!cart && !!line && line.y >= cart.y - 1 && line.y + line.height <= cart.y + cart.height + 1;
      })
      .toBe(true);
    // A scan of a line far up the cart brings that line into view.
    await scan(page, WATER);
    await scan(page, MILK);
    await page.getByTestId('cart').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await scan(page, WATER);
    const water = page.getByTestId('cart-line').filter({ hasText: '农夫山泉' });
    await expect(water).toHaveAttribute('aria-selected', 'true');
    await expect.poll(() => inViewport(water)).toBe(true);
  }
});

test('10c. a printer banner takes its own row: the pay button stays on screen at 1024×768 with a full cart', async ({ page, register }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await setUpOwner(page, register);
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-printer').click();
  await page.getByTestId('printer-enabled').check();
  await page.getByTestId('printer-host').fill('127.0.0.1');
  // Nothing listens on port 9: the printer is offline.
  await page.getByTestId('printer-port').fill('9');
  await page.getByTestId('printer-save').click();
  await page.getByTestId('back-to-sale').click();
  await expect(page.getByTestId('hardware-banner')).toBeVisible({ timeout: 15_000 });
  await fillCart(page, 14);
  expect(await inViewport(page.getByTestId('pay-cash'))).toBe(true);
  expect(await inViewport(page.getByRole('toolbar'))).toBe(true);
  expect(await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
});

test('10h/i. at 1024 px no button label breaks or is cut, and the header buttons are at least 44 px', async ({ page, register }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await setUpOwner(page, register);
  await scan(page, WATER);
  // The line is in before F12: an empty cart is not paid.
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  for (const language of ['中文', 'English']) {
    await page.getByRole('button', { name: language, exact: true }).click();
    expect(await smallTargets(page)).toEqual([]);
    await openPayment(page);
    await expect(page.getByTestId('payment')).toBeVisible();
    expect(await overflowAndClipping(page)).toEqual([]);
    // One line each: a label that wrapped would be taller than the button's own minimum.
    const tall = await page
      .locator('main .button')
      .evaluateAll((buttons) =>
        buttons.filter((b) => b.getBoundingClientRect().height > parseFloat(getComputedStyle(b).minHeight) + 1).map((b) => b.textContent),
      );
    expect(tall).toEqual([]);
    expect(await smallTargets(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await saleScreenReady(page);
  }
});

test('11. the UI font ships with the app: Chinese renders in Noto Sans SC served by the register itself', async ({ page, register }) => {
  const fonts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'font') fonts.push(request.url());
  });
  await setUpOwner(page, register);
  const loaded = await page.evaluate(async () => (await document.fonts.load('16px "Noto Sans SC"', '应收收银')).length);
  expect(loaded).toBeGreaterThan(0);
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', '应收收银'))).toBe(true);
  expect(fonts.length).toBeGreaterThan(0);
  expect(fonts.every((url) => url.startsWith(`${register.origin}/`))).toBe(true);
});

test('the opening count at 1024×768: its panel holds the whole table and both buttons, which the page scrolls to', async ({ page, register }) => {
  await page.setViewportSize(RESOLUTIONS[0]);
  await page.goto(register.url);
  await page.getByLabel('店主姓名').fill(OWNER.name);
  await page.getByLabel('密码（4–8 位数字）').fill(OWNER.pin);
  await page.getByLabel('再次输入密码').fill(OWNER.pin);
  await page.getByLabel('店铺名称').fill(OWNER.store);
  await page.getByRole('button', { name: '创建店主并开始' }).click();
  await page.getByTestId('wizard-later').click();
  const screen = page.getByTestId('open-shift');
  await expect(screen).toBeVisible();
  const panel = (await screen.locator('.shift-panel').boundingBox())!;
  for (const id of ['opening-count-submit', 'shift-skip']) {
    const button = (await page.getByTestId(id).boundingBox())!;
    expect(button.y + button.height, `${id} inside the panel`).toBeLessThanOrEqual(panel.y + panel.height);
  }
  await page.getByTestId('opening-count-submit').scrollIntoViewIfNeeded();
  expect(await inViewport(page.getByTestId('opening-count-submit'))).toBe(true);
});

test('扫码 at 1024×768: the payment-code prompt and a refusal of what was keyed come into view, below the other tenders', async ({ page, register }) => {
  await setUpOwner(page, register);
  await page.setViewportSize(RESOLUTIONS[0]);
  await scan(page, WATER);
  // The line is in before F12: on an empty cart F12 is refused and F8 would stay with the sale screen.
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await openPayment(page);
  await page.keyboard.press('F8');
  await expect(page.getByTestId('scan-submit')).toBeInViewport({ ratio: 1 });
  await page.getByTestId('scan-code').fill('12345');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('scan-payment').getByTestId('error')).toHaveText('这不是顾客的付款码（付款码为 16 位或更多数字）。');
  await expect(page.getByTestId('scan-payment').getByTestId('error')).toBeInViewport({ ratio: 1 });
});
