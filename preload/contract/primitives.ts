import { z } from 'zod';
import { plainText } from './text';

// Bounds are business limits, not type limits: a till never sells one line of ten million
// yuan, and keeping every product of amount × qty below 2^53 lets money stay exact integers.

/** Largest single amount the register accepts, in minor units (99,999,999.99). */
export const MAX_AMOUNT_MINOR = 9_999_999_999;
/** Largest quantity, in thousandths (99,999 units). */
export const MAX_QTY_MILLI = 99_999_000;
export const MAX_TEXT = 200;
export const MAX_NOTE = 500;

export const amountMinor = z.number().int().min(0).max(MAX_AMOUNT_MINOR);
export const positiveAmountMinor = z.number().int().min(1).max(MAX_AMOUNT_MINOR);
export const qtyMilli = z.number().int().min(1).max(MAX_QTY_MILLI);
/** Basis points: 10000 = 100 %. */
export const rateBp = z.number().int().min(0).max(10_000);
export const id = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
export const uuid = z.string().uuid();
export const idempotencyKey = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/);
/**
 * One line of free text people type (a reason, a name, a note to an alert): no control characters,
 * refused as `control_characters` naming the field (see text.ts). Every free-text field of the
 * contract is built on this or on plainText() itself.
 */
export const shortText = plainText(z.string().trim().min(1).max(MAX_TEXT));
export const pin = z.string().regex(/^[0-9]{4,8}$/);
export const role = z.enum(['cashier', 'supervisor', 'owner']);
export const locale = z.enum(['zh-CN', 'en']);
// A discount of 0 takes nothing off: it was kept as a discount that printed "−¥0.00" on the
// receipt. Taking a discount off is `null`; a 0 is refused as `discount_zero` naming the field.
const notZero = { params: { refusal: 'discount_zero' } };
export const discount = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('amount'), amountMinor: amountMinor.refine((v) => v > 0, notZero) }),
  z.object({ kind: z.literal('percent'), rateBp: rateBp.refine((v) => v > 0, notZero) }),
]);
/** What a receipt shows (`R1-000042`, `42`) or its QR code holds (the document's id); main tells the forms apart. */
export const receiptCode = z.string().trim().min(1).max(64);
/** A badge as scanned: letters, digits and '-', nothing a scanner would not type. */
export const badgeCode = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9-]+$/);
/**
 * A supervisor who approves an action above the cashier's limits at the counter: picked from the
 * list and their PIN typed, or their badge scanned.
 */
export const approval = z.union([z.object({ operatorId: id, pin }).strict(), z.object({ badge: badgeCode }).strict()]);
export type Approval = z.infer<typeof approval>;

export type Role = z.infer<typeof role>;
export type Locale = z.infer<typeof locale>;
export type Discount = z.infer<typeof discount>;

/** An IANA zone (Asia/Shanghai), checked against the runtime's own zone data. */
export const timeZone = z
  .string()
  .min(1)
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'unknown time zone');

/** A local time of day, HH:MM (24 h). */
export const timeOfDay = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/);
