// The backup's configuration and its last outcomes, kept in the ledger's settings table under two
// keys (as the printer keeps its config), so the header can show them without reading the journal.
// The last good bundle is also written beside the ledger (backup-status.json): when the ledger
// itself cannot be read, that file is what lets the start screen offer a restore from it.
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { backupConfigInput } from '../../preload/contract/backup';
import type { BackupConfigView, BackupFailureView, BackupRecordView } from '../../preload/contract/backup-views';
import type { Db } from '../ledger/db';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import type { BackupAnchor } from './ledger-check';

const CONFIG_KEY = 'backup.config';
const LAST_KEY = 'backup.last';
export const STATUS_FILE = 'backup-status.json';

export const defaultBackupConfig: BackupConfigView = { folder: null, scheduleAt: null, keep: 30 };

export interface BackupLast {
  lastGood: (BackupRecordView & { headHash: string }) | null;
  lastFailure: BackupFailureView | null;
  /** The journal seq up to which bundles cover every entry: the automatic backup starts after it. */
  coveredSeq: number;
  /** The store-local date of the last scheduled attempt (one a day). */
  scheduledOn: string | null;
}

const emptyLast: BackupLast = { lastGood: null, lastFailure: null, coveredSeq: 0, scheduledOn: null };

function read(db: Db, key: string): unknown {
  const row = sql(db, 'SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row ? (JSON.parse(row.value) as unknown) : undefined;
}

function write(db: Db, key: string, value: unknown): void {
  sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(key, JSON.stringify(value));
}

const storedConfig = backupConfigInput.extend({ folder: z.string().nullable(), scheduleAt: z.string().nullable() });

export function getBackupConfig(db: Db): BackupConfigView {
  const parsed = storedConfig.safeParse(read(db, CONFIG_KEY));
  return parsed.success ? parsed.data : defaultBackupConfig;
}

export function setBackupConfig(db: Db, config: BackupConfigView, operatorId: number): BackupConfigView {
  return db.transaction(() => {
    const before = getBackupConfig(db);
    if (JSON.stringify(before) === JSON.stringify(config)) return before;
    write(db, CONFIG_KEY, config);
    appendJournal(db, 'backup.config_changed', { operatorId, from: before, to: config });
    return config;
  })();
}

export function getBackupLast(db: Db): BackupLast {
  const value = read(db, LAST_KEY);
  return value && typeof value === 'object' ? { ...emptyLast, ...(value as Partial<BackupLast>) } : emptyLast;
}

export function setBackupLast(db: Db, last: BackupLast): void {
  write(db, LAST_KEY, last);
}

/** The last good bundle, beside the ledger; written through a temporary file so it is never half written. */
export function writeAnchor(dataDir: string, anchor: BackupAnchor): void {
  const file = join(dataDir, STATUS_FILE);
  writeFileSync(`${file}.tmp`, `${JSON.stringify(anchor)}\n`);
  renameSync(`${file}.tmp`, file);
}

export function readAnchor(dataDir: string): BackupAnchor | null {
  try {
    const value = JSON.parse(readFileSync(join(dataDir, STATUS_FILE), 'utf8')) as Partial<BackupAnchor>;
    return typeof value.seq === 'number' && typeof value.hash === 'string' && typeof value.file === 'string' ? (value as BackupAnchor) : null;
  } catch {
    return null;
  }
}
