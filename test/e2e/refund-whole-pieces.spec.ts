import { randomUUID } from 'node:crypto';
import { callRegister, expect, nextSale, openShift, scan, setUpOwner, test } from './fixtures';
import { line, payCash, WATER } from './refund-steps';

// A return takes back whole bottles only (weighed goods keep their decimals), and a receipt from a
// day the Z has closed says why it offers no 撤销整单.

test('half a bottle cannot come back: the field says so for the line and nothing can be confirmed', async ({ page, register }) => {
  await setUpOwner(page, register);
  await scan(page, WATER);
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await payCash(page, '4');
  await nextSale(page);

  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('1');
  await page.keyboard.press('Enter');
  await page.getByTestId('refund-reason').selectOption('defective');
  const qty = line(page, '农夫山泉').getByTestId('return-qty');
  await qty.fill('1.5');
  await expect(page.getByText('“农夫山泉 550ml”按件退货：请填整数件。')).toBeVisible();
  await expect(page.getByTestId('refund-confirm')).toBeDisabled();
  await expect(page.getByTestId('refund-plan-total')).toBeHidden();
  // A whole bottle is a return again.
  await qty.fill('1');
  await expect(page.getByTestId('refund-plan-total')).toHaveText('¥2.00');
  await expect(page.getByText('按件退货')).toBeHidden();
  // Main keeps the same rule for a request that did not come through this field.
  const sale = (await callRegister(page, 'refund.find', { code: '1' })) as { value: { sale: { id: string }; lines: { lineId: number }[] } };
  const asked = await callRegister(page, 'refund.preview', {
    saleId: sale.value.sale.id,
    lines: [{ lineId: sale.value.lines[0]!.lineId, qtyMilli: 1500, restock: true }],
  });
  expect(asked).toMatchObject({ ok: false, error: { code: 'refund.qty_whole_pieces' } });
});

test('a receipt from a closed day says why it cannot be voided, where 撤销整单 would be', async ({ page, register }) => {
  await setUpOwner(page, register);
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await payCash(page, '2');
  await nextSale(page);

  // Today's receipt: 撤销整单 offered, no note.
  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('void-sale')).toBeVisible();
  await expect(page.getByTestId('void-day-closed')).toBeHidden();
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');

  const shift = (await callRegister(page, 'shift.current', {})) as { value: { shift: { id: number } } };
  const status = (await callRegister(page, 'dayClose.status', {})) as { value: { businessDay: string } };
  const closed = await callRegister(page, 'dayClose.close', {
    businessDay: status.value.businessDay,
    forceClose: [{ shiftId: shift.value.shift.id, reason: '日结' }],
    idempotencyKey: randomUUID(),
  });
  expect(closed).toMatchObject({ ok: true });
  await openShift(page);

  await page.keyboard.press('F7');
  await page.getByTestId('refund-code').fill('1');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('void-day-closed')).toHaveText('已日结的单据不能撤销，请用退货。');
  await expect(page.getByTestId('void-sale')).toBeHidden();
  // A return is still offered.
  await expect(line(page, '农夫山泉').getByTestId('return-qty')).toBeEnabled();
});
