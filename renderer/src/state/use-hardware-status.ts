import { useEffect, useState } from 'react';
import type { HardwareStatus } from '../../../preload/contract/events';
import { api } from '../transport/api';

/** The printer's and terminal's state as main last reported it; null until first heard. */
export function useHardwareStatus(): HardwareStatus | null {
  const [status, setStatus] = useState<HardwareStatus | null>(null);
  useEffect(() => {
    let live = true;
    // Events only carry changes: ask for the state as it is now as well.
    void api.invoke('hardware.status', {}).then((result) => live && result.ok && setStatus(result.value));
    const off = api.on('hardware.status', setStatus);
    return () => {
      live = false;
      off();
    };
  }, []);
  return status;
}
