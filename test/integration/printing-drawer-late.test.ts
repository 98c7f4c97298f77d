// A drawer kick is never sent late: when the printer cannot take it in the moment of the sale, it
// is dropped and journalled, the banner tells the cashier to use the key, and a printer that comes
// back prints the receipts it owes but opens no drawer. Over a real TCP socket to the virtual printer.
import { describe, expect, it } from 'vitest';
import { VirtualPrinter } from '../../main/hardware/printer/virtual-printer';
import type { PrinterConfigView } from '../../preload/contract/printer';
import { CASHIER_PIN, OWNER_PIN, SUPERVISOR_PIN } from '../support/register-fixture';
import { until } from '../support/until';
import { cashSale, jobStates, printingRegister, profile, timeZone, vp, usePrintingRig } from '../support/printing-rig';

usePrintingRig();

describe('a drawer kick the printer cannot take in time', () => {
  it('printer stopped during a cash sale: the receipt prints once it is back, the drawer never opens', async () => {
    // A printer of its own, so it can be switched off and on again at the same address.
    let printer = await VirtualPrinter.start({});
    const port = printer.port;
    const { reg, staff, events } = await printingRegister('tcp');
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    const config = { enabled: true, transport: { kind: 'tcp', host: '127.0.0.1', port, connectTimeoutMs: 500, writeTimeoutMs: 3000 }, profile, timeZone };
    await reg.must('printer.setConfig', config as PrinterConfigView);
    await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
    try {
      await printer.close();
      const done = await cashSale(reg, 'drawer-late');
      expect(done.receiptNo).toBe(1);
      await until('the kick is dropped', () => jobStates(reg).find((j) => j.kind === 'drawer' && j.state === 'cancelled'));
      await until('the cashier is told', () => events.at(-1)?.printer.problems[0] === 'printer.drawer_not_opened');
      const journalled = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'drawer.not_opened'").pluck().all() as string[];
      expect(journalled).toHaveLength(1);
      const { data } = JSON.parse(journalled[0]!) as { data: { saleId: string; cause: string } };
      expect(data.saleId).toBe(done.sale.id);
      expect(data.cause).toMatch(/^printer\./);
      // The receipt waits for the printer: queued, or being tried again at this moment.
      const [dropped, receipt, ...more] = jobStates(reg);
      expect(dropped).toEqual({ kind: 'drawer', state: 'cancelled', copy_no: 0 });
      expect(receipt).toMatchObject({ kind: 'receipt', copy_no: 0 });
      expect(['queued', 'sending']).toContain(receipt!.state);
      expect(more).toEqual([]);

      printer = await VirtualPrinter.start({ port });
      await until('the receipt printed', () => jobStates(reg).find((j) => j.kind === 'receipt' && j.state === 'printed'), 15_000);
      await printer.waitForJobs(1);
      // Several more looks at the printer: nothing else goes out.
      await printer.waitForStatusRequests(printer.statusRequestsAnswered() + 6);
      expect(printer.drawerPulses()).toEqual([]);
      expect(printer.jobs()).toHaveLength(1);
      expect((await reg.must('hardware.status', {})).printer.problems).toEqual(['printer.drawer_not_opened']);

      // The dropped kick cannot be sent later by hand either: opening the drawer now is "No sale".
      await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
      const [kick] = (await reg.must('printer.jobs', {})).filter((j) => j.kind === 'drawer');
      expect(kick).toMatchObject({ state: 'cancelled', lastError: 'printer.drawer_not_delivered' });
      expect(await reg.call('printer.retryJob', { jobId: kick!.id })).toMatchObject({ ok: false, error: { code: 'printer.drawer_not_retryable' } });
      await printer.waitForStatusRequests(printer.statusRequestsAnswered() + 3);
      expect(printer.drawerPulses()).toEqual([]);
    } finally {
      await printer.close();
    }
  });

  it('printer error (no command opens the drawer): the kick is dropped, not sent once the printer is fixed', async () => {
    const { reg, events } = await printingRegister('tcp');
    vp.setStatus('error');
    await until('error reported', () => events.some((e) => e.printer.problems.includes('printer.error')));
    const pulses = vp.drawerPulses().length;
    const from = vp.jobs().length;
    await cashSale(reg, 'drawer-error');
    await until('the cashier is told', () => events.at(-1)?.printer.problems[0] === 'printer.drawer_not_opened');
    expect((await reg.must('hardware.status', {})).printer).toMatchObject({ state: 'error', problems: ['printer.drawer_not_opened', 'printer.error'] });
    expect(reg.db.prepare("SELECT state, last_error FROM print_jobs WHERE kind = 'drawer'").get()).toEqual({
      state: 'cancelled',
      last_error: 'printer.drawer_not_delivered',
    });

    vp.setStatus('ok');
    await until('the receipt printed', () => jobStates(reg).find((j) => j.kind === 'receipt' && j.state === 'printed'));
    await vp.waitForJobs(from + 1);
    await vp.waitForStatusRequests(vp.statusRequestsAnswered() + 6);
    expect(vp.drawerPulses()).toHaveLength(pulses);
  });
});
