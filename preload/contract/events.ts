// Events main pushes to every window. The names are a plain array (no zod) so the sandboxed
// preload can allow-list them without bundling any logic.
import type { BackupProgressView, BackupStatusView } from './backup-views';
import type { ShiftView } from './shift-views';
import type { CustomerDisplayView } from './customer-display-views';
import type { DocumentView, SessionView } from './views';
import type { PaymentEndedView } from './payment-progress-views';

export const eventNames = [
  'sale.changed',
  'sale.completionDismissed',
  'session.changed',
  'hardware.status',
  'payment.step',
  'payment.ended',
  'backup.progress',
  'backup.status',
  'shift.changed',
  'display.changed',
  'sync.changed',
  'exchange.draftChanged',
] as const;
export type EventName = (typeof eventNames)[number];

export type DeviceState = 'ok' | 'warning' | 'error' | 'unknown' | 'disabled';

export interface HardwareStatus {
  printer: {
    state: DeviceState;
    /** Translation keys under `hardware.`, e.g. `printer.paper_out`. */
    problems: string[];
    drawerOpen: boolean | null;
    queuedJobs: number;
  };
  terminal: {
    state: DeviceState;
    problems: string[];
    /** The demo's built-in simulator is the terminal (no real card is charged); absent otherwise. */
    demo?: true;
    /** A network terminal's HOST:PORT, for a problem that names where it does not answer. */
    address?: string;
  };
  /** The ledger file: `ledger.disk_full` or `ledger.io_error` from the call that could not write until one commits again. */
  ledger: {
    state: DeviceState;
    problems: string[];
  };
}

export interface EventPayloads {
  'sale.changed': DocumentView;
  /** The cashier left this completion (下一单) in one window: the others showing it leave it too. */
  'sale.completionDismissed': { documentId: string };
  'session.changed': SessionView;
  'hardware.status': HardwareStatus;
  /**
   * A payment's live step: `terminal.step.*` for a card (insert card, enter PIN...), `scanpay.step.*`
   * for scan-to-pay (sending, customer entering the password until `deadlineAt`, reversing...).
   */
  'payment.step': { saleId: string; key: string; deadlineAt?: number };
  /** A card or scan-to-pay call ended: what it answered, for a window that was not the one waiting on it (reloaded meanwhile). */
  'payment.ended': PaymentEndedView;
  /** A running export, verification, restore or ledger check. */
  'backup.progress': BackupProgressView;
  /** After every backup attempt, restore or config change: what the header shows. */
  'backup.status': BackupStatusView;
  /** The register's live shift opened, started its count or closed (null: none). Never carries the expected cash. */
  'shift.changed': ShiftView | null;
  /** What the customer display shows changed (the sale, its payment). The only event a display connection hears. */
  'display.changed': CustomerDisplayView;
  /**
   * The upload to HQ moved on (acknowledged entries, a failure, a retry, new versions). It carries
   * nothing: the HQ status is the supervisor's, so a window that shows it asks with its own session.
   */
  'sync.changed': null;
  /** The exchange being prepared on this open sale was kept or left (exchange.keepDraft / dropDraft): windows ask exchange.draftOf again. */
  'exchange.draftChanged': { saleId: string };
}
