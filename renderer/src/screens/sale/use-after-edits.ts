import { useEffect, useRef, useState } from 'react';
import type { SaleEdits } from './sale-edits';

/**
 * Runs commands in the order given, each once no cart edit is in flight: a key pressed right
 * after a scan (F12, log out) decides on the cart with the scanned line, as the cashier saw it
 * coming. `run` is the one of the render that shows the settled cart.
 */
export interface AfterEdits<C> {
  (command: C): void;
  /** A command is waiting for an edit in flight (F12 pressed right after a scan on a busy till). */
  waiting(): boolean;
}

export function useAfterEdits<C>(run: (command: C) => void, edits: Pick<SaleEdits, 'inFlight' | 'inFlightNow'>): AfterEdits<C> {
  const [waiting, setWaiting] = useState<C[]>([]);
  const waitingRef = useRef<C[]>([]);
  const { inFlight } = edits;

  useEffect(() => {
    if (inFlight > 0 || waiting.length === 0) return;
    // One at a time: the next waits for the render after this one (and for any edit it started).
    const [next, ...rest] = waiting as [C, ...C[]];
    waitingRef.current = rest;
    setWaiting(rest);
    run(next);
  }, [waiting, inFlight, run]);

  const give = (command: C) => {
    // Behind an edit in flight, or behind a command still waiting for one: nothing overtakes.
    if (edits.inFlightNow() > 0 || waitingRef.current.length > 0) {
      waitingRef.current = [...waitingRef.current, command];
      setWaiting(waitingRef.current);
      return;
    }
    run(command);
  };
  return Object.assign(give, { waiting: () => waitingRef.current.length > 0 });
}
