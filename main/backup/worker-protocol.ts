// Messages between the register and the backup worker.
import type { BackupStep } from '../../preload/contract/backup-views';
import type { ErrorParams } from '../../preload/contract/result';
import type { BackupErrorCode } from '../../preload/contract/backup';
import type { ExportJob } from './export-bundle';
import type { VerifyOptions } from './verify-bundle';

export type WorkerJob = { kind: 'export'; job: ExportJob } | { kind: 'verify'; file: string; options: VerifyOptions } | { kind: 'check'; ledgerFile: string };

export type WorkerMessage =
  | { type: 'progress'; step: BackupStep; fraction: number }
  | { type: 'done'; value: unknown }
  | { type: 'failed'; code: BackupErrorCode; params: ErrorParams }
  | { type: 'crashed'; message: string };
