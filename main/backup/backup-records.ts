// Recording a backup's outcome in the ledger and beside it: the last good or failed bundle, the
// journal entry, the anchor file next to the ledger, and retention after a good one.
import type { BackupRecordView, BackupTrigger } from '../../preload/contract/backup-views';
import type { ErrorParams } from '../../preload/contract/result';
import { businessDayOf, businessDayRule } from '../business-day/business-day';
import type { Db } from '../ledger/db';
import { appendJournal } from '../ledger/journal';
import type { Logger } from '../log';
import { getSettings } from '../settings/settings';
import './backup-journal';
import { getBackupLast, setBackupLast, writeAnchor } from './backup-store';
import type { ExportResult } from './export-bundle';
import { pruneBundles } from './retention';

export interface RecordContext {
  db: () => Db;
  dataDir: string;
  log: Logger;
  clock: () => number;
}

export function recordSuccess(
  ctx: RecordContext,
  result: ExportResult,
  trigger: BackupTrigger,
  operatorId: number | null,
  keep: number,
  at: number,
): BackupRecordView {
  const db = ctx.db();
  const record: BackupRecordView & { headHash: string } = {
    at: ctx.clock(),
    folder: result.folder,
    file: result.file,
    bytes: result.bytes,
    from: result.from,
    to: result.to,
    headSeq: result.toSeq,
    trigger,
    headHash: result.headHash,
  };
  const today = businessDayOf(at, businessDayRule(getSettings(db)));
  db.transaction(() => {
    const last = getBackupLast(db);
    // Only a bundle that reaches the present moves the automatic backup's starting point.
    const coveredSeq = result.to >= today ? Math.max(last.coveredSeq, result.toSeq) : last.coveredSeq;
    setBackupLast(db, { ...last, lastGood: record, coveredSeq });
    appendJournal(db, 'backup.exported', {
      trigger,
      operatorId,
      folder: result.folder,
      file: result.name,
      bytes: result.bytes,
      from: result.from,
      to: result.to,
      fromSeq: result.fromSeq,
      toSeq: result.toSeq,
      headHash: result.headHash,
    });
  })();
  try {
    writeAnchor(ctx.dataDir, { seq: result.toSeq, hash: result.headHash, file: result.file });
  } catch (error) {
    ctx.log.error('backup: could not write the status file beside the ledger', error);
  }
  try {
    const removed = pruneBundles(result.folder, result.registerId, keep);
    if (removed.length > 0) appendJournal(db, 'backup.pruned', { folder: result.folder, files: removed, keptNewest: result.name });
  } catch (error) {
    // Retention is housekeeping: the new bundle is good whatever happens to the old ones.
    ctx.log.error('backup: retention could not remove old bundles', error);
  }
  return withoutHash(record);
}

export function recordFailure(
  ctx: RecordContext,
  trigger: BackupTrigger,
  operatorId: number | null,
  folder: string | null,
  code: string,
  params: ErrorParams,
): void {
  try {
    const db = ctx.db();
    db.transaction(() => {
      setBackupLast(db, { ...getBackupLast(db), lastFailure: { at: ctx.clock(), folder, code, params, trigger } });
      appendJournal(db, 'backup.failed', { trigger, operatorId, folder, code });
    })();
  } catch (error) {
    ctx.log.error('backup: could not record a failed backup', error);
  }
}

export function withoutHash(record: BackupRecordView & { headHash?: string }): BackupRecordView {
  const { headHash: _hash, ...view } = record;
  return view;
}
