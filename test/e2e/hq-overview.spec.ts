import { hqPaths } from '../../preload/contract/hq-wire';
import { post, startHqRig } from '../support/hq-rig';
import { expect, setUpOwner, test } from './fixtures';
import { enrolAtHq } from './hq-steps';
import { inViewport } from './layout';

test('the owner sees the enrolled register’s journal reach HQ, reads HQ’s figures through it, and is told plainly when HQ is out of reach', async ({
  page,
  register,
}) => {
  test.setTimeout(120_000);
  const rig = await startHqRig();
  let closed = false;
  try {
    const code = await rig.newRegister('E2E-R1', 'E2E');
    // Another till of the shop, enrolled and later taken out of the chain at HQ (a lost till).
    const lostCode = await rig.newRegister('E2E-R0', 'E2E');
    const enrolled = await post(`${rig.hq.url}${hqPaths.enrol}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: lostCode, localRegisterId: 'R9' }),
    });
    expect(enrolled.body).toMatchObject({ ok: true });
    expect((await rig.admin('POST', '/api/admin/registers/E2E-R0/withdraw')).body).toMatchObject({ ok: true });
    await page.setViewportSize({ width: 1024, height: 768 });
    await setUpOwner(page, register);
    await page.getByTestId('open-back-office').click();
    // The section follows the upload after the enrolment: every entry reaches HQ without reopening it.
    await enrolAtHq(page, rig.hq.url, code);
    await expect(page.getByTestId('hq-status')).not.toHaveAttribute('data-state', 'not_enrolled');
    await expect(page.getByTestId('hq-acked')).not.toContainText('总部已收 0 /');

    await page.getByTestId('back-office-nav-hq-overview').click();
    await expect(page.getByRole('heading', { name: '总部', level: 2, exact: true })).toBeVisible();
    await expect(page.getByTestId('hq-shop-E2E')).toContainText('门店 E2E');
    await expect(page.getByTestId('hq-register-E2E-R1')).toContainText('收银机 E2E-R1');
    // The withdrawn till says so (its last upload is no sign of trouble); the enrolled one does not.
    await expect(page.getByTestId('hq-register-E2E-R0-withdrawn')).toContainText('已移出连锁，不再上传');
    await expect(page.getByTestId('hq-register-E2E-R1-withdrawn')).toHaveCount(0);
    // No Z yet: no handover line under the sums, and every column of the figures in the window.
    await expect(page.getByTestId('hq-register-E2E-R1-day-handover')).toHaveCount(0);
    expect(await inViewport(page.getByTestId('hq-register-E2E-R1').locator('td').last()), 'last upload in the window').toBe(true);
    await expect(page.getByTestId('hq-overview-no-differences')).toBeVisible();
    await expect(page.getByTestId('hq-overview-no-alerts')).toHaveText('没有未处理的警报。');

    await rig.close();
    closed = true;
    await page.getByTestId('hq-overview-load').click();
    await expect(page.getByTestId('hq-overview-unreachable')).toContainText('现在无法连接总部');
    await expect(page.getByTestId('hq-overview-figures')).toHaveCount(0);
  } finally {
    if (!closed) await rig.close();
  }
});
