import type { Page } from '@playwright/test';
import { createOwner, expect, saleScreenReady, setUpOwner, test } from './fixtures';

// The shift by keyboard, and what its screens say (sweep-train #7, #9), at 1024×768: a paid-out
// with no printer says what really happened; Enter in a count goes to the next note or coin and only
// the last one hands the count in; after the count the keys go on from the result.
test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
});

/** CNY notes and coins, as the count lists them: ¥100 down to ¥0.10. */
const NOTES = [10000, 5000, 2000, 1000, 500, 100, 50, 10];

/** Types `pieces` by denomination into a count from its first field, moving on by Enter; stops in the last field, nothing handed in. */
async function countByEnter(page: Page, form: string, pieces: Record<number, string>): Promise<void> {
  await expect(page.getByTestId(`count-${NOTES[0] ?? 0}`)).toBeFocused();
  for (const [i, note] of NOTES.entries()) {
    await expect(page.getByTestId(`count-${note}`)).toBeFocused();
    const typed = pieces[note];
    if (typed) await page.keyboard.type(typed);
    if (i + 1 < NOTES.length) await page.keyboard.press('Enter');
    // Enter went on to the next field: the count is still open, nothing was handed in.
    await expect(page.getByTestId(form)).toBeVisible();
  }
}

test('a paid-out with no printer says it was recorded and the drawer is to be opened with its key', async ({ page, register }) => {
  await setUpOwner(page, register);
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-shift').click();
  await page.getByText('支出', { exact: true }).click();
  await page.getByTestId('cash-move-amount').fill('20');
  await page.getByTestId('cash-move-reason').fill('买冰块');
  await page.getByTestId('cash-move-submit').click();
  await expect(page.getByTestId('notice')).toHaveText('已记录支出 ¥20.00。本收银台未设置小票打印机：钱箱没有自动打开，请用钥匙打开；未打印凭单。');
  await expect(page.getByTestId('cash-movements')).toContainText('买冰块');
});

test('closing count by keyboard: Enter goes from note to note, the last hands the count in, then 重新清点 and 确认结班 take the keys', async ({
  page,
  register,
}) => {
  await setUpOwner(page, register);
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-shift').click();
  await page.getByTestId('shift-close-start').click();

  await countByEnter(page, 'closing-count', { 10000: '2', 1000: '6' });
  await expect(page.getByTestId('shift-closing')).toHaveCount(0);
  await expect(page.getByTestId('closing-count-total')).toHaveText('¥260.00');
  await page.keyboard.press('Enter');

  // Handed in whole: ¥260.00 counted against ¥250.00 expected, and the keys are on 重新清点.
  await expect(page.getByTestId('shift-closing')).toBeVisible();
  await expect(page.getByTestId('counted-total')).toHaveText('¥260.00');
  await expect(page.getByTestId('shift-recount')).toBeFocused();
  await page.keyboard.press('Enter');
  await countByEnter(page, 'recount', { 10000: '2', 1000: '5' });
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('recounted-total')).toHaveText('¥250.00');
  await expect(page.getByTestId('shift-difference')).toHaveText('无差额');
  // The one recount is used: the keys are on the close.
  await expect(page.getByTestId('shift-confirm-close')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('shift-closed')).toHaveText('班次 #1 已结班，实点 ¥250.00。');
});

test('opening count by keyboard: Enter goes from note to note and the last one opens the shift', async ({ page, register }) => {
  await createOwner(page, register);
  await expect(page.getByTestId('open-shift')).toBeVisible();
  await countByEnter(page, 'opening-count', { 10000: '2', 1000: '5' });
  await expect(page.getByTestId('opening-count-total')).toHaveText('¥250.00');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('open-shift')).toBeHidden();
  await saleScreenReady(page);
});
