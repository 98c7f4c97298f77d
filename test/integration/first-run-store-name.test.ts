// First run on a real ledger: a store name of only spaces is refused with its reason and creates no
// owner (it once became "Ringup" on the header and every receipt without a word).
import { describe, expect, it } from 'vitest';
import { register } from '../support/tracked-registers';
import { OWNER_PIN } from '../support/register-fixture';
import { createOwner } from '../../main/operators/first-run';
import { operatorCount } from '../../main/operators/operators';
import { getSettings } from '../../main/settings/settings';
import { ServiceError } from '../../main/common/service-error';

describe('first run: the store name', () => {
  it('refuses a store name of only spaces through the router and changes nothing', async () => {
    const reg = register({ demo: false });
    const before = getSettings(reg.db).storeName;
    const refused = await reg.call('setup.createOwner', { name: '林店长', pin: OWNER_PIN, storeName: '   ' });
    expect(refused).toMatchObject({ ok: false, error: { params: { field: 'storeName' } } });
    const viaSettings = await reg.call('setup.createOwner', { name: '林店长', pin: OWNER_PIN, settings: { storeName: ' \t ' } });
    expect(viaSettings.ok).toBe(false);
    expect(operatorCount(reg.db)).toBe(0);
    expect(getSettings(reg.db).storeName).toBe(before);
    // The register still asks for its first owner: nothing was half-created.
    expect(await reg.must('session.current', {})).toMatchObject({ operator: null, needsSetup: true });
  });

  it('refuses a blank store name in the owner creation itself, whoever calls it, with a translated code', () => {
    const reg = register({ demo: false });
    const attempt = () => createOwner(reg.db, { name: '林店长', pin: OWNER_PIN, storeName: '  ' }, Date.now());
    expect(attempt).toThrow(ServiceError);
    expect(attempt).toThrow(expect.objectContaining({ code: 'setup.store_name_required' }));
    expect(operatorCount(reg.db)).toBe(0);
  });

  it('keeps a real store name, trimmed, for the header and the receipts', async () => {
    const reg = register({ demo: false });
    const session = await reg.must('setup.createOwner', { name: '林店长', pin: OWNER_PIN, storeName: '  林记便利店 ' });
    expect(session.storeName).toBe('林记便利店');
    expect(getSettings(reg.db).storeName).toBe('林记便利店');
  });
});
