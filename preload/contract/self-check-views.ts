// The hardware self-check, the About box and software updates.

export type CheckState = 'ok' | 'warning' | 'error' | 'off';

/** One problem in plain words: translated as `selfCheck.problem.<code>` (what is wrong) and `selfCheck.fix.<code>` (what to do). */
export interface CheckProblem {
  code: string;
  params: Record<string, string | number | null>;
}

export interface SelfCheckItem {
  id: 'printer' | 'terminal' | 'scanner' | 'database' | 'clock' | 'app';
  state: CheckState;
  problems: CheckProblem[];
  /** What was found, for the screen: paper, cover, drawer, terminal id, free disk, ... */
  facts: Record<string, string | number | boolean | null>;
}

export interface SelfCheckView {
  checkedAt: number;
  items: SelfCheckItem[];
  /** What the scanner test asks the cashier to scan (shown as a barcode on screen). */
  scannerTestCode: string;
  /** The same code as Code 128: widths in modules, alternately space and bar, quiet zones at both ends. */
  scannerTestBars: number[];
}

export interface AboutView {
  version: string;
  commit: string;
  buildDate: string;
  /** Electron shell or browser mode: what the update check can do. */
  shell: 'desktop' | 'browser';
}

export interface UpdateCheckView {
  state: 'browser_mode' | 'no_feed' | 'up_to_date' | 'available' | 'downloaded' | 'unreachable' | 'bad_feed';
  currentVersion: string;
  latestVersion: string | null;
  checkedAt: number;
  /** Why an available update would not be installed now; null when it could be. */
  installBlockedBy: 'sale_open' | 'day_open' | null;
  /**
   * Why the feed could not be read (unreachable), or why the last download of an available
   * version failed (it is being tried again): in plain words as `about.problem.<reason>`.
   */
  reason: UpdateProblem | null;
  /** For unreachable / bad_feed / a failed download: the technical detail, for the owner's support call. */
  detail: string | null;
}

/** What stood between the register and its update feed, as the owner can act on it. */
export type UpdateProblem = 'offline' | 'timeout' | 'refused' | 'not_found' | 'server' | 'certificate' | 'other';
