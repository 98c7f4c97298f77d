import { expect, saleScreenReady, setUpOwner, test } from './fixtures';

// The back office by keyboard (sweep-train #11), at 1024×768: F10 puts the keys in the section
// menu, the arrows move in it, Enter opens a section. 班次 was 18 Tabs from where F10 left the focus.
test('F10 puts the keys in the menu; ↓ ↑ Home End move in it, Enter opens 班次, Tab goes on into it, Shift+Tab comes back', async ({ page, register }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await setUpOwner(page, register);
  await page.keyboard.press('F10');
  const nav = page.getByRole('navigation', { name: '管理功能' });
  const entry = (name: string) => nav.getByRole('button', { name, exact: true });
  await expect(entry('操作员')).toBeFocused();
  await expect(entry('操作员')).toHaveAttribute('aria-current', 'page');

  // Arrows move the focus only; the open section stays until Enter.
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await expect(entry('班次')).toBeFocused();
  await expect(entry('操作员')).toHaveAttribute('aria-current', 'page');
  await page.keyboard.press('ArrowUp');
  await expect(entry('单据')).toBeFocused();
  await page.keyboard.press('End');
  await expect(nav.locator('.back-office__link').last()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(entry('操作员')).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(nav.locator('.back-office__link').last()).toBeFocused();
  await page.keyboard.press('Home');
  await expect(entry('操作员')).toBeFocused();

  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(entry('班次')).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('heading', { name: '班次', level: 2 })).toBeFocused();
  // The section fills in once the register has answered with the shift; a Tab sent before that
  // finds nothing in it to land on (a loaded test machine once took longer than the four keys).
  await expect(page.getByTestId('cash-move-form')).toBeVisible();
  // The menu is one Tab stop: from the section, Shift+Tab passes 返回销售 and lands on 班次.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByTestId('back-to-sale')).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await expect(entry('班次')).toBeFocused();
  // Tab goes from the menu into the section's form, past 返回销售.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('shift-section').locator(':focus')).toHaveCount(1);

  // Esc (outside a field) and F10 still go back to the sale; F10 again puts the keys on the open section's entry.
  await page.getByTestId('back-office-nav-shift').focus();
  await page.keyboard.press('Escape');
  await saleScreenReady(page);
  await page.keyboard.press('F10');
  await expect(page.getByTestId('back-office')).toBeVisible();
  await expect(nav.locator('[aria-current="page"]')).toBeFocused();
});
