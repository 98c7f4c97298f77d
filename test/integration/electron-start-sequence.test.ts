import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { INVOKE_CHANNEL } from '../../preload/channels';
import { LEDGER_FILE_NAME } from '../../main/register';
import { LATEST_VERSION } from '../../main/ledger/migrations';
import { ledgerAtSchema } from '../support/old-schema';

// The Electron binary cannot be downloaded here, so the desktop shell is started the next best
// way: the BUILT main bundle (out/main/index.js, what `electron .` runs) under the project's Node
// with a recording stand-in for the electron module (test/support/fake-electron.cjs). What it
// proves: the order of the start sequence (the window and its opening page first, an older
// ledger upgraded on the worker thread, then the register), the window's policies, where the
// ledger is opened, and that a Windows logoff closes the ledger. What only a machine with
// Electron can prove is listed in docs/releasing.md.

interface Call {
  name: string;
  [key: string]: unknown;
}

const repo = join(__dirname, '..', '..');
const bundle = join(repo, 'out', 'main', 'index.js');
const homes: string[] = [];

/** Starts the built shell in a fresh home (`before` may put a ledger in its data folder) and returns its recorded calls. */
function startShell(before: (dataDir: string) => void = () => undefined): { home: string; calls: Call[] } {
  if (!existsSync(bundle)) throw new Error('out/main/index.js is missing: run "npm run build" before vitest ("npm test" does).');
  const home = mkdtempSync(join(tmpdir(), 'ringup-shell-'));
  homes.push(home);
  mkdirSync(join(home, 'config'));
  before(join(home, 'config', 'Ringup'));
  const log = join(home, 'calls.json');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    XDG_CONFIG_HOME: join(home, 'config'),
    RINGUP_FAKE_ELECTRON_LOG: log,
    RINGUP_FAKE_APPDATA: join(home, 'config'),
  };
  for (const key of ['RINGUP_DATA_DIR', 'RINGUP_LEDGER', 'RINGUP_DEMO', 'RINGUP_PRINTER', 'RINGUP_TERMINAL']) delete env[key];
  // argv as Electron gives it: [electron, '.', ...flags]; the shell reads process.argv.slice(1).
  const run = spawnSync(process.execPath, ['--require', join(repo, 'test', 'support', 'fake-electron.cjs'), bundle], {
    cwd: repo,
    env,
    encoding: 'utf8',
    timeout: 30_000,
  });
  if (!existsSync(log)) throw new Error(`the shell did not get to its window:\n${run.stdout}\n${run.stderr}`);
  return { home, calls: JSON.parse(readFileSync(log, 'utf8')) as Call[] };
}

let home: string;
let calls: Call[];
beforeAll(() => {
  ({ home, calls } = startShell());
});
afterAll(() => {
  for (const h of homes) rmSync(h, { recursive: true, force: true });
});

const indexOf = (name: string) => calls.findIndex((c) => c.name === name);
const OPENING_URL = 'app://ringup/opening.html';
const REGISTER_URL = 'app://ringup/index.html';
const loaded = (url: string, from: Call[] = calls) => from.findIndex((c) => c.name === 'window.loadURL' && c.url === url);
const logged = (text: string, from: Call[] = calls) => from.findIndex((c) => c.name === 'log' && String(c.text).includes(text));

