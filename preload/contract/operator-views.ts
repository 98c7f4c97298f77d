// Who is at the register: operators and the session.
import type { Locale, Role } from './primitives';

export interface OperatorView {
  id: number;
  name: string;
  role: Role;
  active: boolean;
  locked: boolean;
}

export interface SessionView {
  /** No operator exists yet: the first run must create the owner. */
  needsSetup: boolean;
  operator: OperatorView | null;
  registerId: string;
  storeName: string;
  currency: string;
  storeLocale: Locale;
}
