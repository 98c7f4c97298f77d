import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultDataDir, legacyDataDir, parseLaunchOptions } from '../../main/host/data-dir';
import { LEGACY_SUFFIX, moveLegacyLedger } from '../../main/host/legacy-ledger';

const temps: string[] = [];
const temp = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-datadir-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('where the ledger lives on Windows', () => {
  const env = { APPDATA: 'C:\\Users\\li\\AppData\\Roaming', LOCALAPPDATA: 'C:\\Users\\li\\AppData\\Local', ProgramData: 'C:\\ProgramData' };

  it('is the local app data folder, never the roaming profile (which may sit on a network share)', () => {
    expect(defaultDataDir(env, 'win32')).toBe('C:\\Users\\li\\AppData\\Local\\Ringup');
    expect(legacyDataDir(env, 'win32')).toBe('C:\\Users\\li\\AppData\\Roaming\\Ringup');
  });

  it('is ProgramData for a till shared by several Windows accounts', () => {
    expect(defaultDataDir(env, 'win32', true)).toBe('C:\\ProgramData\\Ringup');
  });

  it('has no legacy folder elsewhere', () => {
    expect(legacyDataDir(env, 'linux')).toBeNull();
    expect(legacyDataDir(env, 'darwin')).toBeNull();
  });

  it('knows when the folder is the default one (only then is a legacy ledger moved)', () => {
    expect(parseLaunchOptions([], {}, '/d').dataDirIsDefault).toBe(true);
    expect(parseLaunchOptions(['--data-dir', '/x'], {}, '/d').dataDirIsDefault).toBe(false);
    expect(parseLaunchOptions([], { RINGUP_DATA_DIR: '/x' }, '/d').dataDirIsDefault).toBe(false);
    expect(parseLaunchOptions(['--demo'], {}, '/d').dataDirIsDefault).toBe(false);
  });
});

describe('moving a legacy ledger, once', () => {
  const NAME = 'ringup-ledger.sqlite';

  /** A real WAL-mode ledger with one committed row still in its WAL file. */
  function legacyLedger(dir: string): void {
    mkdirSync(dir, { recursive: true });
    const db = new Database(join(dir, NAME));
    db.pragma('journal_mode = WAL');
    db.pragma('wal_autocheckpoint = 0');
    db.exec("CREATE TABLE sale (id TEXT); INSERT INTO sale VALUES ('R1-000001')");
    // Copy the files while the WAL still holds the insert, as a crash would leave them.
    for (const suffix of ['', '-wal']) writeFileSync(join(dir, `${NAME}.copy${suffix}`), readFileSync(join(dir, `${NAME}${suffix}`)));
    db.close();
    for (const suffix of ['', '-wal']) {
      rmSync(join(dir, `${NAME}${suffix}`), { force: true });
      writeFileSync(join(dir, `${NAME}${suffix}`), readFileSync(join(dir, `${NAME}.copy${suffix}`)));
      rmSync(join(dir, `${NAME}.copy${suffix}`));
    }
  }

  it('moves the ledger with its WAL, keeps every committed sale, and renames the old files instead of deleting them', () => {
    const root = temp();
    const from = join(root, 'Roaming', 'Ringup');
    const to = join(root, 'Local', 'Ringup');
    legacyLedger(from);
    expect(existsSync(join(from, `${NAME}-wal`))).toBe(true);

    const result = moveLegacyLedger(from, to, NAME);
    expect(result).toEqual({ moved: true, from: join(from, NAME), to: join(to, NAME) });
    const db = new Database(join(to, NAME), { readonly: true });
    expect(db.prepare('SELECT id FROM sale').all()).toEqual([{ id: 'R1-000001' }]);
    db.close();
    expect(existsSync(join(from, NAME))).toBe(false);
    expect(existsSync(join(from, `${NAME}${LEGACY_SUFFIX}`))).toBe(true);
    expect(existsSync(join(from, `${NAME}-wal${LEGACY_SUFFIX}`))).toBe(true);
    expect(readFileSync(join(from, 'LEDGER-MOVED.txt'), 'utf8')).toContain(to);
  });

  it('never overwrites a ledger already in the new place, and does nothing the second time', () => {
    const root = temp();
    const from = join(root, 'old');
    const to = join(root, 'new');
    legacyLedger(from);
    mkdirSync(to);
    writeFileSync(join(to, NAME), 'current ledger');
    expect(moveLegacyLedger(from, to, NAME)).toEqual({ moved: false });
    expect(readFileSync(join(to, NAME), 'utf8')).toBe('current ledger');
    expect(existsSync(join(from, NAME))).toBe(true);
  });

  it('does nothing without a legacy folder or ledger', () => {
    const root = temp();
    expect(moveLegacyLedger(null, root, NAME)).toEqual({ moved: false });
    expect(moveLegacyLedger(join(root, 'missing'), join(root, 'new'), NAME)).toEqual({ moved: false });
    expect(existsSync(join(root, 'new'))).toBe(false);
  });
});
