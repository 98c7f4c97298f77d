import { homedir } from 'node:os';
import { join, win32 } from 'node:path';

/**
 * Where the ledger lives when nothing overrides it: the platform's per-user app data folder,
 * the same one for the desktop app and browser mode.
 *
 * Windows: %LOCALAPPDATA%, not the roaming %APPDATA%, which a domain may redirect to a network
 * share; SQLite's WAL needs shared memory on a local disk and is unsafe over SMB. A till shared
 * by several Windows accounts keeps one ledger for all of them under %ProgramData%
 * (`--machine-wide` / RINGUP_MACHINE_WIDE=1).
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, machineWide = false): string {
  if (platform === 'win32') {
    if (machineWide) return win32.join(env.ProgramData ?? env.PROGRAMDATA ?? 'C:\\ProgramData', 'Ringup');
    return win32.join(env.LOCALAPPDATA ?? win32.join(homedir(), 'AppData', 'Local'), 'Ringup');
  }
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Ringup');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Ringup');
}

/** Where Ringup 0.1 kept the ledger on Windows (roaming %APPDATA%); moved once to defaultDataDir. */
export function legacyDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string | null {
  if (platform !== 'win32') return null;
  return win32.join(env.APPDATA ?? win32.join(homedir(), 'AppData', 'Roaming'), 'Ringup');
}

export interface LaunchOptions {
  dataDir: string;
  ledgerFile: string | null;
  demo: boolean;
  port: number;
  /** `--printer URL` / RINGUP_PRINTER: tcp://host:port, serial:///dev/tty… (serial://COM3 on Windows), device://… (Linux), file://… */
  printer: string | null;
  /** `--terminal tcp://host:port` or a serial port (`COM3`, `/dev/ttyUSB0`) / RINGUP_TERMINAL: the card terminal. */
  terminal: string | null;
  /** No folder was given: dataDir is the platform default (where a legacy ledger may be moved from). */
  dataDirIsDefault: boolean;
}

/**
 * `--data-dir DIR`, `--ledger FILE`, `--demo`, `--port N`, `--machine-wide`; env RINGUP_DATA_DIR / RINGUP_LEDGER /
 * RINGUP_DEMO=1 / RINGUP_MACHINE_WIDE=1.
 * Without a folder given, the demo keeps its own ledger in a `demo` folder beside the real one:
 * trying Ringup out must never put a demo catalog or demo sales into the shop's books.
 */
export function parseLaunchOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  fallbackDataDir: string = defaultDataDir(env, process.platform, argv.includes('--machine-wide') || env.RINGUP_MACHINE_WIDE === '1'),
): LaunchOptions {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    if (i >= 0) return argv[i + 1];
    const prefixed = argv.find((a) => a.startsWith(`${flag}=`));
    return prefixed?.slice(flag.length + 1);
  };
  const port = Number(value('--port') ?? env.RINGUP_PORT ?? 0);
  const demo = argv.includes('--demo') || env.RINGUP_DEMO === '1';
  const givenDir = value('--data-dir') ?? (env.RINGUP_DATA_DIR || undefined);
  return {
    dataDir: givenDir ?? (demo ? join(fallbackDataDir, 'demo') : fallbackDataDir),
    dataDirIsDefault: givenDir === undefined && !demo,
    ledgerFile: value('--ledger') ?? env.RINGUP_LEDGER ?? null,
    demo,
    port: Number.isInteger(port) && port >= 0 && port < 65536 ? port : 0,
    printer: value('--printer') ?? env.RINGUP_PRINTER ?? null,
    terminal: value('--terminal') ?? env.RINGUP_TERMINAL ?? null,
  };
}
