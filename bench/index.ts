// `npm run bench`: every performance figure of the register, with the machine it ran on, as
// tables for people and, with `--json`, as one JSON object on stdout (and nothing else there:
// the tables go to stderr). Ratios are measured against their reference in the same run.
// Figures go in the README; tests never assert timings.
//
//   npm run bench                 tables, then the figures as a Markdown table for the README
//   npm run -s bench -- --json    one JSON object (-s keeps npm's own "> ringup bench" line off stdout)
//
// A figure whose feature does not exist yet (refunds, the day close, the catalog search, backup)
// is left out, not faked. With more than one section, each runs in a process of its own.
import { spawn } from 'node:child_process';
import { cpus, loadavg, release, totalmem } from 'node:os';
import { benchSalePath } from './ledger';
import { benchLongRun } from './long-run';
import { benchRefund } from './refund';
import { benchVerify } from './verify';
import { benchBrowser } from './browser';
import { benchPrinter, receiptFigures } from './printer';
import { benchTerminal, benchTerminalRouter } from './terminal';
import { benchScanPay } from './scan-pay';
import { benchBackup } from './backup';
import { benchDayClose } from './day-close';
import { benchCatalog } from './catalog';
import { benchCatalogChromium } from './catalog-chromium';
import { benchHq } from './hq';
import { benchFraud } from './fraud';
import { size } from './scale';

function machine(): string {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
  return `${cpus().length} × ${cpu}, ${Math.round(totalmem() / 2 ** 30)} GiB, Linux ${release()}, Node ${process.version}, load average ${load}`;
}

/**
 * Runs one section in a child process of its own and returns its figures. A section's heap (a
 * 100,000-product catalog, 50,000 sales) would otherwise still be there for the next one: a
 * garbage collection of it once showed up as a 117 ms "event-loop block" in the backup's figures.
 */
function runSectionInChild(name: string, log: (line: string) => void): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...process.execArgv, process.argv[1] ?? __filename, `--only=${name}`, '--json', '--section'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let pending = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => {
      const lines = (pending + chunk.toString('utf8')).split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) log(line);
    });
    child.on('error', reject);
    child.on('close', (code) => {
      if (pending) log(pending);
      if (code !== 0) return reject(new Error(`bench section ${name} failed (exit ${code})`));
      try {
        resolve(JSON.parse(out) as Record<string, number>);
      } catch {
        reject(new Error(`bench section ${name} printed no figures`));
      }
    });
  });
}

async function main(): Promise<void> {
  const json = process.argv.includes('--json');
  // A child started by runSectionInChild: its figures alone, no header or summary.
  const section = process.argv.includes('--section');
  // In JSON mode stdout carries the JSON alone; everything said along the way goes to stderr.
  const log = (line: string): void => {
    (json ? process.stderr : process.stdout).write(`${line}\n`);
  };
  if (json) {
    // Anything a library prints along the way goes to stderr too.
    console.log = console.error;
    console.info = console.error;
    console.table = (data: unknown) => console.error(data);
  }
  const started = Date.now();
  if (!section) {
    log(`Ringup bench — ${new Date().toISOString()}`);
    log(`Machine: ${machine()}`);
  }

  // Each section in turn; `--only=sale,backup` runs some of them (a figure of a section not run is left out).
  type Log = (line: string) => void;
  const sections: [string, (log: Log) => Promise<object | null | undefined> | object][] = [
    ['sale', benchSalePath],
    ['refund', benchRefund],
    ['verify', benchVerify],
    ['long-run', benchLongRun],
    ['printer', async (l) => receiptFigures(await benchPrinter(size(500, 5), l))],
    ['terminal', async (l) => (await benchTerminal(size(200, 3), l), await benchTerminalRouter(size(100, 3), l))],
    // Printed as a table only: no figure of the issue names it.
    ['scan-pay', async () => (await benchScanPay(size(100, 3)), null)],
    ['catalog', () => benchCatalog()],
    ['catalog-chromium', () => benchCatalogChromium()],
    ['day-close', () => benchDayClose()],
    ['fraud', (l) => benchFraud(l)],
    ['backup', () => benchBackup()],
    ['hq', (l) => benchHq(l)],
    ['browser', benchBrowser],
  ];
  const only = process.argv
    .find((a) => a.startsWith('--only='))
    ?.slice('--only='.length)
    .split(',');
  const unknown = only?.filter((name) => !sections.some(([n]) => n === name)) ?? [];
  if (unknown.length > 0) throw new Error(`unknown bench section ${unknown.join(', ')}; known: ${sections.map(([n]) => n).join(', ')}`);
  const figures: Record<string, number> = {};
  const chosen = sections.filter(([name]) => !only || only.includes(name));
  for (const [name, run] of chosen) {
    const result = chosen.length > 1 ? await runSectionInChild(name, log) : await run(log);
    for (const [key, value] of Object.entries(result ?? {})) if (typeof value === 'number') figures[key] = value;
  }
  if (section) {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return;
  }

  log(`\nDone in ${Math.round((Date.now() - started) / 1000)} s. Machine at the end: ${machine()}`);
  if (json) {
    process.stdout.write(`${JSON.stringify(figures)}\n`);
    return;
  }
  log('\n| figure | value |\n|---|---:|');
  for (const [key, value] of Object.entries(figures)) log(`| \`${key}\` | ${value.toLocaleString('en')} |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
