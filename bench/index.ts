// `npm run bench`: every performance figure of the register, with the machine it ran on.
// Figures go in the README; tests never assert timings.
//
//   npm run bench                 tables
//   npm run -s bench -- --json    the named figures (e.g. hq_ingest_ratio) as one JSON object on
//                                 stdout; the tables go to stderr
import { cpus, totalmem, release } from 'node:os';
import { benchLedger } from './ledger';

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  // In JSON mode stdout carries the JSON alone; everything said along the way goes to stderr.
  if (json) console.log = console.error;
  const figures: Record<string, number> = {};
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Ringup bench — ${new Date().toISOString()}`);
  console.log(`Machine: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}, Node ${process.version}`);
  await benchLedger();
  for (const extra of ['./printer', './terminal', './scan-pay', './hq']) {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(extra)) as Record<string, unknown>;
    } catch {
      continue;
    }
    for (const fn of Object.values(mod)) {
      if (typeof fn !== 'function' || !fn.name.startsWith('bench')) continue;
      const result: unknown = await (fn as () => Promise<unknown>)();
      // Benches that name their figures return them as { name: number }.
      if (result && typeof result === 'object' && !Array.isArray(result))
        for (const [k, v] of Object.entries(result)) if (typeof v === 'number' && /^[a-z0-9_]+$/.test(k)) figures[k] = v;
    }
  }
  if (json) process.stdout.write(`${JSON.stringify(figures)}\n`);
}

void main();
