// Child process for the HQ soak test: a register (already enrolled) on the ledger in argv[2] that
// sells in a loop, one sale every argv[3] ms, while its uploader talks to HQ through the test's
// proxy. Prints "ACK <receiptNo> <saleId>" once each sale is acknowledged. The parent kills it
// with SIGKILL at random moments and starts it again.
import { randomUUID } from 'node:crypto';
import { writeSync } from 'node:fs';
import { ledgerPathIn, openRegister } from '../../main/register';
import type { CallInput, CallName, CallResult } from '../../preload/contract';

const PIN = '2580';
const CODES = ['6901234567892', '6904567890125', '6905678901236', '6907890123458', '6908901234569'];

async function main(): Promise<void> {
  const dir = process.argv[2];
  const pace = Number(process.argv[3] ?? '100');
  if (!dir) throw new Error('usage: sync-sale-loop <dir> <pace-ms>');
  const reg = openRegister({
    ledgerFile: ledgerPathIn(dir),
    demo: true,
    demoTerminal: false,
    demoScanPay: false,
    log: { info: () => undefined, error: (m, e) => writeSync(2, `${m} ${String(e)}\n`) },
    sync: { idleMs: 300, backoffMs: 100, maxBackoffMs: 1500, batchSize: 100, requestTimeoutMs: 3000 },
  });
  const must = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<N>> => {
    const r = await reg.dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as CallResult<N>;
  };
  await must('session.login', { operatorId: 1, pin: PIN });
  // Sales need an open shift; one left open by the previous (killed) run carries on.
  if (!(await must('shift.current', {})).shift)
    await must('shift.open', {
      float: { kind: 'counted', counts: [{ denominationMinor: 10000, count: 1 }] },
      idempotencyKey: randomUUID().replaceAll('-', ''),
    });
  writeSync(1, 'READY\n');
  for (let i = 0; ; i++) {
    const sale = await must('sale.current', {});
    if (sale.lines.length === 0) {
      await must('sale.addProduct', { saleId: sale.id, code: CODES[i % CODES.length] ?? '' });
      await must('sale.addProduct', { saleId: sale.id, code: CODES[(i + 2) % CODES.length] ?? '' });
    }
    const view = await must('sale.get', { saleId: sale.id });
    const done = await must('sale.tenderCash', {
      saleId: sale.id,
      tenderedMinor: view.totals.totalMinor + 1000,
      idempotencyKey: randomUUID().replaceAll('-', ''),
    });
    writeSync(1, `ACK ${done.receiptNo} ${sale.id}\n`);
    await new Promise((r) => setTimeout(r, pace));
  }
}

main().catch((error: unknown) => {
  writeSync(2, `sync-sale-loop failed: ${String(error)}\n`);
  process.exit(1);
});
