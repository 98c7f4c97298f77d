/** Why the ledger file could not be opened; shown to the owner, never swallowed. */
export class LedgerOpenError extends Error {
  constructor(
    readonly code: 'ledger.newer_than_code' | 'ledger.pragma_not_applied',
    message: string,
  ) {
    super(message);
    this.name = 'LedgerOpenError';
  }
}
