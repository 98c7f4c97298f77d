import type { Page } from '@playwright/test';
import { expect, ringUpAdHoc, setUpOwner, test } from './fixtures';
import { horizontalScroll, tablesOutOfTheirBox } from './layout';

// sweep-rep #4: at 1024×768 a Z with a ¥1,234,567.90 sale set the tax-rate table (税率 | 净额 |
// 税额 | 含税) beside the documents table, ran ¥1,234,567.90 out of its card and scrolled the
// back office sideways. Tables that do not fit side by side go under each other.
test.use({ viewport: { width: 1024, height: 768 } });

/** Every visible element's right edge, where it passes the window's. */
async function beyondTheWindow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('[data-testid=report] *')) {
      const r = el.getBoundingClientRect();
      if (r.width > 0 && r.right > window.innerWidth + 0.5)
        found.push(`${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30)}" ends at ${Math.round(r.right)}`);
    }
    return found;
  });
}

test('a Z with a ¥1,234,567.90 sale fits 1024×768 in Chinese and English: its tables wrap, nothing passes the window', async ({ page, register }) => {
  await setUpOwner(page, register);
  await ringUpAdHoc(page, '大额商品', '1234567.90');
  await page.getByTestId('tendered').fill('1234567.90');
  await page.getByTestId('take-cash').click();
  await expect(page.getByTestId('receipt-no')).toHaveText('R1-000001');
  await page.getByTestId('next-sale').click();

  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-day-close').click();
  await page.getByTestId('force-reason-1').fill('测试');
  await page.getByTestId('day-close-run').click();
  await page.getByTestId('day-close-confirm').click();
  await expect(page.getByTestId('z-title')).toContainText('Z 报表 #1', { timeout: 15_000 });
  const taxTable = page.getByRole('table', { name: /^(税率|Tax rates)$/ });
  await expect(taxTable).toContainText('¥1,234,567.90');

  for (const language of ['zh-CN', 'en']) {
    if (language === 'en') {
      await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
      await expect(page.getByTestId('z-title')).toContainText('Z report #1');
    }
    await taxTable.scrollIntoViewIfNeeded();
    expect(await beyondTheWindow(page), language).toEqual([]);
    expect(await tablesOutOfTheirBox(page), language).toEqual([]);
    expect(await horizontalScroll(page), language).toEqual([]);
  }
});
