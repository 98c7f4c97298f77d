import { hashPinForRegisters } from '../../hq/down/pin-hash';
import { startHqRig } from '../support/hq-rig';
import { expect, OWNER, setUpOwner, test } from './fixtures';
import { enrolAtHq } from './hq-steps';

test('an HQ operators version that would take away the till’s only owner: the owner stays, and HQ upload says why', async ({ page, register }) => {
  test.setTimeout(120_000);
  const rig = await startHqRig();
  try {
    const code = await rig.newRegister('KO-R1', 'KO');
    await setUpOwner(page, register);
    await page.getByTestId('open-back-office').click();
    await enrolAtHq(page, rig.hq.url, code);

    // HQ now refuses such a version; one already in its table (an older HQ) still comes down.
    const refused = await rig.admin('POST', '/api/admin/versions', {
      kind: 'operators',
      shopId: 'KO',
      effectiveAt: 0,
      body: { operators: [{ name: OWNER.name, role: 'cashier', active: true, ...hashPinForRegisters('4821') }] },
    });
    expect(refused).toMatchObject({ status: 409, body: { ok: false, error: { code: 'hq.forbidden', params: { why: 'last_owner', name: OWNER.name } } } });
    const operators = [
      { name: OWNER.name, role: 'cashier', active: false, ...hashPinForRegisters('4821') },
      { name: '王芳', role: 'cashier', active: true, ...hashPinForRegisters('4822') },
    ];
    await rig.hq.pool.query("INSERT INTO down_versions (shop_id, kind, effective_at, body, created_at) VALUES ('KO', 'operators', 0, $1, $2)", [
      JSON.stringify({ operators }),
      Date.now(),
    ]);
    await page.getByTestId('hq-retry').click();
    await expect(page.getByTestId('hq-kept-owners')).toHaveText(
      `总部第 1 版操作员名单会使本机没有在职店主，已照常应用其余部分，但保留了店主 ${OWNER.name}（其角色、PIN 和工牌未改）。请在总部的名单中保留至少一位在职店主。`,
    );
    // Still the owner: the owner-only sections stay open to them, and HQ's cashier came down with a number.
    await page.getByTestId('back-office-nav-operators').click();
    await expect(page.getByTestId('operator-row').filter({ hasText: OWNER.name })).toContainText('店主');
    const wang = page.getByTestId('operator-row').filter({ hasText: '王芳' });
    await expect(wang.getByTestId('operator-role')).toHaveValue('cashier');
    await expect(wang.getByTestId('operator-number')).toHaveText(/^[1-9]\d*$/);
  } finally {
    await rig.close();
  }
});
