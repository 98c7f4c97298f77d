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
    /**
     * The owner stopped an operator logging in (staff who left), or let them in again; by null: an
     * HQ operators version did (hqVersion, applied in the same transaction).
     */
    'operator.deactivated': { operatorId: number; by: number } | { operatorId: number; by: null; hqVersion: number };
    'operator.reactivated': { operatorId: number; by: number } | { operatorId: number; by: null; hqVersion: number };
    /** The owner set a new PIN (never the PIN or its hash here); unlocked: it lifted a lockout. */
    'operator.pin_reset': { operatorId: number; by: number; unlocked: boolean };
    'operator.role_changed': { operatorId: number; by: number; from: Role; to: Role };
    /** method: absent for a PIN typed after picking one's name (the first way there was). */
    'session.login': { operatorId: number; method?: 'number' | 'badge_pin' | 'badge' };
    /** A badge that matched no operator's current badge (unknown, revoked or replaced). */
    'session.badge_failed': { operatorNumber: number | null };
    'operator.badge_issued': { operatorId: number; by: number; replaced: boolean };
    /** by null: revoked by an HQ operators version that deactivated the operator (hqVersion). */
    'operator.badge_revoked': { operatorId: number; by: number } | { operatorId: number; by: null; hqVersion: number };
    'session.login_failed': { operatorId: number; consecutiveFailures: number };
    /**
     * A right or wrong PIN of an operator who may not log in at all (deactivated: staff who left),
     * refused before it is checked. Its own kind, not a login_failed: it counts towards no lockout
     * (the count starts afresh when they are reactivated), and the owner can list these attempts alone.
     * method: as session.login's.
     */
    'session.login_refused': { operatorId: number; reason: 'deactivated'; method?: 'number' | 'badge_pin' | 'badge' };
    'session.lockout': { operatorId: number; until: number };
    'session.logout': { operatorId: number };
  }
}
