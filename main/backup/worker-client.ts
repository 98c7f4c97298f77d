// Starts a backup job in a worker thread and follows it (worker-run.ts), typed by the jobs the
// worker knows (worker-protocol.ts).
import type { BackupStep } from '../../preload/contract/backup-views';
import type { WorkerJob } from './worker-protocol';
import { runWorker } from './worker-run';

/** Runs `job` off the main thread; rejects with a BackupFailure for a coded failure. */
export function runInWorker<T>(job: WorkerJob, onProgress: (step: BackupStep, fraction: number) => void = () => undefined): Promise<T> {
  return runWorker<T>(job, onProgress).result;
}
