import { expect, saleScreenReady, scan, setUpOwner, test } from './fixtures';

// A product is sold by the piece or by weight (the product editor's 销售方式); a barcode typed with
// a wrong check digit is refused naming the right one; at the counter a toothbrush does not take a
// quantity of 1.5, while apples by the kilogram keep their three decimals.
test('the editor saves 计件 / 称重 and refuses a wrong check digit; the counter refuses 1.5 toothbrushes and weighs apples', async ({ page, register }) => {
  await setUpOwner(page, register);
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-catalog').click();

  // A new toothbrush: the barcode's last digit is mistyped, and the screen says what it should be.
  await page.getByTestId('product-new').click();
  await page.getByTestId('edit-sku').fill('BRUSH-01');
  await page.getByTestId('edit-name-zh').fill('牙刷');
  await page.getByTestId('edit-barcodes').fill('6921234500001');
  await page.getByTestId('edit-price').fill('5.90');
  await expect(page.getByTestId('edit-sold-by')).toHaveValue('piece');
  await expect(page.getByTestId('edit-sold-by').locator('option:checked')).toHaveText('计件（数量为整数）');
  await page.getByTestId('edit-save').click();
  const editor = page.getByTestId('product-editor');
  await expect(editor.getByTestId('error')).toHaveText('条码 6921234500001 的校验位不对：校验位应为 2。请核对条码。');
  await page.getByTestId('product-search').fill('BRUSH');
  await expect(page.getByTestId('product-none')).toBeVisible();
  await page.getByTestId('edit-barcodes').fill('6921234500002');
  await page.getByTestId('edit-save').click();
  // Saved: the editor now edits the new product.
  await expect(editor.getByRole('heading', { name: '编辑 BRUSH-01' })).toBeVisible();
  await expect(editor.getByTestId('error')).toHaveCount(0);

  // The demo's apples are sold by weight; the editor shows it and keeps it.
  await page.getByTestId('product-search').fill('APPLE-KG');
  await page.getByTestId('product-row').getByRole('button', { name: 'APPLE-KG' }).click();
  await expect(page.getByTestId('edit-sku')).toHaveValue('APPLE-KG');
  await expect(page.getByTestId('edit-sold-by').locator('option:checked')).toHaveText('称重（按公斤，保留 3 位小数）');

  // A bag of nuts, first saved by the piece, then switched to weight.
  await page.getByTestId('product-new').click();
  await page.getByTestId('edit-sku').fill('NUTS-KG');
  await page.getByTestId('edit-name-zh').fill('散装花生');
  await page.getByTestId('edit-price').fill('24.00');
  await page.getByTestId('edit-save').click();
  await expect(editor.getByRole('heading', { name: '编辑 NUTS-KG' })).toBeVisible();
  await page.getByTestId('edit-sold-by').selectOption('weight');
  await page.getByTestId('edit-save').click();
  await expect(page.getByTestId('product-saved')).toHaveText('已保存。');
  await page.getByTestId('product-search').fill('NUTS-KG');
  await page.getByTestId('product-row').getByRole('button', { name: 'NUTS-KG' }).click();
  await expect(page.getByTestId('edit-sku')).toHaveValue('NUTS-KG');
  await expect(page.getByTestId('edit-sold-by')).toHaveValue('weight');

  // At the counter: F3 on the toothbrush line, 1.5 is refused with the product's name, nothing changes.
  await page.getByTestId('back-to-sale').click();
  await saleScreenReady(page);
  await scan(page, '6921234500002');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.keyboard.press('F3');
  const qty = page.getByRole('dialog', { name: '数量：牙刷' });
  await qty.getByTestId('qty-input').fill('1.5');
  await qty.getByTestId('qty-input').press('Enter');
  await expect(qty.getByTestId('error')).toHaveText('“牙刷”按件销售，数量必须是整数，不能是 1.5。');
  await expect(page.getByTestId('line-qty')).toHaveText('1 × ¥5.90');
  await expect(page.getByTestId('total')).toHaveText('¥5.90');
  // A whole number is taken.
  await qty.getByTestId('qty-input').fill('2');
  await qty.getByTestId('qty-input').press('Enter');
  await expect(qty).toBeHidden();
  await expect(page.getByTestId('line-qty')).toHaveText('2 × ¥5.90');

  // Apples by the kilogram, picked from the list (no label): their weight is asked, and 0.755 kg is taken as keyed.
  await page.getByTestId('search').fill('苹果');
  await page
    .getByTestId('search-results')
    .getByRole('option', { name: /红富士苹果/ })
    .click();
  const weigh = page.getByRole('dialog', { name: '称重：红富士苹果 (每公斤)' });
  await weigh.getByTestId('weigh-input').fill('0.755');
  await weigh.getByTestId('weigh-input').press('Enter');
  await expect(weigh).toBeHidden();
  const apples = page.getByTestId('cart-line').filter({ hasText: '红富士苹果' });
  await expect(apples).toHaveAttribute('aria-selected', 'true');
  await expect(apples.getByTestId('line-qty')).toHaveText('0.755 kg × ¥9.80/kg');
  await expect(page.getByTestId('total')).toHaveText('¥19.20'); // 11.80 + 0.755 × 9.80 = 7.399
});
