// Software updates. The check reads the configured feed (update-feed.ts); in the desktop shell
// an installer (electron-updater's generic provider, in host/) downloads what the check found and
// installs it on request, only when install-gate.ts allows. In browser mode there is nothing to
// install: the check says so instead of pretending.
import type { UpdateCheckView } from '../../preload/contract/views';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { appVersion } from '../app-version';
import { checkFeed } from './update-feed';
import { installBlocker } from './install-gate';
import { updateProblemOf } from './update-problem';
import type { UpdateProblem } from '../../preload/contract/self-check-views';

/** What the desktop shell provides; browser mode has none. */
export interface UpdateInstaller {
  /** Downloads the newest version from the feed; resolves with its version once it is ready to install. */
  download(feedUrl: string): Promise<string>;
  /** Quits and installs the downloaded version. */
  installAndRestart(): void;
}

export class Updates {
  private downloaded: string | null = null;
  private downloading: Promise<void> | null = null;
  /** How the last download ended when it failed: said with the next check, which tries again. */
  private lastFailure: { reason: UpdateProblem; detail: string } | null = null;

  constructor(
    private readonly installer: UpdateInstaller | null,
    private readonly platform: NodeJS.Platform,
    private readonly version: string = appVersion().version,
  ) {}

  get shell(): 'desktop' | 'browser' {
    return this.installer ? 'desktop' : 'browser';
  }

  async check(db: Db, feedUrl: string, now: number): Promise<UpdateCheckView> {
    const base = { currentVersion: this.version, checkedAt: now, installBlockedBy: installBlocker(db), reason: null, detail: null };
    if (!this.installer) return { ...base, state: 'browser_mode', latestVersion: null };
    if (feedUrl === '') return { ...base, state: 'no_feed', latestVersion: null };
    const answer = await checkFeed(feedUrl, this.version, this.platform);
    if (answer.state !== 'available')
      return { ...base, state: answer.state, latestVersion: answer.latestVersion, reason: answer.reason, detail: answer.detail };
    if (this.downloaded === answer.latestVersion) return { ...base, state: 'downloaded', latestVersion: answer.latestVersion };
    // A download that failed is said as such (and why), not as "being downloaded": this check starts it again.
    const failed = this.downloading ? null : this.lastFailure;
    this.startDownload(feedUrl);
    return { ...base, state: 'available', latestVersion: answer.latestVersion, reason: failed?.reason ?? null, detail: failed?.detail ?? null };
  }

  install(db: Db, now: number): UpdateCheckView {
    if (!this.installer) throw new ServiceError('updates.browser_mode');
    const blocker = installBlocker(db);
    if (blocker === 'sale_open') throw new ServiceError('updates.sale_open');
    if (blocker === 'day_open') throw new ServiceError('updates.day_open');
    if (this.downloaded === null) throw new ServiceError('updates.none_downloaded');
    const view: UpdateCheckView = {
      state: 'downloaded',
      currentVersion: this.version,
      latestVersion: this.downloaded,
      checkedAt: now,
      installBlockedBy: null,
      reason: null,
      detail: null,
    };
    // After the answer has gone back to the window: the shell quits to install.
    setTimeout(() => this.installer?.installAndRestart(), 500).unref();
    return view;
  }

  private startDownload(feedUrl: string): void {
    if (!this.installer || this.downloading) return;
    this.downloading = this.installer
      .download(feedUrl)
      .then((version) => {
        this.downloaded = version;
        this.lastFailure = null;
      })
      .catch((error: unknown) => {
        this.lastFailure = { reason: updateProblemOf(error), detail: error instanceof Error ? error.message : String(error) };
      })
      .finally(() => {
        this.downloading = null;
      });
  }
}
