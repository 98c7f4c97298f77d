import { useEffect, useLayoutEffect, useRef } from 'react';
import type { EventName, EventPayloads } from '../../../preload/contract';
import { api } from '../transport/api';

/** Listens to one of main's events while mounted; the newest listener is called, without resubscribing. */
export function useEvent<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): void {
  const latest = useRef(listener);
  // Updated as the render commits, so an event that comes before the next paint meets the new listener.
  useLayoutEffect(() => {
    latest.current = listener;
  });
  useEffect(() => api.on(event, (payload) => latest.current(payload)), [event]);
}
