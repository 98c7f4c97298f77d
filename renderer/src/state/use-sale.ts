import { useCallback, useEffect, useRef, useState } from 'react';
import type { CallError, Result, DocumentView } from '../../../preload/contract';
import { useCall } from './use-call';
import { useEvent } from './use-event';

/**
 * The register's open sale, exactly as main last described it. The window keeps no cart of its
 * own: every change goes to main, and `sale.changed` (from this or any other window) replaces it.
 */
export function useSale() {
  const [sale, setSaleState] = useState<DocumentView | null>(null);
  const saleRef = useRef<DocumentView | null>(null);
  const setSale = useCallback((view: DocumentView) => {
    saleRef.current = view;
    setSaleState(view);
  }, []);
  const { run: askCurrent, error: loadError } = useCall('sale.current');
  /** The sale this window is paying; its completion is shown here, not replaced by a new cart. */
  const payingRef = useRef<string | null>(null);

  const loadCurrent = useCallback(async () => {
    const result = await askCurrent({});
    if (result.ok) setSale(result.value);
  }, [askCurrent, setSale]);

  useEffect(() => void loadCurrent(), [loadCurrent]);
  useEvent('sale.changed', (view) => {
    // Refunds and voids are announced the same way; they are never the cart.
    if (view.kind !== 'sale') return;
    const current = saleRef.current;
    if (view.status === 'open' && view.heldAt === null) {
      if (current === null || current.id === view.id || current.status !== 'open') setSale(view);
      return;
    }
    // The sale on screen was finished, cancelled or held (here or in another window): move on to
    // the register's current sale.
    if (payingRef.current !== view.id && current?.id === view.id) void loadCurrent();
  });

  /** Shows a sale view main returned; passes errors through for the screen to translate. */
  const apply = useCallback(
    <T extends DocumentView>(result: Result<T>): CallError | null => {
      if (result.ok) {
        setSale(result.value);
        return null;
      }
      return result.error;
    },
    [setSale],
  );

  return { sale, loadError, loadCurrent, apply, payingRef };
}
