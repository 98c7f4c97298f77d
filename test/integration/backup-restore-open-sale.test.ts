// A restore from one window while a sale is open in another (a cart with goods, a sale part paid) or
// sales are held: a bundle holds completed books only, so the restore would throw that work away.
// It is refused with a sentence that names what is open, and nothing changes; once the sale is
// finished or cancelled the same restore goes through.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { errorMessage } from '../../renderer/src/i18n/error-message';
import { ringUpSales } from '../support/backup-fixture';
import { folder, ownerWithFolder, register } from '../support/backup-rig';
import { errorsI18n } from '../support/errors-i18n';
import { OWNER_PIN, type TestRegister } from '../support/register-fixture';

const i18n = errorsI18n();
let keys = 0;

/** A register with one sale backed up, the owner logged in: the bundle a restore would take. */
async function shopWithBundle(): Promise<{ shop: TestRegister; file: string }> {
  const shop = register();
  await ownerWithFolder(shop, folder());
  await shop.must('session.login', { operatorId: 1, pin: OWNER_PIN });
  await ringUpSales(shop, 1);
  const { file } = await shop.must('backup.run', {});
  return { shop, file };
}

const head = (reg: TestRegister): number => reg.db.prepare('SELECT MAX(seq) FROM journal').pluck().get() as number;
const movedAside = (reg: TestRegister): string[] => readdirSync(reg.dir).filter((name) => name.includes('.replaced-'));

describe('a restore while work is open on the register', () => {
  it('a cart with goods (another window): refused naming the open sale; the cart is kept; once it is cancelled a restore goes through', async () => {
    const { shop, file } = await shopWithBundle();
    const sale = await shop.must('sale.current', {});
    await shop.must('sale.addProduct', { saleId: sale.id, code: '6901234567892' });
    const before = head(shop);

    const refused = await shop.call('backup.restore', { file, confirm: 'RESTORE' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'backup.restore_open_sale', params: { scope: 'sale', lines: 1 } } });
    if (!refused.ok) {
      expect(errorMessage(refused.error, i18n.getFixedT('zh-CN'), 'zh-CN', 'CNY')).toBe(
        '现在不能恢复：本机有一笔未完成的销售，购物车里有商品（可能在另一个窗口）。恢复会丢掉这笔销售。请先收款完成或取消它，再恢复。没有做任何改动。',
      );
      expect(errorMessage(refused.error, i18n.getFixedT('en'), 'en', 'CNY')).toContain('Not restored: a sale with goods in its cart is open on this register');
    }
    // Nothing changed: the same cart with its line, the owner still logged in, no ledger moved aside.
    expect(head(shop)).toBe(before);
    expect(movedAside(shop)).toEqual([]);
    const still = await shop.must('sale.current', {});
    expect(still.id).toBe(sale.id);
    expect(still.lines).toHaveLength(1);

    // Cancelled (its entry is in the books now, so the bundle taken before it would be older): backed up and restored.
    await shop.must('sale.cancel', { saleId: sale.id, idempotencyKey: `restore-open-${process.pid}-${keys++}` });
    const { file: after } = await shop.must('backup.run', {});
    expect(after).not.toBe(file);
    expect(await shop.must('backup.restore', { file: after, confirm: 'RESTORE' })).toMatchObject({ registerId: 'R1', lastReceiptNo: 1 });
    expect(movedAside(shop)).toHaveLength(1);
  });

  it('a sale part paid in cash: refused as a payment under way, nothing changed', async () => {
    const { shop, file } = await shopWithBundle();
    const sale = await shop.must('sale.current', {});
    await shop.must('sale.addProduct', { saleId: sale.id, code: '6901234567892' });
    await shop.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 100, partial: true, idempotencyKey: `restore-part-${process.pid}-${keys++}` });
    const before = head(shop);

    const refused = await shop.call('backup.restore', { file, confirm: 'RESTORE' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'backup.restore_open_sale', params: { scope: 'payment' } } });
    if (!refused.ok) expect(errorMessage(refused.error, i18n.getFixedT('zh-CN'), 'zh-CN', 'CNY')).toContain('本机有一笔销售正在收款');
    expect(head(shop)).toBe(before);
    expect(movedAside(shop)).toEqual([]);
    expect((await shop.must('sale.current', {})).payments).toHaveLength(1);
  });

  it('a held sale: refused naming how many are held; the held sale is still there to recall', async () => {
    const { shop, file } = await shopWithBundle();
    const sale = await shop.must('sale.current', {});
    await shop.must('sale.addProduct', { saleId: sale.id, code: '6904567890125' });
    await shop.must('sale.hold', { saleId: sale.id });

    const refused = await shop.call('backup.restore', { file, confirm: 'RESTORE' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'backup.restore_held_sales', params: { held: 1 } } });
    if (!refused.ok) {
      expect(errorMessage(refused.error, i18n.getFixedT('zh-CN'), 'zh-CN', 'CNY')).toBe(
        '现在不能恢复：本机有 1 笔挂起的销售。恢复会丢掉它们。请先“取单”，把每一笔完成或取消，再恢复。没有做任何改动。',
      );
    }
    expect(movedAside(shop)).toEqual([]);
    expect((await shop.must('sale.heldList', {})).map((h) => h.saleId)).toEqual([sale.id]);
  });

  it('an empty cart (the sale screen just opened) does not hold up a restore', async () => {
    const { shop, file } = await shopWithBundle();
    await shop.must('sale.current', {});
    expect(await shop.must('backup.restore', { file, confirm: 'RESTORE' })).toMatchObject({ lastReceiptNo: 1 });
  });
});
