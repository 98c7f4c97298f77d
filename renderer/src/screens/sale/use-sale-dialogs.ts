import { useEffect, useRef, useState, type RefObject } from 'react';
import type { Discount } from '../../../../preload/contract/primitives';
import type { HeldSaleView } from '../../../../preload/contract';

/** A discount as the cashier keyed it: on a line, or on the whole order when `lineId` is null. */
export interface DiscountChange {
  lineId: number | null;
  discount: Discount | null;
}

/** The sale screen's dialogs; one is open at a time (a discount's approval takes its place: SaleDialogs). */
export type SaleDialog =
  | { kind: 'adHoc' }
  | { kind: 'qty' }
  /** A product sold by weight, refused without one (`sale.weight_required`): its weight, keyed. */
  | { kind: 'weigh'; productId: number; name: string; names: { zh: string | null; en: string | null } }
  | { kind: 'price' }
  | { kind: 'note' }
  | { kind: 'discount'; scope: 'line' | 'order' }
  | { kind: 'cancelSale' }
  | { kind: 'recall' }
  | { kind: 'cancelHeld'; held: HeldSaleView };

/**
 * Which dialog is open, and where the focus goes when it closes: back to what opened it (a
 * button, the search field), or to the search field when that is gone or was nothing.
 */
export function useSaleDialogs(search: RefObject<HTMLInputElement | null>) {
  const [dialog, setDialog] = useState<SaleDialog | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const isOpen = useRef(false);
  const closing = useRef(false);

  const open = (next: SaleDialog) => {
    // A dialog that follows another returns to the first one's opener.
    if (!isOpen.current) opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    isOpen.current = true;
    setDialog(next);
  };

  const close = () => {
    isOpen.current = false;
    closing.current = true;
    setDialog(null);
  };

  // Only once the dialog has gone: the native <dialog> closes as it unmounts, and while it is
  // open the page behind it is inert and cannot take the focus.
  useEffect(() => {
    if (dialog !== null || !closing.current) return;
    closing.current = false;
    const back = opener.current;
    opener.current = null;
    if (back && back !== document.body && back.isConnected && !back.closest('dialog')) back.focus();
    if (document.activeElement !== back || back === document.body) search.current?.focus();
  }, [dialog, search]);

  return { dialog, open, close };
}
