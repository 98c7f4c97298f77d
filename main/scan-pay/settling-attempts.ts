// The owner's list of scan-to-pay attempts whose outcome is not final yet: after a timeout or a
// crash the register keeps asking the provider (query, then reverse) in the background, and the
// sale waits. What it shows of the order number is what the receipt shows of a provider id.
import type { ScanSettlingView } from '../../preload/contract/scan-pay-views';
import { maskTransactionId } from '../hardware/printer/scan-details';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { OPEN_ATTEMPT_STATES } from './attempt-machine';
import type { AttemptRow } from './scan-attempts';

type Row = AttemptRow & { register_id: string; receipt_no: number | null };

export function settlingAttempts(db: Db, progress: (id: number) => { lastCheckedAt: number | null; live: boolean }): ScanSettlingView[] {
  const marks = OPEN_ATTEMPT_STATES.map(() => '?').join(', ');
  const rows = sql(
    db,
    `SELECT a.*, d.register_id, d.receipt_no FROM scan_attempts a JOIN documents d ON d.id = a.sale_id WHERE a.state IN (${marks}) ORDER BY a.id`,
  ).all(...OPEN_ATTEMPT_STATES) as Row[];
  return rows.map((r) => ({
    id: r.id,
    provider: r.provider,
    amountMinor: r.amount_minor,
    saleId: r.sale_id,
    receiptNo: r.receipt_no,
    registerId: r.register_id,
    outTradeNo: maskTransactionId(r.out_trade_no),
    state: r.state,
    startedAt: r.started_at,
    ...progress(r.id),
  }));
}
