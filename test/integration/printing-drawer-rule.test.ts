// The print queue decides whether a completed sale kicks the drawer without building its receipt
// (it runs inside the sale's transaction); the decision must still be the receipt's own. Checked on
// real sales printing to the virtual printer: a cash sale, a training one, and with the setting off.
import { describe, expect, it } from 'vitest';
import { buildReceipt } from '../../main/hardware/printer';
import { documentView } from '../../main/documents/document-view';
import { getSettings } from '../../main/settings/settings';
import { CASHIER_PIN, OWNER_PIN, type TestRegister } from '../support/register-fixture';
import { cashSale, jobStates, printingRegister, timeZone, usePrintingRig } from '../support/printing-rig';

usePrintingRig();

/** Whether the sale's own jobs include a drawer kick, and whether its receipt says to open the drawer. */
function drawerOf(reg: TestRegister, saleId: string): { queued: boolean; receipt: boolean } {
  const kinds = reg.db.prepare('SELECT kind FROM print_jobs WHERE document_id = ?').pluck().all(saleId) as string[];
  expect(kinds).toContain('receipt');
  const receipt = buildReceipt(documentView(reg.db, saleId), getSettings(reg.db), { timeZone, duplicateCopy: null });
  return { queued: kinds.includes('drawer'), receipt: receipt.openDrawer };
}

describe('the drawer kick queued with a receipt', () => {
  it('follows the receipt: a cash sale opens it, a training sale does not, nor any sale once the setting is off', async () => {
    const { reg, staff } = await printingRegister('tcp');
    const cash = await cashSale(reg, 'rule-cash');
    expect(drawerOf(reg, cash.sale.id)).toEqual({ queued: true, receipt: true });

    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    await reg.must('training.set', { target: 'register', on: true });
    await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
    const practice = await cashSale(reg, 'rule-training');
    expect(practice.sale.training).toBe(true);
    expect(drawerOf(reg, practice.sale.id)).toEqual({ queued: false, receipt: false });

    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    await reg.must('training.set', { target: 'register', on: false });
    await reg.must('settings.update', { drawerOnCash: false });
    await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
    const noDrawer = await cashSale(reg, 'rule-off');
    expect(drawerOf(reg, noDrawer.sale.id)).toEqual({ queued: false, receipt: false });
    expect(jobStates(reg).filter((j) => j.kind === 'drawer')).toHaveLength(1);
  });
});
