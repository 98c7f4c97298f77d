// The backup's worker thread: exports, verifications and the full ledger check run here, so the
// register's event loop never waits on a snapshot, a year of CSV, a zip or a hash. One job per
// worker; it reports progress and ends with a result or a coded failure.
import { parentPort, workerData } from 'node:worker_threads';
import { BackupFailure } from './backup-failure';
import { exportBundle } from './export-bundle';
import { fullCheck } from './ledger-check';
import type { WorkerJob, WorkerMessage } from './worker-protocol';
import { verifyBundle } from './verify-bundle';
import { verifyPart } from './verify-part';

const post = (message: WorkerMessage) => parentPort?.postMessage(message);

async function run(job: WorkerJob): Promise<unknown> {
  switch (job.kind) {
    case 'export':
      return exportBundle(job.job, (step, fraction) => post({ type: 'progress', step, fraction }));
    case 'verify':
      return verifyBundle(job.file, job.options, (fraction) => post({ type: 'progress', step: job.options.level === 'full' ? 'rows' : 'hashes', fraction }));
    case 'check':
      return fullCheck(job.ledgerFile, (fraction) => post({ type: 'progress', step: fraction < 0.5 ? 'check' : 'chain', fraction }));
    case 'verify-part':
      return verifyPart(job.part, (fraction) => post({ type: 'progress', step: 'rows', fraction }));
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
