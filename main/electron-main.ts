// Desktop entry point. The Electron shell lives in host/electron.ts; this file only starts it.
import { startElectronShell } from './host/electron';

startElectronShell();
