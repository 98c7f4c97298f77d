import { describe, expect, it, vi } from 'vitest';
import { devSqliteAddon, redirectAddon, useElectronSqliteAddon } from '../../main/host/electron-policy/dev-sqlite';

const ELECTRON_ADDON = '/repo/node_modules/.cache/ringup-electron-sqlite/x/build/Release/better_sqlite3.node';

describe('the Electron build of better-sqlite3 for unpackaged runs', () => {
  it('is used only when unpackaged and the variable names a better_sqlite3.node', () => {
    expect(devSqliteAddon({ RINGUP_DEV_SQLITE_ADDON: ELECTRON_ADDON }, false)).toBe(ELECTRON_ADDON);
    expect(devSqliteAddon({ RINGUP_DEV_SQLITE_ADDON: ELECTRON_ADDON }, true)).toBeNull();
    expect(devSqliteAddon({}, false)).toBeNull();
    expect(devSqliteAddon({ RINGUP_DEV_SQLITE_ADDON: '/tmp/evil.node' }, false)).toBeNull();
  });

  it('redirects better-sqlite3 only', () => {
    expect(redirectAddon('/repo/node_modules/better-sqlite3/build/Release/better_sqlite3.node', ELECTRON_ADDON)).toBe(ELECTRON_ADDON);
    const serial = '/repo/node_modules/@serialport/bindings-cpp/prebuilds/linux-x64/node.napi.glibc.node';
    expect(redirectAddon(serial, ELECTRON_ADDON)).toBe(serial);
  });

  it('wraps process.dlopen, passing flags through', () => {
    const dlopen = vi.fn();
    const proc = { dlopen };
    useElectronSqliteAddon(proc, ELECTRON_ADDON);
    const module = {};
    proc.dlopen(module, '/x/better_sqlite3.node');
    proc.dlopen(module, '/x/other.node', 1);
    expect(dlopen).toHaveBeenNthCalledWith(1, module, ELECTRON_ADDON);
    expect(dlopen).toHaveBeenNthCalledWith(2, module, '/x/other.node', 1);
  });
});
