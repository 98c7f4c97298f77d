// Journal kinds of operators and the session (see ledger/journal-payloads.ts).
import type { Role } from '../../preload/contract/primitives';

export interface OperatorCreated {
  operatorId: number;
  name: string;
  role: Role;
  /** Null for the owner created at first run. */
  createdBy: number | null;
}

declare module '../ledger/journal-payloads' {
  interface JournalPayloads {
    'setup.owner_created': OperatorCreated;
    'operator.created': OperatorCreated;
    'operator.unlocked': { operatorId: number; by: number };
    'session.login': { operatorId: number };
    'session.login_failed': { operatorId: number; consecutiveFailures: number };
    'session.lockout': { operatorId: number; until: number };
    'session.logout': { operatorId: number };
  }
}
