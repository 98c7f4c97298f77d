// What the scan-to-pay pieces share: their dependencies, the moments they report, how an attempt
// ends for the cashier, and the live state of an attempt a cashier is waiting on.
import type { CompletionView } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import type { Logger } from '../log';
import type { EventBus } from '../common/event-bus';
import type { ServiceError } from '../common/service-error';
import type { PaymentProvider, ScanPayProvider } from '../providers/provider';
import type { AttemptState } from './attempt-machine';

/** Where an attempt is; tests use it to crash the register at exact moments. */
export type ScanMoment = AttemptState | 'query' | 'reverse' | 'completed';

export interface ScanPaymentDeps {
  db: Db;
  events: EventBus;
  log: Logger;
  clock: () => number;
  provider: (id: PaymentProvider) => ScanPayProvider | null;
  onMoment?: (moment: ScanMoment, attemptId: number) => void;
  /** An attempt settled with no pay call waiting on it (recovery after a restart, or the sweeper), for the windows. */
  onEnded?: (saleId: string, outcome: CompletionView | ServiceError) => void;
  /** Pause between rounds of settling attempts left open (after a crash, or a reverse that must be repeated). */
  sweepMs?: number;
}

export type Ending = { kind: 'paid'; completion: CompletionView } | { kind: 'settled'; error: ServiceError };

export interface Active {
  attemptId: number;
  saleId: string;
  cancelled: boolean;
  wake: (() => void) | null;
}
