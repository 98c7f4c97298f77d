// Child process for the crash test: completes cash sales in a loop on the ledger in argv[2] and
// prints "ACK <receiptNo> <saleId>" synchronously once each completion has been acknowledged,
// exactly as the cashier would see it. The parent kills it with SIGKILL at random moments.
import { writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { openRegister, ledgerPathIn } from '../../main/register';
import type { CallInput, CallName, CallResult } from '../../preload/contract';

const PIN = '2580';

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: sale-loop <dir>');
  const reg = openRegister({ ledgerFile: ledgerPathIn(dir), demo: true, log: { info: () => undefined, error: (m, e) => writeSync(2, `${m} ${String(e)}\n`) } });
  const must = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<N>> => {
    const r = await reg.dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as CallResult<N>;
  };
  const session = await must('session.current', {});
  if (session.needsSetup) await must('setup.createOwner', { name: 'Owner', pin: PIN });
  else await must('session.login', { operatorId: 1, pin: PIN });
  // Sales need an open shift; one left open by the previous (killed) run carries on.
  if (!(await must('shift.current', {})).shift)
    await must('shift.open', {
      float: { kind: 'counted', counts: [{ denominationMinor: 10000, count: 1 }] },
      idempotencyKey: randomUUID().replaceAll('-', ''),
    });
  writeSync(1, 'READY\n');
  const codes = ['6901234567892', '6904567890125', '6905678901236', '6907890123458'];
  for (let i = 0; ; i++) {
    const sale = await must('sale.current', {});
    if (sale.lines.length === 0) {
      await must('sale.addProduct', { saleId: sale.id, code: codes[i % codes.length] ?? '' });
      await must('sale.addProduct', { saleId: sale.id, code: codes[(i + 1) % codes.length] ?? '' });
    }
    const view = await must('sale.get', { saleId: sale.id });
    const done = await must('sale.tenderCash', {
      saleId: sale.id,
      tenderedMinor: view.totals.totalMinor + 1000,
      idempotencyKey: randomUUID().replaceAll('-', ''),
    });
    writeSync(1, `ACK ${done.receiptNo} ${sale.id}\n`);
  }
}

main().catch((error: unknown) => {
  writeSync(2, `sale-loop failed: ${String(error)}\n`);
  process.exit(1);
});
