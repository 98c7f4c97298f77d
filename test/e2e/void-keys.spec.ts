import { expect, finishRefund, nextSale, scan, setUpOwner, test } from './fixtures';
import { BREAD, openVoidOf, payCash } from './refund-steps';

// docs/shortcuts.md: in every dialog, Enter confirms. The void dialog's last field is its reason,
// a <select>, where a browser does not submit the form on Enter by itself.
test('the void dialog: a reason picked with the arrow keys, then Enter, voids the sale', async ({ page, register }) => {
  await page.setViewportSize({ width: 1024, height: 768 });
  await setUpOwner(page, register);
  await scan(page, BREAD);
  await payCash(page, '10');
  await nextSale(page);

  const dialog = await openVoidOf(page, '1');
  const reason = dialog.getByTestId('void-reason');
  await reason.focus();
  // Enter with no reason yet says so and voids nothing.
  await page.keyboard.press('Enter');
  await expect(dialog).toContainText('请选择撤销原因');
  await page.keyboard.press('ArrowDown');
  await expect(reason).not.toHaveValue('');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('refund-done').getByTestId('refund-done-title')).toHaveText('整单已撤销');
  await finishRefund(page);
});
