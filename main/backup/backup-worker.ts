// The backup's worker thread: exports, verifications and the full ledger check run here, so the
// register's event loop never waits on a snapshot, a year of CSV, a zip or a hash; and so does a new
// version's schema upgrade, before the register opens the ledger. One job per worker; it reports
// progress and ends with a result or a coded failure.
import { parentPort, workerData } from 'node:worker_threads';
import type { BackupStep } from '../../preload/contract/backup-views';
import { BackupFailure } from './backup-failure';
import { exportBundle } from './export-bundle';
import { fullCheck } from './ledger-check';
import { upgradeLedger } from '../ledger/ledger-upgrade';
import type { WorkerJob, WorkerMessage } from './worker-protocol';
import { verifyBundle } from './verify-bundle';
import { verifyPart } from './verify-part';

const post = (message: WorkerMessage) => parentPort?.postMessage(message);

// A year's export reported every 500 rows and every chunk read back: some 14,000 messages, each one
// decoded on the register's main thread, whose garbage set off collections there mid-export. The
// windows show a few a second; a new step and the end always go through.
const PROGRESS_EVERY_MS = 50;
let lastProgress: { step: BackupStep; at: number } | null = null;
function progress(step: BackupStep, fraction: number): void {
  const now = performance.now();
  if (lastProgress?.step === step && now - lastProgress.at < PROGRESS_EVERY_MS && fraction < 1) return;
  lastProgress = { step, at: now };
  post({ type: 'progress', step, fraction });
}

async function run(job: WorkerJob): Promise<unknown> {
  switch (job.kind) {
    case 'export':
      return exportBundle(job.job, progress);
    case 'verify':
      return verifyBundle(job.file, job.options, (fraction) => progress(job.options.level === 'full' ? 'rows' : 'hashes', fraction));
    case 'check':
      return fullCheck(job.ledgerFile, (fraction) => progress(fraction < 0.5 ? 'check' : 'chain', fraction));
    case 'verify-part':
      return verifyPart(job.part, (fraction) => progress('rows', fraction));
    case 'upgrade':
      return upgradeLedger(job.ledgerFile);
  }
}

run(workerData as WorkerJob).then(
  (value) => post({ type: 'done', value }),
  (error: unknown) =>
    post(
      error instanceof BackupFailure
        ? { type: 'failed', code: error.code, params: error.params }
        : { type: 'crashed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) },
    ),
);
