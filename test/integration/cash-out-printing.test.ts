// A refused paid-out on a register with a real (virtual) printer: the drawer stays shut and no slip
// prints, where the paid-out the drawer can cover kicks it and prints its slip.
import { describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { until } from '../support/until';
import { afterPolls, cashSale, jobStates, printingRegister, vp, usePrintingRig } from '../support/printing-rig';

usePrintingRig();

const key = () => randomUUID().replaceAll('-', '');

describe('a paid-out larger than the drawer', () => {
  it('opens no drawer and prints no slip; one the drawer covers does both', async () => {
    const { reg } = await printingRegister('tcp');
    // Float ¥510.00 and a ¥10.00 cash sale: the drawer should hold about ¥520.00.
    await cashSale(reg, 'cash-out');
    await until('the sale printed', () => (jobStates(reg).every((j) => j.state === 'printed') && jobStates(reg).length > 0 ? true : null));
    const jobsBefore = jobStates(reg);
    const printedBefore = vp.jobs().length;

    expect(await reg.call('cash.move', { kind: 'paid_out', amountMinor: 9_999_900, reason: '测试', idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'shift.cash_out_over_drawer_blind' },
    });
    await afterPolls();
    expect(jobStates(reg)).toEqual(jobsBefore);
    expect(vp.jobs().length).toBe(printedBefore);

    const moved = await reg.must('cash.move', { kind: 'paid_out', amountMinor: 500, reason: '买冰块', idempotencyKey: key() });
    // The answer says the printer was asked to open the drawer (the screen says so only then).
    expect(moved.drawer).toBe('queued');
    const added = await until('drawer kick and slip printed', () => {
      const jobs = jobStates(reg).slice(jobsBefore.length);
      return jobs.length === 2 && jobs.every((j) => j.state === 'printed') ? jobs : null;
    });
    expect(added.map((j) => j.kind)).toEqual(['drawer', 'report']);
  });
});
