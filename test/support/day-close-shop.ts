// A shop for day-close tests: a real register on a real ledger in Shanghai time, with a clock the
// test moves, staff, and the cashier's shift open. Optionally a card terminal (the simulator over
// TCP) and a printer.
import { randomUUID } from 'node:crypto';
import type { RegisterOptions } from '../../main/register';
import type { ZReportView } from '../../preload/contract/day-close-views';
import type { DenominationCountView } from '../../preload/contract/shift-views';
import { CASHIER_PIN, FIXTURE_FLOAT, makeRegister, OWNER_PIN, openShift, SUPERVISOR_PIN, type TestRegister } from './register-fixture';
import { FAST_CLIENT_TIMEOUTS } from './terminal-sim';

export const SHANGHAI = 'Asia/Shanghai';

export const key = () => randomUUID().replaceAll('-', '');

/** Epoch ms of a Shanghai wall-clock time (UTC+8, no DST). */
export function shanghai(day: string, hhmm = '09:00'): number {
  return Date.parse(`${day}T${hhmm}:00+08:00`);
}

export interface Shop {
  reg: TestRegister;
  clock: { now: number };
  staff: { ownerId: number; supervisorId: number; cashierId: number };
  as(who: 'owner' | 'supervisor' | 'cashier'): Promise<void>;
  /** A sale of one ad-hoc line per price, left open for a tender. */
  sale(prices: readonly number[], taxRateBp?: number): Promise<string>;
  cashSale(prices: readonly number[], tenderedMinor?: number): Promise<{ saleId: string; receiptNo: number }>;
  /** The cashier counts `counts` and confirms: the shift closes. */
  closeShift(counts?: DenominationCountView[]): Promise<void>;
  openShift(): Promise<number>;
  /** A supervisor takes the Z of the day the register says is next. */
  z(extra?: { forceClose?: { shiftId: number; reason: string }[]; terminalSkipReason?: string }): Promise<ZReportView>;
}

export async function openShop(start: number, options: { terminalAddress?: string; printer?: RegisterOptions['printer']; demo?: boolean } = {}): Promise<Shop> {
  const clock = { now: start };
  const reg = makeRegister({
    clock: () => clock.now,
    ...(options.terminalAddress ? { terminalAddress: options.terminalAddress, terminal: { timeouts: FAST_CLIENT_TIMEOUTS, retryMs: 150 } } : {}),
    ...(options.printer ? { printer: options.printer } : {}),
  });
  const owner = await reg.must('setup.createOwner', { name: 'Owner 老板', pin: OWNER_PIN });
  await reg.must('settings.update', { timeZone: SHANGHAI });
  const supervisor = await reg.must('operator.create', { name: 'Sue', pin: SUPERVISOR_PIN, role: 'supervisor' });
  const cashier = await reg.must('operator.create', { name: 'Cai 小蔡', pin: CASHIER_PIN, role: 'cashier' });
  const staff = { ownerId: owner.operator?.id ?? 0, supervisorId: supervisor.id, cashierId: cashier.id };
  const as = async (who: 'owner' | 'supervisor' | 'cashier') => {
    const [operatorId, pin] =
      who === 'owner' ? [staff.ownerId, OWNER_PIN] : who === 'supervisor' ? [staff.supervisorId, SUPERVISOR_PIN] : [staff.cashierId, CASHIER_PIN];
    await reg.must('session.login', { operatorId, pin });
  };
  await as('cashier');
  await openShift(reg);
  const shop: Shop = {
    reg,
    clock,
    staff,
    as,
    sale: async (prices, taxRateBp = 1300) => {
      const sale = await reg.must('sale.current', {});
      for (const p of prices) await reg.must('sale.addCustomLine', { saleId: sale.id, name: '商品 Item', qtyMilli: 1000, unitPriceMinor: p, taxRateBp });
      return sale.id;
    },
    cashSale: async (prices, tenderedMinor) => {
      const saleId = await shop.sale(prices);
      const total = prices.reduce((s, p) => s + p, 0);
      const done = await reg.must('sale.tenderCash', { saleId, tenderedMinor: tenderedMinor ?? total, idempotencyKey: key() });
      return { saleId, receiptNo: done.receiptNo ?? 0 };
    },
    closeShift: async (counts = FIXTURE_FLOAT) => {
      const shiftId = (await reg.must('shift.current', {})).shift?.id ?? 0;
      await reg.must('shift.count', { shiftId, counts, idempotencyKey: key() });
      await reg.must('shift.close', { shiftId, idempotencyKey: key() });
    },
    openShift: () => openShift(reg),
    z: async (extra = {}) => {
      const status = await reg.must('dayClose.status', {});
      return reg.must('dayClose.close', { businessDay: status.businessDay, ...extra, idempotencyKey: key() });
    },
  };
  return shop;
}
