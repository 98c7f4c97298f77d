// Child process for the restart test of a void given back part by part: a register on an existing
// ledger voids a sale paid on two cards against the terminal at `terminal` (a pty path) and
// SIGKILLs itself at the `nth` time the card payments reach `moment` (after the first part went
// back, say), as a register that dies between the parts.
// argv: dir terminal saleId operatorId pin requestKey moment nth. Prints VOIDING when the call has started.
import { writeSync } from 'node:fs';
import { openRegister, ledgerPathIn } from '../../main/register';
import { until } from './until';

const [dir, terminal, saleId, operatorId, pin, requestKey, moment, nth] = process.argv.slice(2);

async function main(): Promise<void> {
  if (!dir || !terminal || !saleId || !operatorId || !pin || !requestKey || !moment || !nth)
    throw new Error('usage: void-parts-killed <dir> <terminal> <saleId> <operatorId> <pin> <requestKey> <moment> <nth>');
  let seen = 0;
  const reg = openRegister({
    ledgerFile: ledgerPathIn(dir),
    demo: true,
    demoTerminal: false,
    demoScanPay: false,
    terminalAddress: terminal,
    log: { info: () => undefined, error: (m, e) => writeSync(2, `${m} ${String(e)}\n`) },
    terminal: {
      retryMs: 100,
      onMoment: (m) => {
        if (m === moment && ++seen === Number(nth)) process.kill(process.pid, 'SIGKILL');
      },
    },
  });
  const login = await reg.dispatch('session.login', { operatorId: Number(operatorId), pin });
  if (!login.ok) throw new Error(JSON.stringify(login.error));
  await until('the terminal to be ready', () => reg.terminal.connection.ready, 30_000);
  writeSync(1, 'VOIDING\n');
  const r = await reg.dispatch('void.sale', { saleId, reason: 'cashier_error', idempotencyKey: requestKey });
  // Reaching here means the moment never came: the parent's test fails on it.
  writeSync(1, `ENDED ${JSON.stringify(r)}\n`);
  process.exit(2);
}

main().catch((error: unknown) => {
  writeSync(2, `void-parts-killed failed: ${String(error)}\n`);
  process.exit(1);
});
