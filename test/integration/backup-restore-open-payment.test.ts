// A restore asked for while a card or scan-to-pay payment is running (the terminal waits for the
// customer's PIN over a real socat pty; the provider simulator waits for the customer's password
// over real HTTP): the bundle holds completed books only, so the restore would lose the sale and
// the record of a charge the customer may be making. It is refused naming that payment, the
// ledger file stays where it is and the bundle is not applied; the payment then goes through.
import { readdirSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PaySimulator } from '../../main/providers/simulator/pay-simulator';
import type { CallError } from '../../preload/contract/result';
import { errorMessage } from '../../renderer/src/i18n/error-message';
import { folder } from '../support/backup-rig';
import { firstStep, payCard, saleOf as cardSaleOf, startCardRig, type CardRig } from '../support/card-register';
import { errorsI18n } from '../support/errors-i18n';
import { makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { configureProviders, FAST_TIMINGS, key, saleOf as scanSaleOf, until, wechatCode } from '../support/scan-rig';

const i18n = errorsI18n();

/** What a restore would change: the ledger file itself (a move aside renames it), files moved aside, the journal's restore entries. */
function ledgerState(reg: TestRegister) {
  return {
    inode: statSync(reg.file).ino,
    movedAside: readdirSync(reg.dir).filter((name) => name.includes('.replaced-')),
    restores: reg.db.prepare("SELECT COUNT(*) FROM journal WHERE kind = 'backup.restored'").pluck().get() as number,
    completed: reg.db.prepare("SELECT COUNT(*) FROM documents WHERE status = 'completed'").pluck().get() as number,
  };
}

/** The owner logged in with a backup folder, and a bundle of the books as they are now. */
async function bundleOf(reg: TestRegister, ownerId: number): Promise<string> {
  await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
  await reg.must('backup.setConfig', { folder: folder(), keep: 30 });
  return (await reg.must('backup.run', {})).file;
}

function texts(error: CallError) {
  return { zh: errorMessage(error, i18n.getFixedT('zh-CN'), 'zh-CN', 'CNY'), en: errorMessage(error, i18n.getFixedT('en'), 'en', 'CNY') };
}

describe('a restore while a card payment waits at the terminal', () => {
  let rig: CardRig;
  beforeAll(async () => {
    rig = await startCardRig();
  });
  afterAll(async () => {
    await rig.stop();
  });

  it('is refused naming the card payment; the ledger is not replaced, and the payment then completes the sale', async () => {
    const { reg, sim, staff } = rig;
    const file = await bundleOf(reg, staff.ownerId);
    const saleId = await cardSaleOf(reg, 1250);
    const started = firstStep(reg, saleId);
    // The customer takes a while over the PIN: the terminal has the request, the card may be charged.
    sim.script({ pinDelayMs: 2500 });
    const paying = payCard(reg, saleId);
    await started;
    const before = ledgerState(reg);
    const db = reg.db;

    const refused = await reg.call('backup.restore', { file, confirm: 'RESTORE' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'backup.restore_open_sale', params: { scope: 'payment_card', lines: 1 } } });
    if (!refused.ok) {
      const { zh, en } = texts(refused.error);
      expect(zh).toBe(
        '现在不能恢复：本机有一笔销售的刷卡付款还没有结束（可能在另一个窗口）：终端可能在等顾客，或收银机在等终端的答复。恢复会丢掉这笔销售和这次刷卡的记录，而卡可能已被扣款。请先等刷卡结束或取消它，再恢复。没有做任何改动。',
      );
      expect(en).toContain('Not restored: a card payment for a sale on this register is not finished');
      expect(en).toContain('Nothing was changed.');
    }
    // The same ledger file and connection, nothing moved aside, no restore journalled.
    expect(ledgerState(reg)).toEqual(before);
    expect(reg.db).toBe(db);

    const paid = await paying;
    expect(paid.ok && paid.value.sale.status).toBe('completed');
    expect(paid.ok && paid.value.sale.payments).toMatchObject([{ method: 'card', amountMinor: 1250 }]);
    expect(sim.batch().filter((b) => b.amountMinor === 1250)).toHaveLength(1);
    expect(ledgerState(reg)).toEqual({ ...before, completed: before.completed + 1 });
  });
});

describe('a restore while a scan-to-pay payment waits for the customer', () => {
  let sim: PaySimulator;
  let reg: TestRegister;
  let ownerId: number;
  beforeAll(async () => {
    // The customer takes 2.5 s over the password; the register would wait for 20 s.
    sim = await PaySimulator.start({ passwordMs: 2500 });
    reg = makeRegister({ scanPay: { timings: { ...FAST_TIMINGS, waitLimitMs: 20_000, codeLifeMs: 20_000 }, requestTimeoutMs: 2000, sweepMs: 100 } });
    const staff = await withStaff(reg);
    ownerId = staff.ownerId;
    await configureProviders(reg, sim, staff.ownerId, staff.cashierId);
  });
  afterAll(async () => {
    reg.cleanup();
    await sim.stop();
  });

  it('is refused naming the scan-to-pay payment; the ledger is not replaced, and the payment then completes the sale', async () => {
    const file = await bundleOf(reg, ownerId);
    const saleId = await scanSaleOf(reg, 1831);
    // Cents .31: the simulator's customer is asked for the password, and pays once they have typed it.
    const paying = reg.call('scanpay.pay', { saleId, code: wechatCode(), idempotencyKey: key() });
    await until('the customer is asked for the password', async () => {
      const p = await reg.must('payment.progress', { saleId });
      return p.running?.step === 'scanpay.step.password';
    });
    const before = ledgerState(reg);
    const db = reg.db;

    const refused = await reg.call('backup.restore', { file, confirm: 'RESTORE' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'backup.restore_open_sale', params: { scope: 'payment_scan', lines: 1 } } });
    if (!refused.ok) {
      const { zh, en } = texts(refused.error);
      expect(zh).toBe(
        '现在不能恢复：本机有一笔销售的扫码付款还没有结束（可能在另一个窗口）：顾客可能正在手机上确认，或收银机在等支付平台的答复。恢复会丢掉这笔销售和这次扫码付款的记录，而顾客可能已经付款。请先等扫码付款结束或取消它，再恢复。没有做任何改动。',
      );
      expect(en).toContain('Not restored: a scan-to-pay payment for a sale on this register is not finished');
      expect(en).toContain('Nothing was changed.');
    }
    expect(ledgerState(reg)).toEqual(before);
    expect(reg.db).toBe(db);

    const paid = await paying;
    expect(paid.ok && paid.value.sale.status).toBe('completed');
    expect(paid.ok && paid.value.sale.payments).toMatchObject([{ method: 'scan', amountMinor: 1831 }]);
    expect(ledgerState(reg)).toEqual({ ...before, completed: before.completed + 1 });
  });
});
