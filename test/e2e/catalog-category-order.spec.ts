import { callRegister, expect, setUpOwner, test } from './fixtures';

// The product editor lists the categories by the name it shows, in that language's order: 拼音 in
// Chinese (零食, 面包, 饮料), A–Z in English (Bakery, Drinks, Snacks). Before, an English list came
// in the Chinese names' code-point order (Bakery, Snacks, Drinks).
test('the product editor lists categories in pinyin order in Chinese and A–Z in English', async ({ page, register }) => {
  await setUpOwner(page, register);
  for (const [nameZh, nameEn] of [
    ['饮料', 'Drinks'],
    ['面包', 'Bakery'],
    ['零食', 'Snacks'],
  ] as const) {
    expect(await callRegister(page, 'catalog.saveCategory', { nameZh, nameEn })).toMatchObject({ ok: true });
  }
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-catalog').click();
  await page.getByTestId('product-new').click();
  const listed = async (ours: readonly string[]) =>
    (await page.getByTestId('edit-category').locator('option').allTextContents()).filter((name) => ours.includes(name));
  await expect.poll(() => listed(['饮料', '面包', '零食'])).toEqual(['零食', '面包', '饮料']);
  await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
  await expect.poll(() => listed(['Drinks', 'Bakery', 'Snacks'])).toEqual(['Bakery', 'Drinks', 'Snacks']);
});
