// `npm run bench`: every performance figure of the register, with the machine it ran on.
// Figures go in the README; tests never assert timings.
import { cpus, totalmem, release } from 'node:os';
import { benchLedger } from './ledger';

async function main(): Promise<void> {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  console.log(`Ringup bench — ${new Date().toISOString()}`);
  console.log(`Machine: ${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}, Node ${process.version}`);
  await benchLedger();
  for (const extra of ['./printer', './terminal', './scan-pay', './catalog', './catalog-chromium']) {
    let mod: Record<string, unknown>;
    try {
      mod = (await import(extra)) as Record<string, unknown>;
    } catch {
      continue;
    }
    for (const fn of Object.values(mod)) if (typeof fn === 'function' && fn.name.startsWith('bench')) await (fn as () => Promise<unknown>)();
  }
}

void main();
