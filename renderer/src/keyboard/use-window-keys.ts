import { useEffect, useLayoutEffect, useRef } from 'react';

/**
 * A screen's keys, heard on the window while `enabled`. The listener stays from mount to unmount
 * and reads `enabled` and the handler as each render commits: keys are the screen's from the
 * render that gives them back, not from an effect after the paint, which a key pressed at once
 * could beat.
 */
export function useWindowKeys(onKey: (event: KeyboardEvent) => void, enabled: boolean): void {
  const latest = useRef({ onKey, enabled });
  useLayoutEffect(() => {
    latest.current = { onKey, enabled };
  });

  useEffect(() => {
    const listener = (event: KeyboardEvent) => {
      if (latest.current.enabled) latest.current.onKey(event);
    };
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);
}
