// Cash movements and no-sales have no practice version: the drawer is real. In training (the
// operator's or the register's) they are refused before anything is written, the drawer opened
// or a slip printed, so nothing practice reaches the expected cash, the X/Z or the fraud rules.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultPrinterProfile } from '../../main/hardware/printer';
import { VirtualPrinter } from '../../main/hardware/printer/virtual-printer';
import type { PrinterConfigView } from '../../preload/contract/printer';
import { FIXTURE_FLOAT_MINOR, SUPERVISOR_PIN } from '../support/register-fixture';
import { key, openShop, SHANGHAI, shanghai, type Shop } from '../support/day-close-shop';
import { until } from '../support/until';

let vp: VirtualPrinter;
const shops: Shop[] = [];
const fast = { pollIntervalMs: 100, statusTimeoutMs: 300, backoffMs: 100, maxBackoffMs: 400 };

beforeAll(async () => {
  vp = await VirtualPrinter.start({});
});
afterAll(async () => {
  await vp.close();
});
afterEach(() => {
  for (const s of shops.splice(0)) s.reg.cleanup();
});

/** A shop whose receipt printer (and so its drawer) works: a no-sale would open it. */
async function printingShop(): Promise<Shop> {
  const s = await openShop(shanghai('2026-09-01', '10:00'), { printer: fast });
  shops.push(s);
  await s.as('owner');
  const config = {
    enabled: true,
    transport: { kind: 'tcp', host: '127.0.0.1', port: vp.port, connectTimeoutMs: 1000, writeTimeoutMs: 3000 },
    profile: defaultPrinterProfile,
    timeZone: SHANGHAI,
  } as PrinterConfigView;
  await s.reg.must('printer.setConfig', config);
  return s;
}

function cashState(s: Shop) {
  const n = (q: string) => s.reg.db.prepare(q).pluck().get() as number;
  return {
    journalSeq: n('SELECT COALESCE(MAX(seq), 0) FROM journal'),
    movements: n('SELECT COUNT(*) FROM cash_movements'),
    printJobs: n('SELECT COUNT(*) FROM print_jobs'),
    printed: vp.jobs().length,
  };
}

async function shiftX(s: Shop) {
  const x = await s.reg.must('report.x', { scope: 'shift' });
  return { expected: x.shifts[0]?.expected.expectedMinor, noSales: x.figures.noSales };
}

const refused = { ok: false, error: { code: 'training.cash_in_training', params: {} } };

describe('cash movements and no-sales in training', () => {
  it('refuses an operator in training a paid-out, a paid-in, a safe drop and a no-sale, and writes, opens and prints nothing', async () => {
    const s = await printingShop();
    await s.cashSale([1050]);
    await s.as('owner');
    await s.reg.must('training.set', { target: 'operator', operatorId: s.staff.cashierId, on: true });
    await s.as('supervisor');
    const x = await shiftX(s);
    expect(x).toEqual({ expected: FIXTURE_FLOAT_MINOR + 1050, noSales: 0 });
    await s.as('cashier');
    await until('the sale printed', () => (vp.jobs().length > 0 ? true : null));
    const before = cashState(s);

    for (const kind of ['paid_out', 'paid_in', 'safe_drop', 'float_top_up'] as const)
      expect(await s.reg.call('cash.move', { kind, amountMinor: 2000, reason: '练习支出', idempotencyKey: key() })).toEqual(refused);
    // A cashier's no-sale with a supervisor's PIN: refused for training, not for the approval.
    expect(await s.reg.call('drawer.open', { reason: '练习开钱箱', approval: { operatorId: s.staff.supervisorId, pin: SUPERVISOR_PIN } })).toEqual(refused);

    expect(cashState(s)).toEqual(before);
    await s.as('supervisor');
    expect(await shiftX(s)).toEqual(x);
  });

  it('refuses them to every operator while the whole register is in training, and allows them again when it is switched off', async () => {
    const s = await printingShop();
    await s.reg.must('training.set', { target: 'register', on: true });
    const before = cashState(s);
    expect(await s.reg.call('cash.move', { kind: 'paid_in', amountMinor: 3000, reason: '练习存入', idempotencyKey: key() })).toEqual(refused);
    expect(await s.reg.call('drawer.open', { reason: '练习开钱箱' })).toEqual(refused);
    expect(cashState(s)).toEqual(before);
    expect(await shiftX(s)).toEqual({ expected: FIXTURE_FLOAT_MINOR, noSales: 0 });

    await s.reg.must('training.set', { target: 'register', on: false });
    await s.reg.must('cash.move', { kind: 'paid_in', amountMinor: 3000, reason: '零钱', idempotencyKey: key() });
    await s.reg.must('drawer.open', { reason: '换零钱' });
    expect(await shiftX(s)).toEqual({ expected: FIXTURE_FLOAT_MINOR + 3000, noSales: 1 });
  });
});
