// Journal kinds of the open sale (see ledger/journal-payloads.ts). Completion is the document
// core's (documents/document-journal.ts).
import type { Discount } from '../../preload/contract/primitives';
import type { PriceOverrideReason } from '../../preload/contract/sale';

/** A cart line as the journal keeps it when the line leaves a sale unpaid. */
export interface JournalledLine {
  name: string;
  sku: string | null;
  qtyMilli: number;
  unitPriceMinor: number;
  totalMinor: number;
}

declare module '../ledger/journal-payloads' {
  interface JournalPayloads {
    /** Removing a line before payment: the classic way to pocket a sale, so it is kept. */
    'sale.line_removed': {
      saleId: string;
      operatorId: number;
      line: JournalledLine;
    };
    /** 整单取消: the whole cart, as it was, and the supervisor who approved it (null: none needed). */
    'sale.cancelled': {
      saleId: string;
      operatorId: number;
      approverId: number | null;
      lines: JournalledLine[];
      totalMinor: number;
      /** A practice sale (training mode): absent on real ones. The fraud watch skips practice by it. */
      training?: true;
    };
    /**
     * A discount beyond the cashier's own limit, let through by the approver who came to the
     * screen: on a line (`line` names it) or on the whole order (`line` null). The completed
     * sale's payload does not carry it: HQ rebuilds that one's digest from its columns.
     */
    'sale.discount_approved': {
      saleId: string;
      line: { lineId: number; name: string; sku: string | null } | null;
      discount: Discount;
      operatorId: number;
      approverId: number;
    };
    /** 改价: a catalog line's unit price changed on the open sale; `approverId` null when the operator is a supervisor. */
    'sale.price_overridden': {
      saleId: string;
      line: { lineId: number; name: string; sku: string | null };
      oldUnitPriceMinor: number;
      newUnitPriceMinor: number;
      reason: PriceOverrideReason;
      operatorId: number;
      approverId: number | null;
    };
    /**
     * 整单取消 of a sale with cash taken: each cash payment handed back to the customer, in the
     * transaction that cancels the sale (the payment row stays on the cancelled sale; this says the
     * money left the drawer again). `amountMinor` is the cash the payment kept: tendered − change.
     */
    'sale.cash_returned': {
      saleId: string;
      paymentId: number;
      amountMinor: number;
      operatorId: number;
      approverId: number | null;
    };
    /** 挂单 and 取单: a parked sale holds goods the customer has not paid for yet. */
    'sale.held': { saleId: string; operatorId: number; lineCount: number; totalMinor: number };
    'sale.recalled': { saleId: string; operatorId: number; heldBy: number | null; heldAt: number };
    /** An operator logged out leaving a cart with lines: the next one at the till inherits it. */
    'sale.left_open': { saleId: string; operatorId: number; lineCount: number; totalMinor: number };
  }
}
