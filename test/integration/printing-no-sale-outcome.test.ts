// "No sale" over a real TCP socket to the virtual printer: the call answers with what became of
// its kick (the printer took it, or it was dropped and the drawer must be opened with the key),
// never just that it was asked for; an empty reason queues nothing.
import { describe, expect, it } from 'vitest';
import { openShop, SHANGHAI, shanghai, type Shop } from '../support/day-close-shop';
import { CASHIER_PIN, SUPERVISOR_PIN } from '../support/register-fixture';
import { fast, profile, registers, transportFor, vp, usePrintingRig } from '../support/printing-rig';

usePrintingRig();

async function printingShop(): Promise<Shop> {
  const s = await openShop(shanghai('2026-09-01', '10:00'), { printer: fast });
  registers.push(s.reg);
  await s.as('owner');
  await s.reg.must('printer.setConfig', { enabled: true, transport: transportFor('tcp'), profile, timeZone: SHANGHAI });
  await s.as('cashier');
  return s;
}

function rows(s: Shop) {
  return s.reg.db.prepare('SELECT id, kind, state FROM print_jobs ORDER BY id').all();
}

describe('"no sale" answers with what became of the kick', () => {
  it('sent: the printer took it', async () => {
    const s = await printingShop();
    await s.as('supervisor');
    const pulses = vp.drawerPulses().length;
    const job = await s.reg.must('drawer.open', { reason: '换零钱' });
    expect(job).toMatchObject({ kind: 'drawer', state: 'printed', paper: { what: 'noSale' }, reason: '换零钱' });
    await vp.waitForPulses(pulses + 1);
  });

  it('printer unreachable: not opened, said as such, never "sent"', async () => {
    const s = await printingShop();
    await s.as('owner');
    const saved = await s.reg.must('printer.getConfig', {});
    await s.reg.must('printer.setConfig', { ...saved, transport: { kind: 'tcp', host: '127.0.0.1', port: 1, connectTimeoutMs: 500 } });
    await s.reg.must('session.login', { operatorId: s.staff.cashierId, pin: CASHIER_PIN });
    const job = await s.reg.must('drawer.open', { reason: '换零钱', approval: { operatorId: s.staff.supervisorId, pin: SUPERVISOR_PIN } });
    expect(job).toMatchObject({ kind: 'drawer', state: 'cancelled', lastError: 'printer.drawer_not_delivered' });
    expect((await s.reg.must('hardware.status', {})).printer.problems[0]).toBe('printer.drawer_not_opened');
  });

  it('an empty reason is refused and nothing is queued or journalled', async () => {
    const s = await printingShop();
    await s.as('supervisor');
    expect(await s.reg.call('drawer.open', { reason: '   ' })).toMatchObject({
      ok: false,
      error: { code: 'request.invalid_input', params: { field: 'reason' } },
    });
    expect(rows(s)).toEqual([]);
    expect(s.reg.db.prepare("SELECT COUNT(*) AS n FROM journal WHERE kind = 'drawer.opened'").get()).toEqual({ n: 0 });
  });
});
