// Child process for the day-close crash test, on the ledger in argv[2]:
//   in-z     sells, counts, then takes the Z and SIGKILLs itself inside the Z's transaction
//            (from the `day.closed` journal subscriber, after every row of the Z is written);
//   complete takes the Z that is due and exits;
//   loop     sells, closes the shift and takes a Z, day after day, until the parent kills it.
// It prints "Z <no> <day>" once a Z has been acknowledged.
import { writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { openRegister, ledgerPathIn } from '../../main/register';
import { journalFeed } from '../../main/ledger/journal-feed';
import { nextDay } from '../../main/business-day/business-day';
import type { CallInput, CallName, CallResult } from '../../preload/contract';

const PIN = '2580';
const key = () => randomUUID().replaceAll('-', '');

async function main(): Promise<void> {
  const [dir, mode] = [process.argv[2], process.argv[3]];
  if (!dir || !mode) throw new Error('usage: z-loop <dir> <in-z|complete|loop>');
  let now = Date.parse('2026-07-01T09:00:00+08:00');
  const reg = openRegister({
    ledgerFile: ledgerPathIn(dir),
    demo: true,
    clock: () => now,
    log: { info: () => undefined, error: (m, e) => writeSync(2, `${m} ${String(e)}\n`) },
  });
  const must = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<N>> => {
    const r = await reg.dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as CallResult<N>;
  };
  const session = await must('session.current', {});
  if (session.needsSetup) {
    await must('setup.createOwner', { name: 'Owner', pin: PIN });
    await must('settings.update', { timeZone: 'Asia/Shanghai' });
  } else await must('session.login', { operatorId: 1, pin: PIN });
  // Carry on where the last run stopped: the day after the last Z.
  const last = reg.db.prepare('SELECT MAX(business_day) AS day FROM z_reports').get() as { day: string | null };
  if (last.day) now = Date.parse(`${nextDay(last.day)}T09:00:00+08:00`);

  const sellAndCount = async (sales: number) => {
    const live = (await must('shift.current', {})).shift;
    // Killed after the count last time: that shift takes no more sales; its Z is next.
    if (live?.state === 'counting') return live.id;
    if (!live) await must('shift.open', { float: { kind: 'counted', counts: [{ denominationMinor: 10000, count: 1 }] }, idempotencyKey: key() });
    for (let i = 0; i < sales; i++) {
      now += 60_000;
      const sale = await must('sale.current', {});
      if (sale.lines.length === 0) await must('sale.addCustomLine', { saleId: sale.id, name: '货品', qtyMilli: 1000, unitPriceMinor: 1000 + i });
      const view = await must('sale.get', { saleId: sale.id });
      await must('sale.tenderCash', { saleId: sale.id, tenderedMinor: view.totals.totalMinor + 500, idempotencyKey: key() });
    }
    const state = await must('shift.current', {});
    const shiftId = state.shift?.id ?? 0;
    if (state.shift?.state === 'open') await must('shift.count', { shiftId, counts: [{ denominationMinor: 10000, count: 2 }], idempotencyKey: key() });
    return shiftId;
  };
  const takeZ = async (shiftId: number) => {
    now += 60_000;
    const status = await must('dayClose.status', {});
    const z = await must('dayClose.close', { businessDay: status.businessDay, forceClose: [{ shiftId, reason: 'crash test' }], idempotencyKey: key() });
    writeSync(1, `Z ${z.zNo} ${z.businessDay}\n`);
    now = Date.parse(`${nextDay(z.businessDay)}T09:00:00+08:00`);
  };

  // The Z closes the card batch on the (demo) terminal, which connects a moment after the start:
  // an owner sees it in the header. A fast start could otherwise reach the Z before it.
  while (!reg.terminal.connection.ready) await new Promise((r) => setTimeout(r, 10));
  writeSync(1, 'READY\n');
  if (mode === 'in-z') {
    const shiftId = await sellAndCount(3);
    journalFeed(reg.db).subscribe('day.closed', () => process.kill(process.pid, 'SIGKILL'));
    await takeZ(shiftId);
    throw new Error('the Z committed although the process was killed inside it');
  }
  if (mode === 'complete') {
    const live = (await must('shift.current', {})).shift;
    await takeZ(live?.id ?? (await sellAndCount(0)));
    reg.close();
    return;
  }
  for (;;) await takeZ(await sellAndCount(1 + Math.floor(Math.random() * 4)));
}

main().catch((error: unknown) => {
  writeSync(2, `z-loop failed: ${String(error)}\n`);
  process.exit(1);
});
