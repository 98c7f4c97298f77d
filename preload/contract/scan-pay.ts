// Scan-to-pay: the customer shows a WeChat Pay or Alipay payment code, the cashier scans it.
import { z } from 'zod';
import { call } from './define';
import { idempotencyKey, positiveAmountMinor, uuid } from './primitives';
import type { ScanAttemptView, ScanCancelView, ScanPayConfigView, ScanProvidersView, ScanSettlingView } from './scan-pay-views';
import type { CompletionView } from './views';

const provider = z.enum(['wechat', 'alipay']);

/** A gateway: the provider's own (https) or, for the simulator, a loopback address. */
const gateway = z
  .string()
  .trim()
  .max(200)
  .regex(/^(https:\/\/[A-Za-z0-9.-]+(:\d+)?|http:\/\/127\.0\.0\.1:\d{1,5})(\/[A-Za-z0-9._/-]*)?$/);

/** A PEM or bare base64 key, as the providers' key tools write them. */
const keyText = z
  .string()
  .trim()
  .min(100)
  .max(8000)
  .regex(/^[A-Za-z0-9+/=\s-]+$/);

export const scanPaySettings = z.discriminatedUnion('provider', [
  z
    .object({
      provider: z.literal('wechat'),
      appId: z.string().regex(/^wx[0-9a-f]{16}$/),
      mchId: z.string().regex(/^\d{8,12}$/),
      signType: z.enum(['MD5', 'HMAC-SHA256']),
      gateway,
      /** APIv2 key (32 characters); omitted = keep the stored one. */
      apiKey: z
        .string()
        .regex(/^[A-Za-z0-9]{32}$/)
        .optional(),
      /** The merchant's API certificate (apiclient_cert.p12) as base64, for reverse and refund. */
      certificateP12: z
        .string()
        .max(20_000)
        .regex(/^[A-Za-z0-9+/=]+$/)
        .optional(),
    })
    .strict(),
  z
    .object({
      provider: z.literal('alipay'),
      appId: z.string().regex(/^\d{16}$/),
      gateway,
      privateKey: keyText.optional(),
      alipayPublicKey: keyText.optional(),
    })
    .strict(),
]);

export const scanPayCalls = {
  /**
   * Take the scanned payment code for what is still owed (or `amountMinor` of it). Resolves when
   * the provider has decided: paid (the payment is booked, completing the sale when it covers the
   * rest) or refused with the provider's translated reason. Steps arrive as `payment.step` events.
   * `provider` answers the register's question when the code's prefix is not one it knows.
   */
  'scanpay.pay': call<CompletionView>()(
    z
      .object({
        saleId: uuid,
        code: z.string().regex(/^[0-9]{16,32}$/),
        provider: provider.optional(),
        amountMinor: positiveAmountMinor.optional(),
        idempotencyKey,
      })
      .strict(),
    { movesMoney: true },
  ),
  /** The cashier cancels while the customer enters the password: the register closes the order with the provider. */
  'scanpay.cancel': call<ScanCancelView>()(z.object({ saleId: uuid }).strict()),
  /** The scan attempts of a sale, newest first. */
  'scanpay.attempts': call<ScanAttemptView[]>()(z.object({ saleId: uuid }).strict()),
  /** Which providers the register can take (the 扫码 button shows when one can). */
  /** The owner's list of attempts not settled yet (being queried or reversed after a timeout or a crash), oldest first. */
  'scanpay.settling': call<ScanSettlingView[]>()(z.object({}).strict()),
  'scanpay.providers': call<ScanProvidersView>()(z.object({}).strict()),
  'scanpay.getConfig': call<ScanPayConfigView>()(z.object({}).strict()),
  /** Store a provider's settings (a secret left out keeps the stored one), or `remove` a provider's. */
  'scanpay.setConfig': call<ScanPayConfigView>()(z.union([z.object({ settings: scanPaySettings }).strict(), z.object({ remove: provider }).strict()])),
};

/** Scan-to-pay refusals. */
export const scanPayErrors = [
  'scanpay.not_a_payment_code',
  'scanpay.provider_unknown',
  'scanpay.provider_unsupported',
  'scanpay.not_configured',
  'scanpay.busy',
  'scanpay.declined',
  'scanpay.reversed',
  'scanpay.cancelled',
  'scanpay.outcome_unknown',
  'scanpay.attempt_unresolved',
  'scanpay.amount_exceeds_due',
  'scanpay.bad_key',
  'scanpay.secret_store_unavailable',
  'scanpay.secret_key_exposed',
  'scanpay.incomplete_settings',
] as const;
