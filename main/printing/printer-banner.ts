// The printer's part of `hardware.status`, from what the last poll said, the last failure and
// the queue: the cashier reads it in the banner.
import type { HardwareStatus } from '../../preload/contract/events';
import type { PrinterStatus } from '../hardware/printer';
import type { Db } from '../ledger/database';
import { pendingCount } from './print-jobs';
import { drawerNotOpened } from './drawer-jobs';

export function printerBanner(db: Db, enabled: boolean, last: PrinterStatus | null, lastFailure: string | null, now: number): HardwareStatus['printer'] {
  const queuedJobs = pendingCount(db);
  // The cashier must know the drawer did not open (and use the key), before any other problem.
  const drawer = drawerNotOpened(db, now) ? ['printer.drawer_not_opened'] : [];
  if (!enabled) return { state: 'disabled', problems: [], drawerOpen: null, queuedJobs };
  const s = last;
  if (!s) {
    return {
      state: lastFailure || drawer.length ? 'error' : 'unknown',
      problems: [...drawer, ...(lastFailure ? [lastFailure] : [])],
      drawerOpen: null,
      queuedJobs,
    };
  }
  const problems: string[] = [...s.problems];
  if (lastFailure && !problems.includes(lastFailure)) problems.unshift(lastFailure);
  problems.unshift(...drawer);
  const state = !s.answered || !s.ready || lastFailure || drawer.length ? 'error' : problems.length > 0 ? 'warning' : 'ok';
  return { state, problems, drawerOpen: s.drawerOpen, queuedJobs };
}
