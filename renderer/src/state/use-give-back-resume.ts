import { useCallback, useEffect, useRef, useState } from 'react';
import type { GiveBackProgressView } from '../../../preload/contract/payment-progress-views';
import { api } from '../transport/api';
import { forgetGiveBack, giveBackMarker } from './give-back-marker';

/**
 * On load, asks main about the correction this window was giving back to a card when it was
 * reloaded: running or ended, the refund screen shows it (`show`). Nothing to show forgets it.
 */
export function useGiveBackResume(show: () => void) {
  const [resumed, setResumed] = useState<GiveBackProgressView | null>(null);
  const showRef = useRef(show);
  showRef.current = show;
  const asked = useRef(false);

  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    const marker = giveBackMarker();
    if (marker === null) return forgetGiveBack();
    void api.invoke('payment.giveBackProgress', marker).then((r) => {
      if (!r.ok || r.value === null || (r.value.running === null && r.value.ended === null)) return forgetGiveBack();
      setResumed(r.value);
      showRef.current();
    });
  }, []);

  /** The refund screen has shown the ending (or the cashier left it): nothing is resumed any more. */
  const done = useCallback(() => {
    forgetGiveBack();
    setResumed(null);
  }, []);
  return { resumed, done };
}
