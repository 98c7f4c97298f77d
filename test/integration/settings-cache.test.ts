// The router hands every call the store settings from a cache; it must never answer with
// settings that are not the committed ones.
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { getSettings, updateSettings } from '../../main/settings/settings';
import { makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';

const open: TestRegister[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.cleanup();
});

describe('the settings cache', () => {
  it('sees a change committed through another connection to the ledger file', async () => {
    const reg = makeRegister();
    open.push(reg);
    await withStaff(reg);
    expect((await reg.must('settings.get', {})).storeName).not.toBe('别的店');
    const other = new Database(reg.file);
    try {
      other
        .prepare("INSERT INTO settings (key, value) VALUES ('storeName', ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value")
        .run(JSON.stringify('别的店'));
    } finally {
      other.close();
    }
    expect((await reg.must('settings.get', {})).storeName).toBe('别的店');
  });

  it('is refreshed by every update and keeps nothing of one that rolled back', async () => {
    const reg = makeRegister();
    open.push(reg);
    const { ownerId } = await withStaff(reg);
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    await reg.must('settings.update', { storeName: '新店名' });
    expect((await reg.must('settings.get', {})).storeName).toBe('新店名');
    expect(() =>
      reg.db.transaction(() => {
        updateSettings(reg.db, { storeName: '不会保存' }, ownerId);
        // Read inside the transaction: the uncommitted value, which must not outlive it.
        expect(getSettings(reg.db).storeName).toBe('不会保存');
        throw new Error('roll back');
      })(),
    ).toThrow('roll back');
    expect(getSettings(reg.db).storeName).toBe('新店名');
    expect(Object.isFrozen(getSettings(reg.db))).toBe(true);
  });
});
