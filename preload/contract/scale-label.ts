import { z } from 'zod';

/**
 * How the store's scales print an EAN-13 label for one prefix (20–29, GS1's in-store range):
 * `PP` prefix, item digits, an optional check digit over the value, the value, the EAN check
 * digit. The item digits are what is left of the 13: 10 − value digits − the value check digit.
 * `weight` values are grams; `price` values are minor units (fen).
 */
export const scaleLabelLayout = z
  .object({
    prefix: z.string().regex(/^2\d$/),
    kind: z.enum(['weight', 'price']),
    valueDigits: z.union([z.literal(4), z.literal(5)]),
    valueCheckDigit: z.boolean(),
  })
  .strict();

export type ScaleLabelLayout = z.infer<typeof scaleLabelLayout>;

/** At most one layout per prefix: a label must mean one thing. */
export const scaleLabelLayouts = z
  .array(scaleLabelLayout)
  .max(10)
  .refine((list) => new Set(list.map((l) => l.prefix)).size === list.length, { message: 'duplicate_prefix' });
