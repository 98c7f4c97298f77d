import { useCallback, useRef, useState } from 'react';
import { useCallGroup, type CallGroup } from '../../state/use-call';

/**
 * Changes to the cart made on the sale screen itself, and by the scanner on any screen of the
 * loop. They answer on one line under the search field: the newest answer is what it says.
 */
export type SaleEditCall = 'sale.current' | 'sale.addProduct' | 'sale.setQty' | 'sale.removeLine' | 'sale.hold' | 'sale.recall';

export interface SaleEdits extends CallGroup<SaleEditCall> {
  /**
   * Cart edits sent and not yet shown. A command that depends on the cart (pay, log out...) waits
   * until none is left: pressed right after a scan, it must see the scanned line.
   */
  inFlight: number;
  /** The same count, read at the moment a key is pressed (before the render that shows it). */
  inFlightNow(): number;
  /** Counts an edit from its sending until its answer has been shown (applied to the sale). */
  track<T>(edit: Promise<T>): Promise<T>;
}

export function useSaleEdits(): SaleEdits {
  const group = useCallGroup<SaleEditCall>();
  const count = useRef(0);
  const [inFlight, setInFlight] = useState(0);
  const inFlightNow = useCallback(() => count.current, []);
  // Lowered after the edit's own continuation applied its answer: a render that shows none in
  // flight shows the sale with every answer in it (React applies the updates in order).
  const track = useCallback(<T>(edit: Promise<T>): Promise<T> => {
    setInFlight(++count.current);
    return edit.finally(() => setInFlight(--count.current));
  }, []);
  return { ...group, inFlight, inFlightNow, track };
}
