// The order in which the desktop app starts, apart from Electron so that a test can hold it to it.
// The window comes first, with the opening page: a till that shows nothing for seconds after a
// double-click gets clicked again, or switched off. A ledger of an older schema is then upgraded
// off the main thread (the window's thread too), and only then does the register open it, bind
// its calls, and the window turn into the register.
import type { Logger } from '../../log';

export interface StartSteps<R> {
  /** The window, showing the opening page; resolves once it is on screen. */
  showOpening(): Promise<void>;
  /** The schema upgrade, off the main thread; null when the ledger needed none. */
  upgradeLedger(): Promise<{ from: number; to: number } | null>;
  /** False once the owner closed the window or quit meanwhile: nothing more is opened. */
  stillWanted(): boolean;
  openRegister(): R;
  /** Binds the register's calls, then loads the register's page into the window. */
  showRegister(register: R): void;
  log: Logger;
}

/** Runs the steps in order; resolves with the open register, or null when the app was closed while opening. */
export async function startInOrder<R>(steps: StartSteps<R>): Promise<R | null> {
  await steps.showOpening();
  try {
    const upgraded = await steps.upgradeLedger();
    if (upgraded) steps.log.info(`ledger upgraded from schema ${upgraded.from} to ${upgraded.to}`);
  } catch (error) {
    // Opening the register repeats the upgrade and refuses with its own reason, or starts on the
    // ledger-check screen; either says more to the owner than this thread's failure would.
    steps.log.error('the ledger upgrade on the worker thread failed; opening the register tries again', error);
  }
  if (!steps.stillWanted()) return null;
  const register = steps.openRegister();
  steps.showRegister(register);
  return register;
}
