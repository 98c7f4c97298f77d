// A paid-out on a register with no receipt printer (sweep-train #7): it is recorded and counted, and
// the answer says no printer was there to open the drawer or print the slip, so the screen can say
// "open it with the key" instead of claiming the drawer opened.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { register } from '../support/tracked-registers';
import { withStaff } from '../support/register-fixture';

const key = () => randomUUID().replaceAll('-', '');

describe('a cash movement without a printer', () => {
  it('is recorded, says no printer opened the drawer, and queues no paper', async () => {
    const reg = register();
    await withStaff(reg);
    const moved = await reg.must('cash.move', { kind: 'paid_out', amountMinor: 2_000, reason: '买冰块', idempotencyKey: key() });
    expect(moved).toMatchObject({ kind: 'paid_out', amountMinor: 2_000, reason: '买冰块', drawer: 'no_printer' });
    const shift = await reg.must('shift.current', {});
    expect(shift.shift?.movements.map((m) => [m.kind, m.amountMinor])).toEqual([['paid_out', 2_000]]);
    expect(reg.db.prepare('SELECT COUNT(*) AS n FROM print_jobs').get()).toEqual({ n: 0 });
  });
});
