import { useCallback, useEffect, useState } from 'react';
import type { HardwareStatus } from '../../../preload/contract/events';
import { useCall } from './use-call';
import { useEvent } from './use-event';

/** The printer's and terminal's state as main last reported it; null until first heard. */
export function useHardwareStatus(): HardwareStatus | null {
  const [status, setStatus] = useState<HardwareStatus | null>(null);
  const { run: askStatus } = useCall('hardware.status');
  const ask = useCallback(() => void askStatus({}).then((result) => result.ok && setStatus(result.value)), [askStatus]);

  // Events only carry changes: also ask for the state as it is now, on mount and after each
  // login (the call is refused before anyone is logged in).
  useEffect(() => ask(), [ask]);
  useEvent('session.changed', ask);
  useEvent('hardware.status', setStatus);

  return status;
}
