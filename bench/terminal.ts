// Card-terminal figure: the register's own overhead per authorization, i.e. wall time of
// `TerminalClient.authorize` minus the simulator's scripted customer/bank delays. It includes
// the ZVT exchange itself (about 12 frames each way, each ACKed) over a socat pty, so it is an
// upper bound on what our code adds. A pty ignores the baud rate; on a real 9600 8N2 line the
// bytes alone take longer, which is the terminal's time, not ours.
// Run alone: `tsx bench/terminal.ts`; `npm run bench` calls benchTerminal().
import { performance } from 'node:perf_hooks';
import { TerminalClient } from '../main/hardware/terminal/client';
import { CURRENCY } from '../main/hardware/terminal/commands';
import { TerminalSimulator } from '../main/hardware/terminal/simulator/simulator';
import { figure, fmt, percentile } from './stats';

export async function benchTerminal(iterations = 200, log: (line: string) => void = console.log): Promise<Record<string, string | number>> {
  const delays = { cardDelayMs: 5, pinDelayMs: 5, bankDelayMs: 5 };
  const started = await TerminalSimulator.startPty({ behaviour: delays });
  if (!started.ok) {
    log(`terminal bench skipped: ${started.error.code} (is socat installed?)`);
    return { skipped: started.error.code };
  }
  const sim = started.value;
  const client = TerminalClient.serial({ path: sim.registerPath ?? '' });
  const overheads: number[] = [];
  const totals: number[] = [];
  let failures = 0;
  try {
    const c = await client.connect();
    if (!c.ok) throw new Error(`connect: ${c.error.code}`);
    for (let i = 0; i < iterations + 10; i++) {
      const delayBefore = sim.scriptedDelayTotalMs;
      const t0 = performance.now();
      const r = await client.authorize(100 + i);
      const total = performance.now() - t0;
      if (!r.ok) failures++;
      if (i < 10) continue; // warm-up: JIT, first pty reads
      totals.push(total);
      overheads.push(total - (sim.scriptedDelayTotalMs - delayBefore));
    }
  } finally {
    await client.close();
    await sim.stop();
  }
  const row = {
    authorizations: overheads.length,
    failures: failures,
    'overhead p50 (ms)': fmt(percentile(overheads, 50), 2),
    'overhead p99 (ms)': fmt(percentile(overheads, 99), 2),
    'wall p50 incl. scripted 15 ms (ms)': fmt(percentile(totals, 50), 2),
  };
  log('\nCard terminal (ZVT over a socat pty, simulator): register overhead per authorization');
  log(`  ZVT client alone        p50 ${row['overhead p50 (ms)']} ms  p99 ${row['overhead p99 (ms)']} ms  (n=${row.authorizations}, failures ${failures})`);
  return row;
}

if (require.main === module) void benchTerminal();

/**
 * The same figure through the whole register: `card.pay` via the router (validation, idempotency,
 * the intent row and its transitions committed at synchronous=FULL, the journal, the payment
 * and the sale completion) over a socat pty, minus the simulator's scripted delays.
 */
export async function benchTerminalRouter(iterations = 100, log: (line: string) => void = console.log): Promise<{ card_overhead_p50_ms: number } | null> {
  const { mkdtempSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { randomUUID } = await import('node:crypto');
  const { openRegister, ledgerPathIn } = await import('../main/register');
  // The register asks in its store currency (CNY); a terminal of another currency declines with 6F.
  const started = await TerminalSimulator.startPty({ currency: CURRENCY.CNY, behaviour: { cardDelayMs: 5, pinDelayMs: 5, bankDelayMs: 5 } });
  if (!started.ok) {
    log(`card bench skipped: ${started.error.code} (is socat installed?)`);
    return null;
  }
  const sim = started.value;
  const dir = mkdtempSync(join(tmpdir(), 'ringup-bench-card-'));
  const reg = openRegister({
    ledgerFile: ledgerPathIn(dir),
    demo: true,
    demoTerminal: false,
    terminalAddress: sim.registerPath ?? '',
    log: { info: () => undefined, error: () => undefined },
  });
  const call = async (name: string, input: unknown): Promise<{ id: string }> => {
    const r = await reg.dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${r.error.code}`);
    return r.value as { id: string };
  };
  const overheads: number[] = [];
  let failures = 0;
  let firstFailure = '';
  try {
    await call('setup.createOwner', { name: 'Bench', pin: '2580' });
    await call('shift.open', {
      float: { kind: 'counted', counts: [{ denominationMinor: 10000, count: 1 }] },
      idempotencyKey: randomUUID().replaceAll('-', ''),
    });
    while (!reg.terminal.connection.ready) await new Promise((r) => setTimeout(r, 10));
    for (let i = 0; i < iterations + 10; i++) {
      const sale = await call('sale.current', {});
      await call('sale.addCustomLine', { saleId: sale.id, name: 'Bench', qtyMilli: 1000, unitPriceMinor: 100 + i });
      const delayBefore = sim.scriptedDelayTotalMs;
      const t0 = performance.now();
      const r = await reg.dispatch('card.pay', { saleId: sale.id, idempotencyKey: randomUUID().replaceAll('-', '') });
      const total = performance.now() - t0;
      if (!r.ok && failures++ === 0) firstFailure = JSON.stringify(r.error);
      if (i >= 10) overheads.push(total - (sim.scriptedDelayTotalMs - delayBefore));
    }
  } finally {
    await reg.terminal.stop();
    reg.close();
    await sim.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  log(
    `  card sale via the router p50 ${fmt(percentile(overheads, 50), 2)} ms  p99 ${fmt(percentile(overheads, 99), 2)} ms  (card.pay: intent at FULL, ZVT, completion; n=${overheads.length}, failures ${failures})`,
  );
  if (failures > 0) throw new Error(`${failures} card sales failed, the first with ${firstFailure}`);
  return { card_overhead_p50_ms: figure(percentile(overheads, 50), 2) };
}
