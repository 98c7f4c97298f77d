// Held sales (挂单) as the recall list shows them.
import type { LineView } from './document-views';

export interface HeldSaleView {
  saleId: string;
  heldAt: number;
  /** Who parked it. */
  heldByName: string;
  /**
   * The first lines, enough to tell two held carts apart at the counter: each as recorded and
   * with the catalog's names, so the list names them in the cashier's language as the cart does.
   */
  preview: Pick<LineView, 'name' | 'names'>[];
  lineCount: number;
  totalMinor: number;
  note: string | null;
  /** Parked on an earlier business day than today's: the owner sees it at the day close. */
  stale: boolean;
  /** Rung up in training: a practice sale, which only an operator in training may finish (any may cancel it). */
  training: boolean;
}
