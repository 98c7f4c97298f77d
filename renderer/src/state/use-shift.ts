import { useEffect, useState } from 'react';
import type { ShiftCountResultView, ShiftStateView } from '../../../preload/contract';
import { useCall } from './use-call';
import { useEvent } from './use-event';

/**
 * The register's shift as main last described it (null until loaded), followed across windows
 * by `shift.changed`: a shift opened, counted or closed anywhere moves every till along.
 */
export function useShift() {
  const current = useCall('shift.current');
  const load = current.run;
  useEffect(() => void load({}), [load]);
  useEvent('shift.changed', () => void load({}));
  const [skipped, setSkipped] = useState(false);
  const [closed, setClosed] = useState<ShiftCountResultView | null>(null);
  const shift: ShiftStateView | null = current.value;
  return { shift, skipped, skip: () => setSkipped(true), closed, setClosed };
}
