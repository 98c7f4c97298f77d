// The fraud watch: its alerts, their acknowledgement, and the rules' thresholds.
import { z } from 'zod';
import { call } from './define';
import { amountMinor, id, rateBp, shortText } from './primitives';
import type { FraudAlertView, FraudSettingsView } from './fraud-views';

const count = z.number().int().min(1).max(1000);
const minutes = z
  .number()
  .int()
  .min(1)
  .max(24 * 60);
const hour = z.number().int().min(0).max(24);
const businessDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);

export const fraudThresholds = z
  .object({
    small_sales_burst: z.object({ enabled: z.boolean(), count, underMinor: amountMinor, windowMinutes: minutes }).strict(),
    large_sales_window: z.object({ enabled: z.boolean(), largeSaleMinor: amountMinor, count, sumMinor: amountMinor, windowMinutes: minutes }).strict(),
    card_declines: z.object({ enabled: z.boolean(), count, windowMinutes: minutes }).strict(),
    refund_without_receipt: z.object({ enabled: z.boolean(), minMinor: amountMinor }).strict(),
    cash_refund_of_card_sale: z.object({ enabled: z.boolean(), minMinor: amountMinor }).strict(),
    void_after_payment: z.object({ enabled: z.boolean(), minMinor: amountMinor }).strict(),
    no_sale_openings: z.object({ enabled: z.boolean(), count, windowMinutes: minutes }).strict(),
    discount_share: z.object({ enabled: z.boolean(), shareBp: rateBp, minDaySalesMinor: amountMinor }).strict(),
    outside_hours: z
      .object({ enabled: z.boolean(), opensAtHour: hour, closesAtHour: hour })
      .strict()
      .refine((h) => h.opensAtHour < h.closesAtHour, { message: 'opens before it closes' }),
    same_operator_refund: z.object({ enabled: z.boolean(), minMinor: amountMinor }).strict(),
    cash_out_refusals: z.object({ enabled: z.boolean(), count, windowMinutes: minutes }).strict(),
    cancel_after_cash: z.object({ enabled: z.boolean(), minMinor: amountMinor }).strict(),
    handover_difference: z.object({ enabled: z.boolean(), minMinor: amountMinor }).strict(),
  })
  .strict();

export const fraudCalls = {
  /** Alerts, newest first: the open ones, or those of one business day (the Z's), or all. */
  'fraud.alerts': call<FraudAlertView[]>()(
    z
      .object({
        filter: z.enum(['open', 'all']).optional(),
        businessDay: businessDay.optional(),
        limit: z.number().int().min(1).max(1000).optional(),
      })
      .strict(),
  ),
  /** The owner has looked at an alert: the note says what was found (journalled). */
  'fraud.acknowledge': call<FraudAlertView>()(z.object({ alertId: id, note: shortText }).strict()),
  'fraud.settings': call<FraudSettingsView>()(z.object({}).strict()),
  /** New thresholds for every rule (journalled with the old ones). */
  'fraud.updateSettings': call<FraudSettingsView>()(z.object({ thresholds: fraudThresholds }).strict()),
};

export const fraudErrors = [
  'fraud.alert_not_found',
  'fraud.already_acknowledged',
  // Said by the thresholds form before sending: which rule's which value is not a number it takes.
  'fraud.threshold_invalid',
] as const;
