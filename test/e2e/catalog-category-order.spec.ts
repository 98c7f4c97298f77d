import { callRegister, expect, setUpOwner, test } from './fixtures';

// The product editor lists the categories by the name it shows, in that language's order: 拼音 in
// Chinese (茶, 零食, 啤酒, 水果), A–Z in English (Beer, Fruit, Snacks, Tea). Before, both came in the
// Chinese names' code-point order (啤酒, 水果, 茶, 零食 / Beer, Fruit, Tea, Snacks).
test('the product editor lists categories in pinyin order in Chinese and A–Z in English', async ({ page, register }) => {
  await setUpOwner(page, register);
  for (const [nameZh, nameEn] of [
    ['茶', 'Tea'],
    ['啤酒', 'Beer'],
    ['水果', 'Fruit'],
    ['零食', 'Snacks'],
  ] as const) {
    expect(await callRegister(page, 'catalog.saveCategory', { nameZh, nameEn })).toMatchObject({ ok: true });
  }
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-catalog').click();
  await page.getByTestId('product-new').click();
  const listed = async (ours: readonly string[]) =>
    (await page.getByTestId('edit-category').locator('option').allTextContents()).filter((name) => ours.includes(name));
  await expect.poll(() => listed(['茶', '啤酒', '水果', '零食'])).toEqual(['茶', '零食', '啤酒', '水果']);
  await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
  await expect.poll(() => listed(['Tea', 'Beer', 'Fruit', 'Snacks'])).toEqual(['Beer', 'Fruit', 'Snacks', 'Tea']);
});
