// Starts a backup job in a worker thread and follows it. In the built app the worker is its own
// bundle beside main's (out/main/backup-worker.js); run from source (tests, bench, the verify
// script) it is the TypeScript file, loaded through tsx as the rest of the source is.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BackupStep } from '../../preload/contract/backup-views';
import { BackupFailure } from './backup-failure';
import type { WorkerJob, WorkerMessage } from './worker-protocol';

function startWorker(job: WorkerJob): Worker {
  // The bundler may put this module in a shared chunk (out/main/chunks/), one folder below the worker.
  const built = [join(__dirname, 'backup-worker.js'), join(__dirname, '..', 'backup-worker.js')].find((f) => existsSync(f));
  if (built) return new Worker(built, { workerData: job });
  const source = join(__dirname, 'backup-worker.ts');
  const tsx = createRequire(__filename).resolve('tsx/cjs/api');
  const boot = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`;
  return new Worker(boot, { eval: true, workerData: job });
}

/** Runs `job` off the main thread; rejects with a BackupFailure for a coded failure. */
export function runInWorker<T>(job: WorkerJob, onProgress: (step: BackupStep, fraction: number) => void = () => undefined): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = startWorker(job);
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.step, message.fraction);
      else if (message.type === 'done') settle(() => resolve(message.value as T));
      else if (message.type === 'failed') settle(() => reject(new BackupFailure(message.code, message.params)));
      else settle(() => reject(new Error(`backup worker failed: ${message.message}`)));
    });
    worker.on('error', (error: Error) => settle(() => reject(error)));
    worker.on('exit', (code) => settle(() => reject(new Error(`backup worker exited with ${code}`))));
  });
}
