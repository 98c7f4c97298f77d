import { parseLaunchOptions } from '../data-dir';
import { ledgerPathIn } from '../../register';

// Where the desktop app keeps its ledger: the same folder browser mode uses (data-dir.ts:
// %LOCALAPPDATA%\Ringup on Windows, never the roaming profile); --data-dir, --ledger, --demo,
// --printer, --terminal, --machine-wide and the RINGUP_* variables work exactly as for `npm run web`.

export const PRODUCT_NAME = 'Ringup';

export interface ElectronLaunch {
  dataDir: string;
  ledgerFile: string;
  demo: boolean;
  printer: string | null;
  terminal: string | null;
  dataDirIsDefault: boolean;
}

/** `fallbackDataDir` replaces the platform default (tests); --data-dir or RINGUP_DATA_DIR still win. */
export function electronLaunch(argv: readonly string[], env: NodeJS.ProcessEnv, fallbackDataDir?: string): ElectronLaunch {
  const options = fallbackDataDir === undefined ? parseLaunchOptions(argv, env) : parseLaunchOptions(argv, env, fallbackDataDir);
  return {
    dataDir: options.dataDir,
    dataDirIsDefault: options.dataDirIsDefault,
    ledgerFile: options.ledgerFile ?? ledgerPathIn(options.dataDir),
    demo: options.demo,
    printer: options.printer,
    terminal: options.terminal,
  };
}
