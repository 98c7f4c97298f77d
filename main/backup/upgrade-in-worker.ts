// A ledger of an older schema is upgraded on the backup's worker thread before the register opens
// it, so that the shell's window stays alive meanwhile (ledger/ledger-upgrade.ts says why).
import { ledgerNeedsUpgrade } from '../ledger/ledger-upgrade';
import { runInWorker } from './worker-client';

/**
 * Upgrades the ledger's schema off this thread when it is older than this code's; null when there
 * was nothing to upgrade. A failure rejects: opening the register then repeats the upgrade on the
 * main thread and refuses with its own reason, as it would without this step. `onStart` is called
 * when there is an upgrade to run, before it runs (to say so).
 */
export async function upgradeLedgerInWorker(file: string, onStart: () => void = () => undefined): Promise<{ from: number; to: number } | null> {
  if (!ledgerNeedsUpgrade(file)) return null;
  onStart();
  return runInWorker<{ from: number; to: number }>({ kind: 'upgrade', ledgerFile: file });
}
