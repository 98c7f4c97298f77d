// Shops for the fraud watch suites, cleaned up after each test, and what their journal and a
// recomputation from it say.
import { join } from 'node:path';
import { defaultPrinterProfile } from '../../main/hardware/printer';
import type { JournalEvent } from '../../main/ledger/journal-payloads';
import { recomputeLedgerAlerts } from '../../main/fraud/fraud-recompute';
import { afterEveryTest } from './after-every-test';
import { SUPERVISOR_PIN } from './register-fixture';
import { key, openShop, SHANGHAI, shanghai, type Shop } from './day-close-shop';

export const MIN = 60_000;
export const DAY = '2026-11-29';
export let shops: Shop[] = [];

afterEveryTest(() => {
  for (const s of shops) s.reg.cleanup();
  shops = [];
});

export async function shop(start = shanghai(DAY, '10:00')): Promise<Shop> {
  const s = await openShop(start);
  shops.push(s);
  return s;
}

export function journal(s: Shop): JournalEvent[] {
  const rows = s.reg.db.prepare('SELECT payload FROM journal ORDER BY seq').pluck().all() as string[];
  return rows.map((p) => JSON.parse(p) as JournalEvent);
}

export const entriesOf = (s: Shop, kind: string) => journal(s).filter((e) => e.kind === kind);

export function recomputed(s: Shop) {
  return recomputeLedgerAlerts(s.reg.db, { registerId: 'R1', timeZone: SHANGHAI, businessDayRule: { timeZone: SHANGHAI, startsAtMinutes: 0 } });
}

/** A printer writing to a file in the shop's folder: the drawer opens through the printer. */
export async function printToFile(s: Shop): Promise<void> {
  await s.as('owner');
  await s.reg.must('printer.setConfig', {
    enabled: true,
    transport: { kind: 'file', path: join(s.reg.dir, 'printer.bin') },
    profile: defaultPrinterProfile,
    timeZone: SHANGHAI,
  });
}

export const approval = (s: Shop) => ({ operatorId: s.staff.supervisorId, pin: SUPERVISOR_PIN });

/**
 * As a cashier: a sale refunded with its receipt, a refund without one, and a sale voided, each
 * with a supervisor's approval (the fraud watch raises an alert for each).
 */
export async function ringUpCorrections(s: Shop): Promise<{ sold: string; other: string }> {
  await s.as('cashier');
  const sold = await s.cashSale([2_000]);
  const found = await s.reg.must('refund.find', { code: String(sold.receiptNo) });
  await s.reg.must('refund.withReceipt', {
    saleId: sold.saleId,
    lines: [{ lineId: found.lines[0]?.lineId ?? 0, qtyMilli: 1000, restock: true }],
    reason: 'defective',
    approval: approval(s),
    idempotencyKey: key(),
  });
  await s.reg.must('refund.withoutReceipt', {
    lines: [{ name: '退货', qtyMilli: 1000, unitPriceMinor: 800, taxRateBp: 1300, restock: true }],
    reason: 'not_wanted',
    approval: approval(s),
    idempotencyKey: key(),
  });
  const other = await s.cashSale([1_500]);
  await s.reg.must('void.sale', { saleId: other.saleId, reason: 'cashier_error', approval: approval(s), idempotencyKey: key() });
  return { sold: sold.saleId, other: other.saleId };
}
