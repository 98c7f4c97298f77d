// Registers a test opens, cleaned up after each test.
import { afterEveryTest } from './after-every-test';
import { makeRegister, type TestRegister } from './register-fixture';

// Demo catalog items.
export const WATER = '6901234567892'; // 2.00, 13 %
export const MILK = '6904567890125'; // 3.80, 9 %

export const open: TestRegister[] = [];
export function register(options: Parameters<typeof makeRegister>[0] = {}): TestRegister {
  const r = makeRegister(options);
  open.push(r);
  return r;
}
afterEveryTest(() => {
  for (const r of open.splice(0)) r.cleanup();
});
