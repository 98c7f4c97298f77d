import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompletionView } from '../../../preload/contract';
import { api } from '../transport/api';
import { useEvent } from './use-event';

/**
 * The register's last completion is main's, not this window's: a window reloaded or opened after
 * it, or started again after the register restarted, asks main for it once and shows it until the
 * cashier moves on (下一单, a scan, a return's 完成), so the receipt number and the change are never
 * lost to an empty cart. Moving on in one window is told to main, and every other window showing
 * that completion leaves it too.
 */
export function useLastCompletion(
  shown: CompletionView | null,
  on: {
    /** Main's answer on load: the completion to show again (unless this window shows one already). */
    restore(done: CompletionView): void;
    /** Another window moved on from the completion this one shows. */
    left(): void;
  },
) {
  const onRef = useRef(on);
  onRef.current = on;
  const shownRef = useRef(shown);
  shownRef.current = shown;
  // Until main has answered, the window shows neither the cart nor the completion (no flash of an empty cart).
  const [checked, setChecked] = useState(false);

  useEffect(() => {
    let live = true;
    void api
      .invoke('sale.lastCompletion', {})
      .then((r) => {
        if (live && r.ok && r.value && shownRef.current === null) onRef.current.restore(r.value);
      })
      .finally(() => {
        if (live) setChecked(true);
      });
    return () => {
      live = false;
    };
  }, []);

  // The completion this window itself is leaving (its own 下一单). Main tells every window, this one
  // too, and the news can come while this window is still loading the next sale: moving on a second
  // time then undid what the cashier did meanwhile (退货 pressed right after 下一单 closed again).
  const leaving = useRef<string | null>(null);

  useEvent('sale.completionDismissed', ({ documentId }) => {
    if (leaving.current === documentId) return;
    if (shownRef.current?.sale.id === documentId) onRef.current.left();
  });

  /** The cashier moved on from the completion on screen: main and the other windows hear of it. */
  const dismiss = useCallback(async (done: CompletionView | null = shownRef.current) => {
    if (!done) return;
    leaving.current = done.sale.id;
    // Refused (a lost connection): the completion may be offered once more, which is the safe side.
    await api.invoke('sale.dismissCompletion', { documentId: done.sale.id });
  }, []);

  return { checked, dismiss };
}
