// Why a backup, a verification or a restore did not go through, as a stable error code with its
// parameters. Thrown in the worker and in main alike; the worker sends code and params across.
import type { ErrorParams } from '../../preload/contract/result';
import type { BackupErrorCode } from '../../preload/contract/backup';
import { ServiceError } from '../common/service-error';

export class BackupFailure extends Error {
  constructor(
    readonly code: BackupErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'BackupFailure';
  }
}

/**
 * What went wrong with the target folder, in the owner's terms: it is gone (a USB stick pulled, a
 * share unmounted), it is a file (or lies under one), it is full, or we may not write there.
 * Anything else keeps the OS's code.
 */
export function folderFailure(error: unknown, folder: string): BackupFailure {
  if (error instanceof BackupFailure) return error;
  const code = (error as NodeJS.ErrnoException | null)?.code ?? '';
  switch (code) {
    case 'ENOTDIR':
      return new BackupFailure('backup.folder_is_file', { folder });
    case 'ENOENT':
    case 'ENODEV':
    case 'ENXIO':
      return new BackupFailure('backup.folder_missing', { folder });
    case 'ENOSPC':
    case 'EDQUOT':
    case 'EFBIG':
      return new BackupFailure('backup.disk_full', { folder });
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
      return new BackupFailure('backup.permission_denied', { folder });
    default:
      return new BackupFailure('backup.write_failed', { folder, reason: code || String((error as Error | null)?.message ?? error).slice(0, 120) });
  }
}

/** A coded failure as the windows get it; anything else is not a refusal and is thrown on (or `cause` in its place). */
export function toServiceError(error: unknown, cause?: unknown): ServiceError {
  if (error instanceof ServiceError) return error;
  if (error instanceof BackupFailure) return new ServiceError(error.code, error.params);
  throw cause ?? error;
}
