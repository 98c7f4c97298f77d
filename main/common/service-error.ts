import type { ErrorCode, ErrorParams } from '../../preload/contract/result';

/**
 * A refusal the cashier should see, with its stable code. Services throw it inside a ledger
 * transaction so the transaction rolls back: bad input changes nothing.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
    /**
     * What the refusal itself must leave behind (a journal entry of it), written in its own
     * transaction once the call's transaction has rolled back: written inside it, the rollback
     * would take it back with everything else. The router runs it; it must not throw past it.
     */
    readonly afterRollback?: () => void,
  ) {
    super(code);
    this.name = 'ServiceError';
  }
}
