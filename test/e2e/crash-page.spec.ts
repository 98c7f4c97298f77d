import { expect, test } from './fixtures';
import { drawsDistinctGlyphs } from './glyphs';

// The page the desktop shell shows after the cashier screen crashed several times. It has no
// script and must still read in Chinese on a till with no CJK font of its own (as this machine).
test('the crash page is set in the shipped Chinese font, so its Chinese is words, not boxes', async ({ page, register }) => {
  await page.goto(`${register.origin}/crashed.html`);
  await expect(page.getByRole('heading', { name: '收银界面无法启动' })).toBeVisible();
  const family = await page.locator('body').evaluate((body) => getComputedStyle(body).fontFamily);
  expect(family.startsWith('"Noto Sans SC"')).toBe(true);
  await page.evaluate(() => document.fonts.ready);
  expect(await page.evaluate(() => document.fonts.check('16px "Noto Sans SC"', '收银界面无法启动'))).toBe(true);
  expect(await drawsDistinctGlyphs(page, family, '收', '银')).toBe(true);
});
