import { basename } from 'node:path';

// Unpackaged runs only (npm start, npm run test:electron): node_modules holds better-sqlite3
// built for Node, which Electron cannot load. scripts/start-electron.cjs fetches an Electron
// build and names it in RINGUP_DEV_SQLITE_ADDON; the shell then loads that file instead.
// Packaged apps ignore the variable (electron-builder ships the right build).

export const DEV_SQLITE_ADDON_ENV = 'RINGUP_DEV_SQLITE_ADDON';
const ADDON_FILE = 'better_sqlite3.node';

/** The addon file to load for `filename`: the Electron build for better-sqlite3, anything else unchanged. */
export function redirectAddon(filename: string, electronAddon: string): string {
  return basename(filename) === ADDON_FILE ? electronAddon : filename;
}

/** The Electron build of better-sqlite3 to use, or null (packaged app, variable unset or not that file). */
export function devSqliteAddon(env: NodeJS.ProcessEnv, isPackaged: boolean): string | null {
  const value = env[DEV_SQLITE_ADDON_ENV];
  if (isPackaged || !value || basename(value) !== ADDON_FILE) return null;
  return value;
}

type Dlopen = (module: object, filename: string, flags?: number) => void;

/** Makes process.dlopen load the Electron build whenever better-sqlite3 asks for its addon. */
export function useElectronSqliteAddon(proc: { dlopen: Dlopen }, electronAddon: string): void {
  const original = proc.dlopen.bind(proc);
  proc.dlopen = (module, filename, flags) =>
    flags === undefined ? original(module, redirectAddon(filename, electronAddon)) : original(module, redirectAddon(filename, electronAddon), flags);
}
