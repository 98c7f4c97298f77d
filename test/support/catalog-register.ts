// A register for the catalog tests: cleaned up after each test, with the helpers they share.
import { afterEveryTest } from './after-every-test';
import { makeRegister, SUPERVISOR_PIN, withStaff, type TestRegister } from './register-fixture';

export const COLA = '6902345678903'; // 可口可乐 330ml, 3.50

const open: TestRegister[] = [];
/** A register this file cleans up after the test (one reopened by the test, too). */
export function track(r: TestRegister): TestRegister {
  open.push(r);
  return r;
}
export function register(options: Parameters<typeof makeRegister>[0] = {}): TestRegister {
  return track(makeRegister(options));
}
afterEveryTest(() => {
  for (const r of open.splice(0)) r.cleanup();
});

export async function asSupervisor(reg: TestRegister) {
  const staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
  return staff;
}

export async function skus(reg: TestRegister, query: string): Promise<string[]> {
  return (await reg.must('catalog.search', { query })).map((p) => p.sku);
}

export function journal(reg: TestRegister, kind: string): Record<string, unknown>[] {
  return (reg.db.prepare('SELECT payload FROM journal WHERE kind = ? ORDER BY seq').all(kind) as { payload: string }[]).map(
    (r) => (JSON.parse(r.payload) as { data: Record<string, unknown> }).data,
  );
}
