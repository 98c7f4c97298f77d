// Which card terminal the register talks to, kept in the ledger's settings table under its own
// key (the store settings view does not carry hardware). Changing it is journalled.
import type { TerminalConfigView } from '../../preload/contract/card-views';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { normaliseSerialPath, shownPath } from '../hardware/serial-path';
import { ServiceError } from '../common/service-error';

const KEY = 'terminal';

export function getTerminalConfig(db: Db): TerminalConfigView {
  const row = sql(db, 'SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return { kind: 'none' };
  try {
    return JSON.parse(row.value) as TerminalConfigView;
  } catch {
    return { kind: 'none' };
  }
}

export function setTerminalConfig(db: Db, config: TerminalConfigView, operatorId: number | null, now: number): TerminalConfigView {
  return db.transaction(() => {
    const before = getTerminalConfig(db);
    if (JSON.stringify(before) === JSON.stringify(config)) return before;
    sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(config));
    appendJournal(db, 'settings.changed', { operatorId, changes: { terminal: { from: before, to: config } } }, now);
    return config;
  })();
}

/** A serial terminal's port in the form this OS opens (`COM10` for `\\.\COM10`), or `terminal.bad_serial_path`. */
export function checkedTerminalConfig(config: TerminalConfigView, platform: string): TerminalConfigView {
  if (config.kind !== 'serial') return config;
  const path = normaliseSerialPath(config.path, platform);
  if (!path.ok) throw new ServiceError('terminal.bad_serial_path', { path: shownPath(config.path), expected: path.expected });
  return { ...config, path: path.path };
}
