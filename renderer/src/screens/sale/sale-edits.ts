import type { CallGroup } from '../../state/use-call';

/**
 * Changes to the cart made on the sale screen itself, and by the scanner on any screen of the
 * loop. They answer on one line under the search field: the newest answer is what it says.
 */
export type SaleEditCall = 'sale.current' | 'sale.addProduct' | 'sale.setQty' | 'sale.removeLine' | 'sale.hold' | 'sale.recall';

export type SaleEdits = CallGroup<SaleEditCall>;
