// Reports with charts over closed business days: by hour, day, week or month; by product and
// category, operator and tender; refunds, voids, discounts and the average basket.
import { z } from 'zod';
import { call } from './define';
import type { SalesReportView } from './reports-views';

const businessDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

export const reportsCalls = {
  'report.sales': call<SalesReportView>()(
    z
      .object({
        // Both or neither: without them, the week up to today or the latest closed business day,
        // whichever is later (after several Zs on one date the business days run ahead of the calendar).
        from: businessDay.optional(),
        to: businessDay.optional(),
        registerId: z.string().min(1).max(32).optional(),
        groupBy: z.enum(['hour', 'day', 'week', 'month']),
        top: z.number().int().min(1).max(100).optional(),
      })
      .strict()
      .refine((r) => (r.from === undefined) === (r.to === undefined), { message: 'from and to go together', path: ['to'] })
      .refine((r) => r.from === undefined || r.to === undefined || r.from <= r.to, { message: 'from is after to', path: ['to'] }),
  ),
};
