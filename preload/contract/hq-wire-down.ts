// What HQ sends down to its registers: versions of the catalog, the operators and the store settings.
import { z } from 'zod';
import { hqId, int } from './hq-wire-fields';

export const downRequest = z.object({ registerId: hqId, after: z.number().int().min(0) }).strict();

export const downKinds = ['catalog', 'operators', 'settings'] as const;
export type DownKind = (typeof downKinds)[number];

export const catalogBody = z
  .object({
    taxRates: z.array(z.object({ rateBp: int.min(0).max(10_000), label: z.string().min(1).max(40) }).strict()).max(50),
    products: z
      .array(
        z
          .object({
            sku: z.string().min(1).max(64),
            barcode: z
              .string()
              .regex(/^[0-9A-Za-z-]{1,64}$/)
              .nullable(),
            nameZh: z.string().max(200).nullable(),
            nameEn: z.string().max(200).nullable(),
            priceMinor: int.min(0).max(9_999_999_999),
            taxRateBp: int.min(0).max(10_000),
            /** Left out: a product the register has keeps how it is sold, a new one is sold by the piece. */
            soldBy: z.enum(['piece', 'weight']).optional(),
          })
          .strict(),
      )
      .max(100_000),
  })
  .strict();

export const operatorsBody = z
  .object({
    operators: z
      .array(
        z
          .object({
            name: z.string().min(1).max(80),
            role: z.enum(['cashier', 'supervisor', 'owner']),
            /** scrypt of the PIN, hex, with its salt and parameters: HQ never sends a PIN. */
            pinHash: z.string().regex(/^[0-9a-f]{32,256}$/),
            pinSalt: z.string().regex(/^[0-9a-f]{16,128}$/),
            pinParams: z.object({ N: int, r: int, p: int, keylen: int }).strict(),
            active: z.boolean(),
            /**
             * When HQ last changed this operator (epoch ms, HQ's clock; hq/down/operator-stamps.ts):
             * the till keeps its own change of the operator when that is newer. HQ stamps it at
             * publishing; absent from an older HQ, whose entries apply as they arrive.
             */
            changedAt: int.min(0).optional(),
          })
          .strict(),
      )
      .max(1000),
  })
  .strict();

export type OperatorsBody = z.infer<typeof operatorsBody>;

/** The store settings HQ sets for all its registers; the register's own id and devices stay local. */
export const settingsBody = z
  .object({
    settings: z
      .object({
        storeName: z.string().min(1).max(80),
        storeAddress: z.string().max(200),
        storeTaxId: z.string().max(40),
        currency: z.string().regex(/^[A-Z]{3}$/),
        pricesIncludeTax: z.boolean(),
        cashRoundingStepMinor: int.min(0).max(100),
        cashierDiscountLimitBp: int.min(0).max(10_000),
        receiptFooter: z.string().max(200),
        timeZone: z.string().min(1).max(64),
        businessDayStartsAt: z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/),
      })
      .partial()
      .strict(),
  })
  .strict();

export const downVersion = z.discriminatedUnion('kind', [
  z.object({ version: int.min(1), kind: z.literal('catalog'), effectiveAt: int, body: catalogBody }).strict(),
  z.object({ version: int.min(1), kind: z.literal('operators'), effectiveAt: int, body: operatorsBody }).strict(),
  z.object({ version: int.min(1), kind: z.literal('settings'), effectiveAt: int, body: settingsBody }).strict(),
]);
export type DownVersion = z.infer<typeof downVersion>;

export interface DownResponse {
  versions: DownVersion[];
  /** More versions wait after the last one given. */
  more: boolean;
  serverTime: number;
}
