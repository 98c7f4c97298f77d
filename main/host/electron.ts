// Placeholder until the Electron shell lands (issue 5): the only file in main/ that may import electron.
import { app } from 'electron';

export function startElectronShell(): void {
  void app.whenReady().then(() => app.quit());
}
