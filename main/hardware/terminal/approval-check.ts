// An approval is only the register's to book if the terminal approved what the register asked
// for. A misconfigured terminal (another currency, a DCC conversion, a fixed amount left from a
// test) reports its own amount or currency in BMP 04 / 49 of the status information; booking the
// request instead would make the ledger and the terminal's batch disagree without anyone knowing.
// Pure: the card service decides what to do about a mismatch.

export interface ApprovalMismatch {
  /** Which one differs; a currency difference wins, as amounts in two currencies do not compare. */
  field: 'amount' | 'currency';
  requestedMinor: number;
  requestedCurrency: number;
  approvedMinor: number | null;
  approvedCurrency: number | null;
}

/**
 * `null` when the approval is what was asked for. A missing amount is a mismatch (we cannot know
 * what was charged). A missing currency is not: we always send one, and [S] §1.4 has a terminal
 * that does not have it refuse the payment (result 6F) rather than approve it.
 */
export function approvalMismatch(
  requested: { amountMinor: number; currency: number },
  approved: { amountMinor: number | null; currency: number | null },
): ApprovalMismatch | null {
  const base = {
    requestedMinor: requested.amountMinor,
    requestedCurrency: requested.currency,
    approvedMinor: approved.amountMinor,
    approvedCurrency: approved.currency,
  };
  if (approved.currency !== null && approved.currency !== requested.currency) return { field: 'currency', ...base };
  if (approved.amountMinor !== requested.amountMinor) return { field: 'amount', ...base };
  return null;
}
