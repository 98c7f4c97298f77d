import { callRegister, expect, scan, setUpOwner, test } from './fixtures';
import { checkLayout as check, inViewport, RESOLUTIONS } from './layout';

// Issue 13, layout and accessibility at the counter: the sale screen with a full cart, its
// dialogs (held sales, cancel, discount), the payment and completion screens, at the two
// counter resolutions, in Chinese and in English. Each state: no sideways scroll, nothing
// sticking out of its dialog or clipped, touch targets of 44 px, the tenders on screen, and an
// axe audit (WCAG 2 A/AA and best practice) with no violation. A screenshot of each is kept.
const WATER = '6901234567892';
const LANGUAGES = [
  { lang: 'zh-CN', switchTo: 'English', group: '语言' },
  { lang: 'en', switchTo: '中文', group: 'Language' },
] as const;

test('the counter screens fit 1024×768 and 1366×768 in both languages and pass an axe audit', async ({ page, register }, info) => {
  test.setTimeout(240_000);
  await setUpOwner(page, register);
  // One sale on hold, so the recall list has a row.
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.getByTestId('hold-sale').click();
  await expect(page.getByTestId('cart-line')).toHaveCount(0);
  // Thirty lines: the cart must scroll inside itself.
  const current = (await callRegister(page, 'sale.current', {})) as { value: { id: string } };
  for (let i = 1; i <= 30; i++) {
    const added = await callRegister(page, 'sale.addCustomLine', { saleId: current.value.id, name: `商品 ${i}`, qtyMilli: 1000, unitPriceMinor: 100 + i });
    expect(added).toMatchObject({ ok: true });
  }
  await expect(page.getByTestId('cart-line')).toHaveCount(30);

  for (const { lang, switchTo, group } of LANGUAGES) {
    for (const size of RESOLUTIONS) {
      const at = `${lang} ${size.width}x${size.height}`;
      await page.setViewportSize(size);
      // The newest line selected, as after a scan: its actions show under the cart.
      await page.getByTestId('cart-line').last().click();
      await expect(page.getByRole('toolbar')).toBeVisible();
      await page.getByTestId('search').focus();
      await expect(page.getByTestId('pay-cash')).toBeVisible();
      expect(await inViewport(page.getByTestId('pay-cash')), `${at}: pay button`).toBe(true);
      expect(await inViewport(page.getByTestId('sale-pay-card')), `${at}: card tender`).toBe(true);
      expect(await inViewport(page.getByRole('toolbar')), `${at}: line actions`).toBe(true);
      await check(page, info, `${at} sale`);

      await page.getByTestId('open-held').click();
      await expect(page.getByTestId('held-sale')).toHaveCount(1);
      await check(page, info, `${at} held`);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('held-sales-dialog')).toBeHidden();

      await page.getByTestId('cancel-sale').click();
      await expect(page.getByTestId('cancel-sale-dialog')).toBeVisible();
      await check(page, info, `${at} cancel`);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('cancel-sale-dialog')).toBeHidden();

      await page.keyboard.press('F9');
      await expect(page.getByTestId('discount-dialog')).toBeVisible();
      await page.getByTestId('discount-input').fill('10');
      await check(page, info, `${at} discount`);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('discount-dialog')).toBeHidden();

      await page.keyboard.press('F12');
      await expect(page.getByTestId('payment')).toBeVisible();
      await check(page, info, `${at} payment`);
      await page.keyboard.press('Escape');
      await expect(page.getByTestId('payment')).toBeHidden();
    }
    await page.getByRole('group', { name: group }).getByRole('button', { name: switchTo }).click();
  }

  // The completion screen, last: the cart is paid.
  await page.keyboard.press('F12');
  await page.getByTestId('tendered').fill('200');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('completion')).toBeVisible();
  for (const size of RESOLUTIONS) {
    await page.setViewportSize(size);
    await check(page, info, `zh-CN ${size.width}x${size.height} completion`);
  }
});
