// Card-terminal figure: the register's own overhead per authorization, i.e. wall time of
// `TerminalClient.authorize` minus the simulator's scripted customer/bank delays. It includes
// the ZVT exchange itself (about 12 frames each way, each ACKed) over a socat pty, so it is an
// upper bound on what our code adds. A pty ignores the baud rate; on a real 9600 8N2 line the
// bytes alone take longer, which is the terminal's time, not ours.
// Run alone: `tsx bench/terminal.ts`; `npm run bench` calls benchTerminal().
import { performance } from 'node:perf_hooks';
import { TerminalClient } from '../main/hardware/terminal/client';
import { TerminalSimulator } from '../main/hardware/terminal/simulator/simulator';
import { fmt, percentile } from './stats';

export async function benchTerminal(iterations = 200): Promise<Record<string, string | number>> {
  const delays = { cardDelayMs: 5, pinDelayMs: 5, bankDelayMs: 5 };
  const started = await TerminalSimulator.startPty({ behaviour: delays });
  if (!started.ok) {
    console.log(`terminal bench skipped: ${started.error.code} (is socat installed?)`);
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
    'authorizations': overheads.length,
    'failures': failures,
    'overhead p50 (ms)': fmt(percentile(overheads, 50), 2),
    'overhead p99 (ms)': fmt(percentile(overheads, 99), 2),
    'wall p50 incl. scripted 15 ms (ms)': fmt(percentile(totals, 50), 2),
  };
  console.log('\nCard terminal (ZVT over a socat pty, simulator): register overhead per authorization');
  console.table([row]);
  return row;
}

if (require.main === module) void benchTerminal();
