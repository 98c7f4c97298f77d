import { useEffect, useRef, type RefObject } from 'react';

/** Found by number and Enter, the keyboard goes on at the first quantity that can still be returned. */
export function useFirstQtyFocus(section: RefObject<HTMLElement | null>, saleId: string): void {
  useEffect(() => {
    section.current?.querySelector<HTMLInputElement>('input.refund-line__qty:not(:disabled)')?.focus();
  }, [section, saleId]);
}

/** Another tender (改退现金 ticked or not) is another refund: the last attempt's refusal no longer applies. */
export function useResetOnTenderChange(toCash: boolean, reset: () => void): void {
  const tender = useRef(toCash);
  useEffect(() => {
    if (tender.current === toCash) return;
    tender.current = toCash;
    reset();
  }, [toCash, reset]);
}
