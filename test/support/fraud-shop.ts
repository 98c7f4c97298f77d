// Shops for the fraud watch suites, cleaned up after each test (importing this module registers
// that hook), and what their journal and a recomputation from it say.
import { join } from 'node:path';
import { afterEach } from 'vitest';
import { defaultPrinterProfile } from '../../main/hardware/printer';
import type { JournalEvent } from '../../main/ledger/journal-payloads';
import { recomputeLedgerAlerts } from '../../main/fraud/fraud-recompute';
import { SUPERVISOR_PIN } from './register-fixture';
import { openShop, SHANGHAI, shanghai, type Shop } from './day-close-shop';

export const MIN = 60_000;
export const DAY = '2026-11-29';
export let shops: Shop[] = [];

afterEach(() => {
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
