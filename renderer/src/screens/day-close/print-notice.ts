import type { HardwareStatus } from '../../../../preload/contract/events';

/**
 * Whether paper asked for now prints now: the printer last answered ready (a warning such as
 * paper running low still prints; so does a printer whose only news is a drawer that did not
 * open earlier). Otherwise the job waits in the queue, and the notice says so rather than "sent".
 */
export function printerPrintsNow(status: HardwareStatus | null): boolean {
  const printer = status?.printer;
  if (!printer) return false;
  if (printer.state === 'ok' || printer.state === 'warning') return true;
  return printer.state === 'error' && printer.problems.length > 0 && printer.problems.every((p) => p === 'printer.drawer_not_opened');
}
