// Held sales (挂单) as the recall list shows them.

export interface HeldSaleView {
  saleId: string;
  heldAt: number;
  /** Who parked it. */
  heldByName: string;
  /** The first lines' names, enough to tell two held carts apart at the counter. */
  preview: string[];
  lineCount: number;
  totalMinor: number;
  note: string | null;
  /** Parked on an earlier business day than today's: the owner sees it at the day close. */
  stale: boolean;
}
