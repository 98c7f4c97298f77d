// Child process for the card crash test: pays sales by card in a loop against a terminal
// simulator that lives in the parent (TCP), and gives money back to cards in between (a whole
// return, reversed with 06 30, or a price adjustment, refunded with 06 31). It SIGKILLs itself
// at an exact moment of the Nth terminal command (argv: dir port moment nth), or runs until the
// parent kills it ("none").
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
  // Sales need an open shift; one left open by the previous (killed) run carries on.
  if (!(await must('shift.current', {})).shift)
    await must('shift.open', {
      float: { kind: 'counted', counts: [{ denominationMinor: 10000, count: 1 }] },
      idempotencyKey: randomUUID().replaceAll('-', ''),
    });
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
  const codes = ['6901234567892', '6904567890125', '6905678901236', '6907890123458'];
  for (let i = 0; ; i++) {
    if (i % 2 === 1) {
      // The newest card sale nothing has corrected yet (a correction left open by a crash counts).
      const target = reg.db
        .prepare(
          `SELECT d.id, l.id AS line_id, l.total_minor AS total FROM documents d JOIN document_lines l ON l.document_pk = d.pk
            WHERE d.kind = 'sale' AND d.status = 'completed' AND EXISTS (SELECT 1 FROM payments p WHERE p.document_pk = d.pk AND p.method = 'card')
              AND NOT EXISTS (SELECT 1 FROM documents c WHERE c.original_document_id = d.id AND c.status IN ('open', 'completed'))
            ORDER BY d.completed_at DESC LIMIT 1`,
        )
        .get() as { id: string; line_id: number; total: number } | undefined;
      if (target) {
        const idempotencyKey = randomUUID().replaceAll('-', '');
        const r =
          i % 4 === 1
            ? await reg.dispatch('refund.withReceipt', {
                saleId: target.id,
                lines: [{ lineId: target.line_id, qtyMilli: 1000, restock: true }],
                reason: 'defective',
                idempotencyKey,
              })
            : await reg.dispatch('refund.priceAdjustment', {
                saleId: target.id,
                lineId: target.line_id,
                amountMinor: Math.max(1, target.total - 100),
                reason: 'wrong_price',
                idempotencyKey,
              });
        if (r.ok) writeSync(1, `REFUND ${target.id}\n`);
        else if (r.error.code === 'terminal.outcome_unknown' || r.error.code === 'terminal.intent_unresolved') {
          writeSync(1, `UNKNOWN ${JSON.stringify(r.error)}\n`);
          process.exit(3);
        }
        continue;
      }
    }
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
