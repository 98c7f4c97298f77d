// Who is at the register: operators and the session.
import type { Locale, Role } from './primitives';

export interface OperatorView {
  id: number;
  /** The operator number (工号): typed with the PIN at login, and carried by the badge. */
  number: number;
  name: string;
  role: Role;
  active: boolean;
  locked: boolean;
  /** A badge is issued and not revoked. */
  hasBadge: boolean;
  /** The owner has put this operator into training: their sales are practice (the register may be in training as a whole too). */
  training: boolean;
}

/** A scanned badge: either logged in (badge-only cashiers) or the operator picked, PIN still to come. */
export interface BadgeLoginView {
  operatorId: number;
  pinRequired: boolean;
  /** The new session when no PIN was required. */
  session: SessionView | null;
}

export interface BadgeIssued {
  operator: OperatorView;
  /** The badge's code, shown this once: the ledger keeps only its hash. */
  code: string;
  /** Whether it went to the receipt printer; if not, why (a printer error code). */
  printed: boolean;
  printError: string | null;
}

/** The OS the register runs on, as far as the screens care (serial port names, USB printer devices). */
export type RegisterPlatform = 'linux' | 'win32' | 'darwin' | 'other';

export interface SessionView {
  /** No operator exists yet: the first run must create the owner. */
  needsSetup: boolean;
  operator: OperatorView | null;
  registerId: string;
  storeName: string;
  currency: string;
  storeLocale: Locale;
  /** The store's IANA time zone: every moment a screen shows is on its clock, as the paper's are. */
  timeZone: string;
  /** The register's OS (main's, which may not be the browser's in browser mode). */
  platform: RegisterPlatform;
  /** How the screens look and sound, needed before anyone logs in. */
  display: DisplaySettings;
  /** The first-run wizard still has steps to offer the owner. */
  setupWizardDone: boolean;
  /** What the logged-in operator rings up here is training: every screen carries the mark. */
  training: boolean;
}

export interface DisplaySettings {
  theme: 'light' | 'dark' | 'high-contrast';
  fontSize: 'normal' | 'large' | 'x-large';
  screenBrightness: number;
  soundOnScan: boolean;
  soundOnError: boolean;
}
