import { useEffect, useState } from 'react';
import type { ShiftCountResultView, ShiftStateView } from '../../../preload/contract';
import { useCall } from './use-call';
import { useEvent } from './use-event';

/**
 * The register's shift as main last described it (null until loaded), followed across windows
 * by `shift.changed`: a shift opened, counted or closed anywhere moves every till along.
 * Choosing not to open a shift (暂不开班) lasts until the shift changes: a shift opened from the
 * back office, or the Z, asks for the opening count again at the next sale.
 */
export function useShift() {
  const current = useCall('shift.current');
  const load = current.run;
  useEffect(() => void load({}), [load]);
  const [skipped, setSkipped] = useState(false);
  useEvent('shift.changed', () => {
    setSkipped(false);
    void load({});
  });
  const [closed, setClosed] = useState<ShiftCountResultView | null>(null);
  const shift: ShiftStateView | null = current.value;
  // Called from a button's onClick too (with its event): only an explicit `false` takes the choice back.
  const skip = (on?: unknown) => setSkipped(on !== false);
  return { shift, skipped, skip, closed, setClosed };
}
