// The hardware self-check: printer, card terminal, scanner, ledger, clock and app, each with its
// problems as codes the screen turns into plain words and a fix. Run from the self-check screen
// and, as a summary, at start-up.
import { randomBytes } from 'node:crypto';
import { barcode } from 'receiptline';
import { statfsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { BackupStatusView } from '../../preload/contract/backup-views';
import type { CheckProblem, CheckState, SelfCheckItem, SelfCheckView } from '../../preload/contract/views';
import type { PrinterStatus } from '../hardware/printer';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { appVersion } from '../app-version';
import type { TerminalProbe } from '../card/terminal-runtime';

/** Below this much free space on the ledger's disk the register warns (a day's WAL and a backup need room). */
export const LOW_DISK_BYTES = 200 * 1024 * 1024;

function item(
  id: SelfCheckItem['id'],
  problems: CheckProblem[],
  facts: SelfCheckItem['facts'],
  severity: (p: CheckProblem) => 'warning' | 'error',
): SelfCheckItem {
  const state: CheckState = problems.some((p) => severity(p) === 'error') ? 'error' : problems.length > 0 ? 'warning' : 'ok';
  return { id, state, problems, facts };
}

const problem = (code: string, params: CheckProblem['params'] = {}): CheckProblem => ({ code, params });

export function printerItem(probe: { enabled: boolean; status: PrinterStatus | null; failure: string | null }, queuedJobs: number): SelfCheckItem {
  if (!probe.enabled) return { id: 'printer', state: 'off', problems: [problem('printer.disabled')], facts: {} };
  const s = probe.status;
  const facts = {
    connected: s?.answered ?? false,
    paper: s ? (s.paperOut ? 'out' : s.paperNearEnd ? 'near_end' : 'ok') : null,
    cover: s ? (s.coverOpen ? 'open' : 'closed') : null,
    drawer: s?.drawerOpen === null || s === null ? null : s.drawerOpen ? 'open' : 'closed',
    queuedJobs,
  };
  const problems: CheckProblem[] = [];
  if (probe.failure) problems.push(problem(probe.failure));
  else if (s) for (const p of s.problems) problems.push(problem(p));
  return item('printer', problems, facts, (p) => (p.code === 'printer.paper_near_end' ? 'warning' : 'error'));
}

export function terminalItem(probe: TerminalProbe): SelfCheckItem {
  if (!probe.configured) return { id: 'terminal', state: 'off', problems: [problem('terminal.not_configured')], facts: {} };
  const facts = {
    connected: probe.connected,
    statusEnquiry: probe.enquiry,
    terminalId: probe.terminalId,
    softwareVersion: probe.softwareVersion,
    terminalStatus: probe.terminalStatusKey,
  };
  const problems: CheckProblem[] = [];
  if (!probe.connected) problems.push(problem(probe.problem ?? 'terminal.not_connected'));
  else if (probe.enquiry !== 'ok') problems.push(problem(probe.problem ?? 'terminal.silent'));
  return item('terminal', problems, facts, () => 'error');
}

export function scannerItem(seenAt: number | null): SelfCheckItem {
  return seenAt === null
    ? { id: 'scanner', state: 'warning', problems: [problem('scanner.not_seen')], facts: { seenAt: null } }
    : { id: 'scanner', state: 'ok', problems: [], facts: { seenAt } };
}

/**
 * The last backup's problem, read from the backup status the header shows (main/backup): a failed
 * last attempt with its reason (the failure's code and parameters, translated on screen), none
 * yet, or none in the last 24 hours. Reading the journal instead said "all good" after a failed
 * backup and "no backup yet" after a restore.
 */
function backupProblem(backup: BackupStatusView): CheckProblem | null {
  const failure = backup.lastFailure;
  if (backup.warning === 'failed' && failure) {
    const params: CheckProblem['params'] = { failedAt: failure.at, failureCode: failure.code, folder: failure.folder };
    for (const [name, value] of Object.entries(failure.params ?? {})) params[name] = typeof value === 'boolean' ? String(value) : value;
    return problem('database.backup_failed', params);
  }
  if (backup.warning === 'never') return problem('database.no_backup');
  if (backup.warning === 'stale' && backup.lastGood) return problem('database.backup_old', { lastGoodAt: backup.lastGood.at });
  return null;
}

/** The ledger: SQLite's own check, the free space on its disk, and the last backup. */
export function databaseItem(db: Db, ledgerFile: string, backup: BackupStatusView): SelfCheckItem {
  const problems: CheckProblem[] = [];
  const integrity = (sql(db, 'PRAGMA quick_check').pluck().all() as string[]).join('; ');
  if (integrity !== 'ok') problems.push(problem('database.integrity', { detail: integrity.slice(0, 200) }));
  let freeBytes: number | null = null;
  try {
    const fs = statfsSync(ledgerFile === ':memory:' ? '.' : dirname(ledgerFile));
    freeBytes = fs.bavail * fs.bsize;
  } catch {
    problems.push(problem('database.disk_unknown'));
  }
  if (freeBytes !== null && freeBytes < LOW_DISK_BYTES) problems.push(problem('database.disk_low', { freeMegabytes: Math.floor(freeBytes / 1024 / 1024) }));
  const backupNow = backupProblem(backup);
  if (backupNow) problems.push(backupNow);
  return item('database', problems, { integrity: integrity === 'ok' ? 'ok' : 'failed', freeBytes, lastBackupAt: backup.lastGood?.at ?? null }, (p) =>
    p.code === 'database.integrity' ? 'error' : 'warning',
  );
}

/** A clock this far behind the ledger is a clock set back, not drift that a time server corrects. */
export const CLOCK_BEHIND_TOLERANCE_MS = 2 * 60_000;
/**
 * The entries the clock is compared with: the latest few hundred, not only the last one, which a
 * login after a restart has just written with the wrong clock (and the sales after it).
 */
const RECENT_ENTRIES = 500;

/**
 * The register's clock against the ledger: a clock earlier than what the journal has already
 * recorded was set back (a flat CMOS battery, a wrong time server). Selling goes on (a new document
 * is never booked behind the latest business day), but receipts and reports would carry the wrong
 * time, so it is said at start-up. The words pick the unit: minutes, hours, or days.
 */
export function clockItem(db: Db, now: number): SelfCheckItem {
  const lastEntryAt = sql(db, `SELECT MAX(at) FROM (SELECT at FROM journal ORDER BY seq DESC LIMIT ${RECENT_ENTRIES})`).pluck().get() as number | null;
  const facts = { clockAt: now, lastEntryAt };
  if (lastEntryAt === null || lastEntryAt - now <= CLOCK_BEHIND_TOLERANCE_MS) return { id: 'clock', state: 'ok', problems: [], facts };
  const minutes = Math.floor((lastEntryAt - now) / 60_000);
  const behind =
    minutes < 60
      ? problem('clock.behind_minutes', { minutes, lastEntryAt })
      : minutes < 48 * 60
        ? problem('clock.behind_hours', { hours: Math.floor(minutes / 60), minutes: minutes % 60, lastEntryAt })
        : problem('clock.behind_days', { count: Math.floor(minutes / 1440), lastEntryAt });
  return { id: 'clock', state: 'warning', problems: [behind], facts };
}

export function appItem(): SelfCheckItem {
  const v = appVersion();
  return { id: 'app', state: 'ok', problems: [], facts: { version: v.version, commit: v.commit, buildDate: v.buildDate } };
}

/** What the scanner test shows: unlikely to be typed by hand, short enough for any symbology. */
export function newScannerTestCode(): string {
  return `RT${randomBytes(4).readUInt32BE().toString().padStart(10, '0')}`;
}

/**
 * The test code as Code 128 for the screen, in modules (receiptline's generator, the one that
 * prints our barcodes on paper): a scanner reads bars, not the digits under them.
 */
export function scannerTestBars(code: string): number[] {
  return barcode.generate({ data: code, type: 'code128', width: 1, height: 1, hri: false, quietZone: true }).widths;
}

export function selfCheckView(items: SelfCheckItem[], scannerTestCode: string, now: number): SelfCheckView {
  return { checkedAt: now, items, scannerTestCode, scannerTestBars: scannerTestBars(scannerTestCode) };
}
