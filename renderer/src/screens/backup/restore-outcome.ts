// How a restore started in a window reaches the App: main logs everyone out as the restore ends,
// and the owner who did it must first read its outcome (where the old books went) before the
// login screen, which is the cashiers' as well.
import { createContext, useContext } from 'react';
import type { RestoreView } from '../../../../preload/contract';

export interface RestoreOutcome {
  /** A restore call is on its way: the session it changes waits. */
  started(): void;
  /** Its result: the restored view (the success screen follows), or null when it was refused or failed. */
  finished(restored: RestoreView | null): void;
}

export const RestoreOutcomeContext = createContext<RestoreOutcome>({ started: () => undefined, finished: () => undefined });

export const useRestoreOutcome = (): RestoreOutcome => useContext(RestoreOutcomeContext);
