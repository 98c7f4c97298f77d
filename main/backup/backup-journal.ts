// Journal kinds of the backup (see ledger/journal-payloads.ts). An export is journalled after its
// bundle is verified and renamed, so the entry is in the next bundle, never in its own.
import type { BackupConfigView, BackupTrigger } from '../../preload/contract/backup-views';

declare module '../ledger/journal-payloads' {
  interface JournalPayloads {
    'backup.exported': {
      trigger: BackupTrigger;
      operatorId: number | null;
      folder: string;
      file: string;
      bytes: number;
      from: string;
      to: string;
      fromSeq: number;
      toSeq: number;
      headHash: string;
    };
    'backup.failed': { trigger: BackupTrigger; operatorId: number | null; folder: string | null; code: string };
    /** Older bundles removed by retention, after a newer one verified. */
    'backup.pruned': { folder: string; files: string[]; keptNewest: string };
    /** The first entry after a restore: where the ledger came from and where the replaced one went. */
    'backup.restored': {
      operatorId: number | null;
      bundle: string;
      bundleRegisterId: string;
      headSeq: number;
      headHash: string;
      asMove: boolean;
      movedAsideTo: string | null;
    };
    'backup.config_changed': { operatorId: number; from: BackupConfigView; to: BackupConfigView };
  }
}

export {};
