// One HQ per vitest file (kept apart from hq-rig.ts, which the Playwright specs import too).
import { afterAll, beforeAll } from 'vitest';
import { startHqRig, type HqRig } from './hq-rig';
import type { TestRegister } from './register-fixture';

/**
 * One HQ for a test file, started before its tests and closed after them, with the registers the
 * file makes (pushed to `registers`), cleaned up after them too.
 */
export function useHqRig(): { readonly rig: HqRig; registers: TestRegister[] } {
  let rig: HqRig | undefined;
  const registers: TestRegister[] = [];
  beforeAll(async () => {
    rig = await startHqRig();
  }, 60_000);
  afterAll(async () => {
    for (const r of registers) r.cleanup();
    await rig?.close();
  });
  return {
    get rig(): HqRig {
      if (!rig) throw new Error('HQ is not started yet: use it inside a test');
      return rig;
    },
    registers,
  };
}
