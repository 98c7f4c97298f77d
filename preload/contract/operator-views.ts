// Who is at the register: operators and the session.
import type { Locale, Role } from './primitives';

export interface OperatorView {
  id: number;
  name: string;
  role: Role;
  active: boolean;
  locked: boolean;
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
  /** The register's OS (main's, which may not be the browser's in browser mode). */
  platform: RegisterPlatform;
}
