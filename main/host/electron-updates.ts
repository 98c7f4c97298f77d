// The desktop shell's update installer: electron-updater with its generic provider, pointed at
// the feed the owner set. main/updates decides whether there is anything newer and when it may be
// installed; this only downloads and, when told, quits and installs. Installing on quit is off:
// an update never lands at a moment main did not choose (a sale open, the day not closed).
import type { AppUpdater } from 'electron-updater';
import type { Logger } from '../log';
import type { UpdateInstaller } from '../updates/updates';

export function electronUpdateInstaller(log: Logger): UpdateInstaller {
  // Loaded when an update is first wanted: electron-updater reads the app's state as it loads,
  // and the shell's start should neither wait for nor depend on a module it may never use.
  let updater: AppUpdater | null = null;
  const load = (): AppUpdater => {
    if (updater) return updater;
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose, see above
    const loaded = (require('electron-updater') as { autoUpdater: AppUpdater }).autoUpdater;
    loaded.autoDownload = false;
    loaded.autoInstallOnAppQuit = false;
    loaded.logger = {
      info: (m: unknown) => log.info(`updater: ${String(m)}`),
      warn: (m: unknown) => log.info(`updater: ${String(m)}`),
      error: (m: unknown) => log.error('updater', m),
    };
    updater = loaded;
    return loaded;
  };
  return {
    async download(feedUrl) {
      const autoUpdater = load();
      autoUpdater.setFeedURL({ provider: 'generic', url: feedUrl });
      const result = await autoUpdater.checkForUpdates();
      if (!result?.isUpdateAvailable) throw new Error('the feed offers no newer version');
      await autoUpdater.downloadUpdate();
      return result.updateInfo.version;
    },
    installAndRestart() {
      load().quitAndInstall(false, true);
    },
  };
}
