// The desktop shell's update installer: electron-updater with its generic provider, pointed at
// the feed the owner set. main/updates decides whether there is anything newer and when it may be
// installed; this only downloads and, when told, quits and installs. Installing on quit is off:
// an update never lands at a moment main did not choose (a sale open, the day not closed).
import { autoUpdater } from 'electron-updater';
import type { Logger } from '../log';
import type { UpdateInstaller } from '../updates/updates';

export function electronUpdateInstaller(log: Logger): UpdateInstaller {
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.logger = {
    info: (m: unknown) => log.info(`updater: ${String(m)}`),
    warn: (m: unknown) => log.info(`updater: ${String(m)}`),
    error: (m: unknown) => log.error('updater', m),
  };
  return {
    async download(feedUrl) {
      autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl });
      const result = await autoUpdater.checkForUpdates();
      if (!result?.isUpdateAvailable) throw new Error('the feed offers no newer version');
      await autoUpdater.downloadUpdate();
      return result.updateInfo.version;
    },
    installAndRestart() {
      autoUpdater.quitAndInstall(false, true);
    },
  };
}