describe('the desktop shell starts (built bundle, recorded electron)', () => {
  it('sandboxes every renderer and registers app:// before the app is ready', () => {
    expect(indexOf('app.enableSandbox')).toBeGreaterThanOrEqual(0);
    const register = indexOf('protocol.registerSchemesAsPrivileged');
    expect(register).toBeGreaterThanOrEqual(0);
    expect(register).toBeLessThan(indexOf('app.ready'));
    expect(calls[register]?.schemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true } }]);
    expect(indexOf('protocol.handle')).toBeGreaterThan(indexOf('app.ready'));
  });

  it('has no application menu on Linux, so Alt and Ctrl+W do nothing', () => {
    const menu = calls.find((c) => c.name === 'Menu.setApplicationMenu');
    expect(menu).toBeDefined();
    expect(menu?.menu).toBeNull();
  });

  it('opens the ledger in the per-user data folder, which is also userData', () => {
    const dataDir = join(home, 'config', 'Ringup');
    expect(calls.find((c) => c.name === 'app.setPath' && c.key === 'userData')?.value).toBe(dataDir);
    expect(calls.some((c) => c.name === 'log' && String(c.text).includes(`ledger: ${join(dataDir, LEDGER_FILE_NAME)}`))).toBe(true);
    const db = new Database(join(dataDir, LEDGER_FILE_NAME), { readonly: true });
    try {
      expect((db.prepare('PRAGMA user_version').get() as { user_version: number }).user_version).toBeGreaterThan(0);
      expect(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'journal'").get()).toEqual({ name: 'journal' });
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    } finally {
      db.close();
    }
  });

  it('creates the window with the security policies and the built preload, after the session is hardened', () => {
    const window = calls.find((c) => c.name === 'BrowserWindow');
    const prefs = (window?.options as { webPreferences: Record<string, unknown> }).webPreferences;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(existsSync(String(prefs.preload))).toBe(true);
    expect(String(prefs.preload)).toBe(join(repo, 'out', 'preload', 'index.js'));
    expect(indexOf('session.setPermissionRequestHandler')).toBeLessThan(indexOf('BrowserWindow'));
    expect(indexOf('webContents.setWindowOpenHandler')).toBeGreaterThan(indexOf('BrowserWindow'));
    expect(calls.filter((c) => c.name === 'window.loadURL').map((c) => c.url)).toEqual([OPENING_URL, REGISTER_URL]);
  });

  it('shows the window with the opening page before it opens the ledger, then turns it into the register', () => {
    expect(calls.filter((c) => c.name === 'BrowserWindow')).toHaveLength(1);
    expect(loaded(OPENING_URL)).toBeLessThan(indexOf('window.show'));
    expect(indexOf('window.show')).toBeLessThan(logged('ledger: '));
    expect(logged('ledger: ')).toBeLessThan(loaded(REGISTER_URL));
    // A new ledger needs no upgrade.
    expect(logged('ledger upgraded')).toBe(-1);
  });

  it('binds the router to the one IPC channel before the register page loads', () => {
    const handle = calls.findIndex((c) => c.name === 'ipcMain.handle' && c.channel === INVOKE_CHANNEL);
    expect(handle).toBeGreaterThanOrEqual(0);
    expect(handle).toBeLessThan(loaded(REGISTER_URL));
  });

  it('closes the ledger when Windows ends the session (no will-quit comes then)', () => {
    const end = indexOf('emit session-end');
    expect(end).toBeGreaterThan(0);
    const closed = calls.findIndex((c, i) => i > end && c.name === 'log' && String(c.text).includes('ledger closed (session end)'));
    expect(closed).toBeGreaterThan(end);
    expect(calls.slice(end).some((c) => c.name === 'ipcMain.removeHandler' && c.channel === INVOKE_CHANNEL)).toBe(true);
    expect(calls.some((c) => c.name === 'dialog.showErrorBox')).toBe(false);
  });
});

describe('the desktop shell on a ledger of an older schema', () => {
  it('upgrades it on the worker thread while the opening page shows, then opens the register on it', () => {
    const shell = startShell((dataDir) => {
      mkdirSync(dataDir, { recursive: true });
      ledgerAtSchema(join(dataDir, LEDGER_FILE_NAME), 18).close();
    });
    const upgraded = logged(`ledger upgraded from schema 18 to ${LATEST_VERSION}`, shell.calls);
    const shown = shell.calls.findIndex((c) => c.name === 'window.show');
    expect(shown).toBeGreaterThan(shell.calls.findIndex((c) => c.name === 'window.loadURL' && c.url === OPENING_URL));
    expect(shown).toBeLessThan(upgraded);
    expect(upgraded).toBeLessThan(logged('ledger: ', shell.calls));
    expect(logged('ledger: ', shell.calls)).toBeLessThan(loaded(REGISTER_URL, shell.calls));
    expect(shell.calls.some((c) => c.name === 'dialog.showErrorBox')).toBe(false);
    const db = new Database(join(shell.home, 'config', 'Ringup', LEDGER_FILE_NAME), { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    } finally {
      db.close();
    }
  });
});
