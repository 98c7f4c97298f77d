// Child process for the card crash test: pays sales by card in a loop against a terminal
// simulator that lives in the parent (TCP), and SIGKILLs itself at an exact moment of the Nth
// authorization (argv: dir port moment nth), or runs until the parent kills it ("none").
// Prints READY once recovery has settled what the previous incarnation left, and ACK per sale.
// Moment "settle": recover, print READY and exit without paying (the test's final start).
import { writeSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { openRegister, ledgerPathIn } from '../../main/register';
import type { CallInput, CallName, CallResult } from '../../preload/contract';

const [dir, port, moment, nthText] = process.argv.slice(2);
const nth = Number(nthText ?? '1');
let seen = 0;

async function main(): Promise<void> {
  if (!dir || !port || !moment) throw new Error('usage: card-sale-loop <dir> <port> <moment|none> <nth>');
  const reg = openRegister({
    ledgerFile: ledgerPathIn(dir),
    demo: true,
    demoTerminal: false,
    terminalAddress: `tcp://127.0.0.1:${port}`,
    log: { info: () => undefined, error: (m, e) => writeSync(2, `${m} ${String(e)}\n`) },
    terminal: {
      timeouts: { ackMs: 300, maxRetransmits: 3, commandAckMs: 2000, masterSilenceMs: 1500 },
      retryMs: 50,
      recoveryDelayMs: 50,
      onMoment: (m) => {
        if (m === moment && ++seen === nth) process.kill(process.pid, 'SIGKILL');
      },
    },
  });
  const must = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<N>> => {
    const r = await reg.dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as CallResult<N>;
  };
  const session = await must('session.current', {});
  if (session.needsSetup) await must('setup.createOwner', { name: 'Owner', pin: '2580' });
  else await must('session.login', { operatorId: 1, pin: '2580' });
  // Ready = connected and nothing left open from the last crash.
  for (;;) {
    const open = reg.db.prepare("SELECT COUNT(*) AS n FROM card_intents WHERE state IN ('created', 'sent', 'in_progress')").get() as { n: number };
    if (reg.terminal.connection.ready && open.n === 0) break;
    await new Promise((r) => setTimeout(r, 10));
  }
  writeSync(1, 'READY\n');
  if (moment === 'settle') {
    reg.close();
    process.exit(0);
  }
  const codes = ['6901234567892', '6904567890127', '6905678901232', '6907890123452'];
  for (let i = 0; ; i++) {
    const sale = await must('sale.current', {});
    if (sale.lines.length === 0) await must('sale.addProduct', { saleId: sale.id, code: codes[i % codes.length] ?? '' });
    const r = await reg.dispatch('card.pay', { saleId: sale.id, idempotencyKey: randomUUID().replaceAll('-', '') });
    if (r.ok) writeSync(1, `ACK ${sale.id}\n`);
    else if (r.error.code === 'terminal.outcome_unknown' || r.error.code === 'terminal.intent_unresolved') {
      writeSync(1, `UNKNOWN ${JSON.stringify(r.error)}\n`);
      process.exit(3);
    }
  }
}

main().catch((error: unknown) => {
  writeSync(2, `card-sale-loop failed: ${String(error)}\n`);
  process.exit(1);
});
