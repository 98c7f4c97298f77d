import { useEffect, useRef, type RefObject } from 'react';

/**
 * Keeps an element in sight while `active`, again whenever `key` changes. A payment's live step
 * and its Cancel sit below the tenders: at 1024×768 a two-line step pushed Cancel below the
 * column's fold, where a cashier would not see it. What arrives after the first scroll (the
 * shop's font, the figures above it after a reload) can push it down again, so while active it
 * follows the size of every box around it up to the one that scrolls.
 */
export function useKeptInView<T extends Element>(active: boolean, key: unknown): RefObject<T | null> {
  const ref = useRef<T>(null);
  useEffect(() => {
    const element = ref.current;
    if (!active || !element) return;
    const keep = () => element.scrollIntoView({ block: 'nearest' });
    keep();
    const observer = new ResizeObserver(keep);
    for (let box = element.parentElement; box; box = box.parentElement) {
      observer.observe(box);
      const overflow = getComputedStyle(box).overflowY;
      if (overflow === 'auto' || overflow === 'scroll') break;
    }
    return () => observer.disconnect();
  }, [active, key]);
  return ref;
}
