import { expect, setUpOwner, test } from './fixtures';

// A price scheduled in the product editor is typed as the app writes moments (年-月-日 时:分), in a
// browser whose own language is English while the app speaks Chinese: the field's hint and refusals
// are the app's, a moment that does not exist saves nothing, and a real one schedules the price.
test.use({ locale: 'en-US' });

test('the product editor schedules a price at a moment typed 年-月-日 时:分, and refuses one that does not exist', async ({ page, register }) => {
  await setUpOwner(page, register);
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-catalog').click();
  const editor = page.getByTestId('product-editor');

  await page.getByTestId('product-new').click();
  await page.getByTestId('edit-sku').fill('BATH-SOAP-77');
  await page.getByTestId('edit-name-zh').fill('香皂');
  await page.getByTestId('edit-price').fill('6.00');
  await page.getByTestId('edit-save').click();
  await expect(editor.getByRole('heading', { name: '编辑 BATH-SOAP-77' })).toBeVisible();

  const effective = page.getByTestId('edit-effective');
  await expect(effective).toHaveAttribute('placeholder', '年-月-日 时:分');
  await page.getByTestId('edit-price').fill('6.50');
  await effective.fill('2031-02-30 09:00');
  await page.getByTestId('edit-save').click();
  await expect(page.getByTestId('edit-effective-problem')).toHaveText('没有 2031-02-30 09:00 这一天，请检查月份和日期。');
  await expect(page.getByTestId('scheduled-price')).toHaveCount(0);

  await effective.fill('2031-03-01 9:05');
  await page.getByTestId('edit-save').click();
  await expect(page.getByTestId('edit-effective-problem')).toHaveCount(0);
  await expect(page.getByTestId('scheduled-price')).toContainText('¥6.50');
  await expect(page.getByTestId('scheduled-price')).toContainText('2031');
  // Until then the product keeps its price.
  await page.getByTestId('product-search').fill('BATH-SOAP-77');
  await expect(page.getByTestId('product-row')).toContainText('6.00');
});
