// `npm run web`: the register in browser mode, for machines without the Electron binary and for
// the end-to-end tests. Prints the address (with its launch token) to open.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { legacyDataDir, parseLaunchOptions } from './host/data-dir';
import { moveLegacyLedger } from './host/legacy-ledger';
import { startWebHost } from './host/web';
import { upgradeLedgerInWorker } from './backup/upgrade-in-worker';
import { LEDGER_FILE_NAME, ledgerPathIn, openRegister } from './register';

async function main(): Promise<void> {
  const options = parseLaunchOptions(process.argv.slice(2));
  const staticDir = join(__dirname, '..', 'renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    console.error(`Ringup: the renderer is not built (${staticDir}). Run "npm run build" first.`);
    process.exit(1);
  }
  if (options.dataDirIsDefault && !options.ledgerFile) {
    const moved = moveLegacyLedger(legacyDataDir(process.env, process.platform), options.dataDir, LEDGER_FILE_NAME);
    if (moved.moved) console.log(`Ringup moved the ledger from ${moved.from} to ${moved.to}`);
  }
  const ledgerFile = options.ledgerFile ?? ledgerPathIn(options.dataDir);
  // As the desktop app does (electron-policy/start-order.ts): a long upgrade says so rather than
  // leaving the terminal silent; opening the register repeats a failed one and says why.
  const upgraded = await upgradeLedgerInWorker(ledgerFile, () =>
    console.log('Ringup is upgrading the ledger for this version; on a large ledger this takes a minute.'),
  ).catch(() => null);
  if (upgraded) console.log(`Ringup upgraded the ledger from schema ${upgraded.from} to ${upgraded.to}.`);
  const register = openRegister({ ledgerFile, demo: options.demo, printerUrl: options.printer, terminalAddress: options.terminal });
  const host = await startWebHost({ register, staticDir, port: options.port, ...(process.env.RINGUP_TOKEN ? { token: process.env.RINGUP_TOKEN } : {}) });
  console.log(`Ringup ledger: ${ledgerFile}`);
  if (options.printer) console.log(`Ringup printer: ${options.printer}`);
  if (options.terminal) console.log(`Ringup card terminal: ${options.terminal}`);
  console.log(`Ringup is running. Open: ${host.url}`);
  const stop = () => {
    void host.close().finally(() => {
      register.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error('Ringup could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
