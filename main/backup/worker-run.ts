// Starting a thread on the backup worker's script and following it to its result. In the built app
// the worker is its own bundle beside main's (out/main/backup-worker.js); run from source (tests,
// bench, the verify script) it is the TypeScript file, loaded through tsx as the rest of the source
// is. Knows nothing of the jobs themselves (worker-protocol.ts), so that a job may start a helper
// thread of its own (a full verification does) without an import cycle.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BackupErrorCode } from '../../preload/contract/backup';
import type { BackupStep } from '../../preload/contract/backup-views';
import type { ErrorParams } from '../../preload/contract/result';
import { BackupFailure } from './backup-failure';

export type WorkerMessage =
  | { type: 'progress'; step: BackupStep; fraction: number }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; code: BackupErrorCode; params: ErrorParams }
  | { type: 'crashed'; message: string };

function startWorker(data: unknown): Worker {
  // The bundler may put this module in a shared chunk (out/main/chunks/), one folder below the worker.
  const built = [join(__dirname, 'backup-worker.js'), join(__dirname, '..', 'backup-worker.js')].find((f) => existsSync(f));
  if (built) return new Worker(built, { workerData: data });
  const source = join(__dirname, 'backup-worker.ts');
  const tsx = createRequire(__filename).resolve('tsx/cjs/api');
  const boot = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(source)});`;
  return new Worker(boot, { eval: true, workerData: data });
}

export interface RunningWorker<T> {
  result: Promise<T>;
  /** Ends the thread; a `result` not settled by then never settles (nothing waits on a stopped helper). */
  stop(): void;
}

/** Runs `data` (a job of worker-protocol.ts) off this thread; rejects with a BackupFailure for a coded failure. */
export function runWorker<T>(data: unknown, onProgress: (step: BackupStep, fraction: number) => void = () => undefined): RunningWorker<T> {
  const worker = startWorker(data);
  let settled = false;
  const result = new Promise<T>((resolve, reject) => {
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
  return {
    result,
    stop: () => {
      settled = true;
      void worker.terminate();
    },
  };
}
