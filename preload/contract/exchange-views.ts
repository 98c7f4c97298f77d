// Exchanges as the register shows them.
import type { DocumentView } from './document-views';

/** An exchange as done or as it would be done: what comes back, what is sold, and who pays whom. */
export interface ExchangeView {
  /** What the returned goods are worth to the customer (the return's cash, pro rata and rounded as a return would be). */
  creditMinor: number;
  /** The new goods' total. */
  saleTotalMinor: number;
  /** > 0 the customer pays it, < 0 the customer receives it, 0 no money moves. */
  differenceMinor: number;
  /** Why a supervisor must approve (`refund.approval.*`): empty when the cashier may do it alone. */
  approvalReasons: string[];
}

export interface ExchangeDoneView extends ExchangeView {
  exchangeId: string;
  refund: DocumentView;
  sale: DocumentView;
  /** Cash handed back over what the customer tendered for the difference. */
  changeMinor: number;
}
