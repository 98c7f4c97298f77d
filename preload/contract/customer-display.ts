import { z } from 'zod';
import { call } from './define';
import type { CustomerDisplayView } from './customer-display-views';

export const customerDisplayCalls = {
  /**
   * What the customer display shows now; it hears changes as `display.changed`. The display's own
   * connection may make this call and no other (main/host/web.ts).
   */
  'display.current': call<CustomerDisplayView>()(z.object({}).strict()),
};

/** The calls a customer display may make: it reads, it never acts. */
export const customerDisplayCallNames: readonly string[] = Object.keys(customerDisplayCalls);
