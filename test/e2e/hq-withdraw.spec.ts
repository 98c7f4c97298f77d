import { startHqRig } from '../support/hq-rig';
import { expect, setUpOwner, test } from './fixtures';
import { enrolAtHq } from './hq-steps';

test('a till withdrawn at HQ says why in the owner’s words, and its owner withdraws it here too', async ({ page, register }) => {
  test.setTimeout(120_000);
  const rig = await startHqRig();
  try {
    const code = await rig.newRegister('WE-R1', 'WE');
    await setUpOwner(page, register);
    await page.getByTestId('open-back-office').click();
    await enrolAtHq(page, rig.hq.url, code);

    // HQ's owner takes the till out of the chain (a lost till); the till's next try is refused.
    expect((await rig.admin('POST', '/api/admin/registers/WE-R1/withdraw')).body).toMatchObject({ ok: true });
    await page.getByTestId('hq-retry').click();
    const status = page.getByTestId('hq-status');
    await expect(status).toHaveAttribute('data-state', 'refused');
    await expect(status.getByTestId('error')).toContainText('总部已将本收银机移出连锁，不再接收它的上传');

    // Asked twice; cancelling changes nothing.
    await page.getByTestId('hq-withdraw').click();
    await expect(page.getByTestId('hq-withdraw-confirm')).toContainText('将收银机 WE-R1 移出门店 WE 的连锁？');
    await page.getByTestId('hq-withdraw-no').click();
    await expect(status).toHaveAttribute('data-state', 'refused');
    await page.getByTestId('hq-withdraw').click();
    await page.getByTestId('hq-withdraw-yes').click();
    await expect(status).toHaveAttribute('data-state', 'not_enrolled');
    await expect(page.getByTestId('hq-enrol')).toBeVisible();
    await expect(page.getByTestId('hq-withdraw')).toHaveCount(0);
  } finally {
    await rig.close();
  }
});
