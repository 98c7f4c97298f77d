import type { ErrorCode, ErrorParams } from '../../preload/contract/result';

/**
 * A refusal the cashier should see, with its stable code. Services throw it inside a ledger
 * transaction so the transaction rolls back: bad input changes nothing.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly params: ErrorParams = {},
  ) {
    super(code);
    this.name = 'ServiceError';
  }
}
