import { expect, test } from './fixtures';
import { drawsDistinctGlyphs } from './glyphs';

// The desktop shell's two pages without script: the opening page, shown while it opens (and after
// an update may upgrade) the ledger, and the page shown after the cashier screen crashed several
// times. Both must read in Chinese on a till with no CJK font of its own (as this machine).
for (const { page: file, heading } of [
  { page: 'opening.html', heading: '正在打开账本…' },
  { page: 'crashed.html', heading: '收银界面无法启动' },
]) {
  test(`${file} is set in the shipped Chinese font, so its Chinese is words, not boxes`, async ({ page, register }) => {
    await page.goto(`${register.origin}/${file}`);
    await expect(page.getByRole('heading', { name: heading })).toBeVisible();
    const family = await page.locator('body').evaluate((body) => getComputedStyle(body).fontFamily);
    expect(family.startsWith('"Noto Sans SC"')).toBe(true);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate((text) => document.fonts.check('16px "Noto Sans SC"', text), heading)).toBe(true);
    expect(await drawsDistinctGlyphs(page, family, heading[0] ?? '', heading[1] ?? '')).toBe(true);
  });
}

test('the opening page says, in both languages, that the ledger is opening and the computer must stay on', async ({ page, register }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await page.goto(`${register.origin}/opening.html`);
  await expect(page.getByRole('progressbar', { name: /正在打开账本/ })).toBeVisible();
  await expect(page.getByText('请不要关闭电脑')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Opening the ledger…' })).toBeVisible();
  await expect(page.getByText('Please do not switch the computer off.')).toBeVisible();
  // Nothing of it below the fold of the smallest window the register opens.
  const bottom = await page.locator('main').evaluate((el) => el.getBoundingClientRect().bottom);
  expect(bottom).toBeLessThanOrEqual(768);
});
