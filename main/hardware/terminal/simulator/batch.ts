// The simulator's batch: what a real terminal would settle at end-of-day. Tests compare it with
// the ledger, so it records exactly what was approved, reversed and refunded.
import { TOTAL_BRANDS, type BatchTotals } from '../status-info';

export interface BatchEntry {
  kind: 'payment' | 'refund' | 'reversal';
  receiptNo: number;
  trace: number;
  amountMinor: number;
  /** ISO 4217 numeric, as the terminal booked it */
  currency: number;
  brand: string;
  maskedPan: string;
  authCode: string;
  at: Date;
  /** For payments: reversed later in the same batch. */
  reversed: boolean;
  /** For reversals: the payment's receipt number. */
  reversesReceiptNo: number | null;
}

export class Batch {
  private entries: BatchEntry[] = [];

  add(entry: BatchEntry): void {
    this.entries.push(entry);
  }

  list(): BatchEntry[] {
    return this.entries.map((e) => ({ ...e }));
  }

  findPayment(receiptNo: number): BatchEntry | undefined {
    return this.entries.find((e) => e.kind === 'payment' && e.receiptNo === receiptNo);
  }

  /** Net amount the merchant will be paid: payments not reversed, minus refunds. */
  netMinor(): number {
    return this.entries.reduce((n, e) => n + (e.kind === 'payment' && !e.reversed ? e.amountMinor : e.kind === 'refund' ? -e.amountMinor : 0), 0);
  }

  totals(): BatchTotals {
    const brands = TOTAL_BRANDS.map((brand) => ({ brand: String(brand), count: 0, amountMinor: 0 }));
    for (const e of this.entries) {
      if (e.kind !== 'payment' || e.reversed) continue;
      const slot = brands.find((b) => b.brand.toLowerCase() === e.brand.toLowerCase()) ?? brands[brands.length - 1];
      if (slot) {
        slot.count++;
        slot.amountMinor += e.amountMinor;
      }
    }
    const nums = this.entries.map((e) => e.receiptNo);
    return { receiptFrom: nums.length ? Math.min(...nums) : 0, receiptTo: nums.length ? Math.max(...nums) : 0, brands };
  }

  clear(): void {
    this.entries = [];
  }

  /** Tests: the batch as a terminal that disagrees with the register would hold it. */
  replace(entries: readonly BatchEntry[]): void {
    this.entries = entries.map((e) => ({ ...e }));
  }
}
