import { parseLaunchOptions } from '../data-dir';
import { ledgerPathIn } from '../../register';

// Where the desktop app keeps its ledger. By default the user-data folder Electron reports
// (<appData>/Ringup, the same folder browser mode uses); --data-dir, --ledger, --demo, --printer,
// --terminal and the RINGUP_* variables work exactly as they do for `npm run web`.

export const PRODUCT_NAME = 'Ringup';

export interface ElectronLaunch {
  dataDir: string;
  ledgerFile: string;
  demo: boolean;
  printer: string | null;
  terminal: string | null;
}

export function electronLaunch(argv: readonly string[], env: NodeJS.ProcessEnv, userDataDir: string): ElectronLaunch {
  // userData is only the fallback: an explicit --data-dir or RINGUP_DATA_DIR still wins.
  const options = parseLaunchOptions(argv, env, userDataDir);
  return {
    dataDir: options.dataDir,
    ledgerFile: options.ledgerFile ?? ledgerPathIn(options.dataDir),
    demo: options.demo,
    printer: options.printer,
    terminal: options.terminal,
  };
}
