import { useEffect, useRef, type RefObject } from 'react';

/**
 * Keeps an element in sight while `active`, again whenever `key` changes. A payment's live step
 * and its Cancel sit below the tenders: at 1024×768 a two-line step pushed Cancel below the
 * column's fold, where a cashier would not see it.
 */
export function useKeptInView<T extends Element>(active: boolean, key: unknown): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (active) ref.current?.scrollIntoView({ block: 'nearest' });
  }, [active, key]);
  return ref;
}
