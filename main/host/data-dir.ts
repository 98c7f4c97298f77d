import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the ledger lives when nothing overrides it: the platform's per-user app data folder,
 * the same place Electron's userData points at, so desktop and browser mode share one ledger.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Ringup');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Ringup');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Ringup');
}

export interface LaunchOptions {
  dataDir: string;
  ledgerFile: string | null;
  demo: boolean;
  port: number;
  /** `--printer URL` / RINGUP_PRINTER: tcp://host:port, serial:///dev/tty…, device://…, file://… */
  printer: string | null;
  /** `--terminal tcp://host:port` or `--terminal /dev/ttyX` / RINGUP_TERMINAL: the card terminal. */
  terminal: string | null;
}

/**
 * `--data-dir DIR`, `--ledger FILE`, `--demo`, `--port N`; env RINGUP_DATA_DIR / RINGUP_LEDGER / RINGUP_DEMO=1.
 * Without a folder given, the demo keeps its own ledger in a `demo` folder beside the real one:
 * trying Ringup out must never put a demo catalog or demo sales into the shop's books.
 */
export function parseLaunchOptions(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  fallbackDataDir: string = defaultDataDir(env),
): LaunchOptions {
  const value = (flag: string): string | undefined => {
    const i = argv.indexOf(flag);
    if (i >= 0) return argv[i + 1];
    const prefixed = argv.find((a) => a.startsWith(`${flag}=`));
    return prefixed?.slice(flag.length + 1);
  };
  const port = Number(value('--port') ?? env.RINGUP_PORT ?? 0);
  const demo = argv.includes('--demo') || env.RINGUP_DEMO === '1';
  return {
    dataDir: value('--data-dir') ?? (env.RINGUP_DATA_DIR || undefined) ?? (demo ? join(fallbackDataDir, 'demo') : fallbackDataDir),
    ledgerFile: value('--ledger') ?? env.RINGUP_LEDGER ?? null,
    demo,
    port: Number.isInteger(port) && port >= 0 && port < 65536 ? port : 0,
    printer: value('--printer') ?? env.RINGUP_PRINTER ?? null,
    terminal: value('--terminal') ?? env.RINGUP_TERMINAL ?? null,
  };
}
