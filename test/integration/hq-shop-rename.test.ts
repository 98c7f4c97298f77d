// A shop renamed at HQ (PostgreSQL): settings flow from HQ to its registers, so both registers of
// the shop take the new name for their store (receipts) and their HQ section names the shop as
// HQ does now; a register of another shop keeps its own. HQ's overview names it anew at once.
import { describe, expect, it } from 'vitest';
import { makeRegister, OWNER_PIN, withStaff } from '../support/register-fixture';
import { useHqRig } from '../support/use-hq-rig';

const hq = useHqRig();

async function till(id: string, shopId: string) {
  const reg = makeRegister({ sync: { auto: false } });
  hq.registers.push(reg);
  const staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  await hq.rig.enrol(reg, id, shopId);
  await reg.sync.runOnce();
  return reg;
}

describe('a shop renamed at HQ', () => {
  it('reaches the store name of each of its registers and their HQ section, not another shop’s', async () => {
    const a = await till('RN1-R1', 'RN1');
    const b = await till('RN1-R2', 'RN1');
    const other = await till('RN2-R1', 'RN2');
    expect(await a.must('sync.status', {})).toMatchObject({ shopName: 'Shop RN1' });
    const before = (await other.must('settings.get', {})).storeName;

    const renamed = await hq.rig.admin<{ created: boolean; storeNameVersion: number }>('POST', '/api/admin/shops', { id: 'RN1', name: '南京东路店' });
    expect(renamed.body).toMatchObject({ ok: true, value: { id: 'RN1', name: '南京东路店', created: false } });
    const version = renamed.body.ok ? renamed.body.value.storeNameVersion : 0;

    for (const reg of [a, b, other]) await reg.sync.runOnce();
    for (const reg of [a, b]) {
      expect((await reg.must('settings.get', {})).storeName).toBe('南京东路店');
      expect(await reg.must('sync.status', {})).toMatchObject({ shopName: '南京东路店', downVersion: version });
    }
    expect((await other.must('settings.get', {})).storeName).toBe(before);
    expect(await other.must('sync.status', {})).toMatchObject({ shopName: 'Shop RN2' });

    // HQ's overview, as the owner reads it at a till, names the shop anew.
    const overview = await a.must('sync.hqOverview', { day: new Date().toISOString().slice(0, 10) });
    expect(JSON.stringify(overview)).toContain('南京东路店');

    // The same name again is no rename: nothing new goes down.
    const again = await hq.rig.admin('POST', '/api/admin/shops', { id: 'RN1', name: '南京东路店' });
    expect(again.body).toEqual({ ok: true, value: { id: 'RN1', name: '南京东路店', created: false } });
  });
});
