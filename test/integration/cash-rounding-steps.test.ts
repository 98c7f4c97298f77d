// Cash rounding takes only steps a drawer can settle to (none, 0.05, 0.10, 0.50, 1.00; 0.01 as
// none). A step of 0.07 once charged ¥2.03 for a ¥2.00 cash sale: the contract now refuses it from
// the back office and any other caller, HQ versions skip it, and a ledger that already holds such a
// step keeps selling by it until the owner picks another.
import { randomUUID } from 'node:crypto';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { applyDueVersions } from '../../main/sync/apply-version';
import { settingsSkips } from '../../preload/contract/hq-wire';
import { errorMessage } from '../../renderer/src/i18n/error-message';
import { errorsI18n } from '../support/errors-i18n';
import { makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';

const open: TestRegister[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.cleanup();
});
const i18n = errorsI18n();

async function asOwner() {
  const reg = makeRegister();
  open.push(reg);
  const staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  return reg;
}

function settingsChangedCount(reg: TestRegister): number {
  return (reg.db.prepare("SELECT COUNT(*) AS n FROM journal WHERE kind = 'settings.changed'").get() as { n: number }).n;
}

/** A ¥2.00 sale paid with ¥3.00 cash: what the cash payment settled and the change. */
async function cashSaleOfTwoYuan(reg: TestRegister) {
  const sale = await reg.must('sale.current', {});
  await reg.must('sale.addCustomLine', { saleId: sale.id, name: 'Two yuan', qtyMilli: 1000, unitPriceMinor: 200 });
  const done = await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 300, idempotencyKey: randomUUID() });
  return done.sale;
}

describe('cash rounding steps', () => {
  it('refuses a step no coin settles to (0.03, 0.07, 0.25) in words, in both languages, and changes nothing', async () => {
    const reg = await asOwner();
    await reg.must('settings.update', { cashRoundingStepMinor: 10 });
    const changes = settingsChangedCount(reg);
    for (const step of [3, 7, 2, 25, 99]) {
      const refused = await reg.call('settings.update', { cashRoundingStepMinor: step, storeName: 'Odd step' });
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'request.invalid_input', params: { field: 'cashRoundingStepMinor', issue: 'cash_rounding_step' } },
      });
      if (refused.ok) continue;
      expect(errorMessage(refused.error, i18n.getFixedT('zh-CN'), 'zh-CN', 'CNY')).toBe(
        '现金舍入单位只能是不舍入、0.05、0.10、0.50 或 1.00：其他单位没有对应的硬币。未做任何更改。',
      );
      expect(errorMessage(refused.error, i18n.getFixedT('en'), 'en', 'CNY')).toBe(
        'Cash rounding can only be none, 0.05, 0.10, 0.50 or 1.00: other steps round to no coin. Nothing was changed.',
      );
    }
    expect(await reg.must('settings.get', {})).toMatchObject({ cashRoundingStepMinor: 10, storeName: expect.not.stringMatching('Odd step') as string });
    expect(settingsChangedCount(reg)).toBe(changes);
  });

  it('takes none, 0.01 (as none), 0.05, 0.10, 0.50 and 1.00, and a cash sale is rounded by the step', async () => {
    const reg = await asOwner();
    for (const step of [0, 1, 5, 10, 50, 100])
      expect(await reg.must('settings.update', { cashRoundingStepMinor: step })).toMatchObject({ cashRoundingStepMinor: step });
    await reg.must('settings.update', { cashRoundingStepMinor: 50 });
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addCustomLine', { saleId: sale.id, name: 'Odd', qtyMilli: 1000, unitPriceMinor: 226 });
    const done = await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 300, idempotencyKey: randomUUID() });
    expect(done.sale).toMatchObject({ roundingMinor: 24, changeMinor: 50 });
  });

  it('a ledger that already holds an odd step keeps selling by it, and the owner can replace it with a valid one', async () => {
    const reg = await asOwner();
    // Saved before the rule: written straight into the ledger file, as an older version would have.
    const other = new Database(reg.file);
    other.prepare("INSERT INTO settings (key, value) VALUES ('cashRoundingStepMinor', '7') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run();
    other.close();
    expect(await reg.must('settings.get', {})).toMatchObject({ cashRoundingStepMinor: 7 });
    // Another setting saves without touching the step; the step itself cannot be saved again.
    expect(await reg.must('settings.update', { storeName: 'Still selling' })).toMatchObject({ cashRoundingStepMinor: 7 });
    expect(await reg.call('settings.update', { cashRoundingStepMinor: 7 })).toMatchObject({ ok: false, error: { params: { issue: 'cash_rounding_step' } } });
    expect(await cashSaleOfTwoYuan(reg)).toMatchObject({ status: 'completed', roundingMinor: 3, changeMinor: 97 });

    expect(await reg.must('settings.update', { cashRoundingStepMinor: 10 })).toMatchObject({ cashRoundingStepMinor: 10 });
    expect(await cashSaleOfTwoYuan(reg)).toMatchObject({ status: 'completed', roundingMinor: 0, changeMinor: 100 });
  });

  it('HQ refuses to publish an odd step, and a register that still gets one (an older HQ) applies the rest and says what it skipped', async () => {
    expect(settingsSkips({ cashRoundingStepMinor: 7, storeName: 'HQ' })).toEqual([
      { field: 'body.settings.cashRoundingStepMinor', item: 'cashRoundingStepMinor', why: 'invalid_setting' },
    ]);
    expect(settingsSkips({ cashRoundingStepMinor: 50 })).toEqual([]);

    const reg = await asOwner();
    const version = (n: number, settings: Record<string, unknown>) =>
      reg.db
        .prepare("INSERT INTO sync_versions (version, kind, effective_at, body, received_at) VALUES (?, 'settings', 0, ?, 0)")
        .run(n, JSON.stringify({ settings }));
    version(1, { cashRoundingStepMinor: 7, storeName: '淮海路店' });
    version(2, { cashRoundingStepMinor: 5 });
    expect(applyDueVersions(reg.db, Date.now())).toBe(2);
    const first = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'sync.version_applied' ORDER BY seq LIMIT 1").get() as { payload: string };
    expect(JSON.parse(first.payload)).toMatchObject({
      data: { version: 1, items: 1, skipped: [{ field: 'body.settings.cashRoundingStepMinor', item: 'cashRoundingStepMinor', why: 'invalid_setting' }] },
    });
    expect(await reg.must('settings.get', {})).toMatchObject({ storeName: '淮海路店', cashRoundingStepMinor: 5 });
  });
});
