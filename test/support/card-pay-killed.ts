// Child process for the restart tests of payment.progress: a register on an existing ledger pays
// one sale by card on the terminal at `terminal` (a pty path) and SIGKILLs itself at `moment` of
// that payment, as a register process that dies while the customer is at the terminal.
// argv: dir terminal saleId operatorId pin moment. Prints PAYING when the pay call has started.
import { writeSync } from 'node:fs';
import { openRegister, ledgerPathIn } from '../../main/register';
import { until } from './until';

const [dir, terminal, saleId, operatorId, pin, moment] = process.argv.slice(2);

async function main(): Promise<void> {
  if (!dir || !terminal || !saleId || !operatorId || !pin || !moment)
    throw new Error('usage: card-pay-killed <dir> <terminal> <saleId> <operatorId> <pin> <moment>');
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
        if (m === moment) process.kill(process.pid, 'SIGKILL');
      },
    },
  });
  const login = await reg.dispatch('session.login', { operatorId: Number(operatorId), pin });
  if (!login.ok) throw new Error(JSON.stringify(login.error));
  await until('the terminal to be ready', () => reg.terminal.connection.ready, 30_000);
  writeSync(1, 'PAYING\n');
  const r = await reg.dispatch('card.pay', { saleId, idempotencyKey: `killed-${Date.now()}` });
  // Reaching here means the moment never came: the parent's test fails on it.
  writeSync(1, `ENDED ${JSON.stringify(r)}\n`);
  process.exit(2);
}

main().catch((error: unknown) => {
  writeSync(2, `card-pay-killed failed: ${String(error)}\n`);
  process.exit(1);
});
