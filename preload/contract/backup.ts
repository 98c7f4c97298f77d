// The daily transaction backup: export, status, verification, restore and the ledger's checks.
import { z } from 'zod';
import { call } from './define';
import { timeOfDay } from './primitives';
import {
  RESTORE_CONFIRMATION,
  type BackupConfigView,
  type BackupRecordView,
  type BackupStatusView,
  type BundleListItem,
  type BundleReportView,
  type LedgerCheckView,
  type RestoreView,
} from './backup-views';

export { RESTORE_CONFIRMATION };

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** A folder or bundle on this machine; main checks that it is absolute. */
const path = z.string().trim().min(1).max(1024);

/** How many bundles the folder keeps: the settings form says the same range. */
export const KEEP_BUNDLES_MIN = 1;
export const KEEP_BUNDLES_MAX = 3650;

/** Absent folder / time: none chosen (no automatic backup). */
export const backupConfigInput = z
  .object({
    folder: path.optional(),
    scheduleAt: timeOfDay.optional(),
    keep: z.number().int().min(KEEP_BUNDLES_MIN).max(KEEP_BUNDLES_MAX),
  })
  .strict();

const restoreInput = z
  .object({
    file: path,
    confirm: z.literal(RESTORE_CONFIRMATION),
    /** The bundle is another register's: this machine takes that register's place (a move). */
    asMove: z.boolean().optional(),
  })
  .strict();

export const backupCalls = {
  'backup.status': call<BackupStatusView>()(z.object({}).strict()),
  'backup.getConfig': call<BackupConfigView>()(z.object({}).strict()),
  'backup.setConfig': call<BackupConfigView>()(backupConfigInput),
  /** Writes a bundle of the business days from..to (default: today) to the configured folder. Progress: `backup.progress`. */
  'backup.run': call<BackupRecordView>()(z.object({ from: day.optional(), to: day.optional() }).strict()),
  /** This register's bundles in the folder (default: the configured one), newest first. */
  'backup.list': call<BundleListItem[]>()(z.object({ folder: path.optional() }).strict()),
  'backup.verify': call<BundleReportView>()(z.object({ file: path }).strict()),
  /** Replaces the ledger with a verified bundle's snapshot; the current ledger is moved aside. */
  'backup.restore': call<RestoreView>()(restoreInput),
  /** First run: check a bundle before restoring it (no operator exists yet). */
  'setup.verifyBackup': call<BundleReportView>()(z.object({ file: path }).strict()),
  'setup.restoreBackup': call<RestoreView>()(restoreInput),
  /** The result of the check made when the register started. */
  'ledger.selfCheck': call<LedgerCheckView>()(z.object({}).strict()),
  /** integrity_check and the whole journal chain, with progress. */
  'ledger.fullCheck': call<LedgerCheckView>()(z.object({}).strict()),
};

/** Backup, verification, restore and ledger-check refusals. Each needs its translation in assets/locales (errors.json). */
export const backupErrors = [
  'backup.no_folder',
  'backup.folder_not_absolute',
  'backup.folder_missing',
  'backup.disk_full',
  'backup.permission_denied',
  'backup.write_failed',
  'backup.busy',
  'backup.bad_range',
  'backup.folder_required',
  'backup.folder_is_file',
  'backup.range_in_future',
  'backup.ledger_damaged',
  'backup.snapshot_failed',
  'backup.bundle_not_found',
  'backup.bundle_invalid',
  'backup.other_register',
  'backup.newer_schema',
  'backup.restore_failed',
  'backup.restore_older',
  'backup.restore_diverged',
  'backup.restore_other_register',
  'backup.restore_open_sale',
  'backup.restore_held_sales',
  'ledger.damaged',
] as const;

export type BackupErrorCode = (typeof backupErrors)[number];
