// What a scanned number is: a customer's payment code (付款码) for WeChat Pay, Alipay or UnionPay,
// or a product barcode. Shared by main (which decides) and the renderer (which routes a scan on
// the payment screen), so it holds no zod and no I/O.
//
// Length separates the two worlds: product codes (EAN-8/13, UPC-A, ITF-14) have at most 14
// digits, payment codes at least 16. Within payment codes the prefix names the provider, but the
// providers widen their ranges from time to time (Alipay did in 2017 and says not to hard-code
// it), so an unknown prefix on 16+ digits is never refused here: it is `unknown`, and the cashier
// picks the provider (or the provider answers that the code is not theirs).

export type PaymentProvider = 'wechat' | 'alipay';

export type ScannedCode =
  | { kind: 'payment'; provider: PaymentProvider | 'unionpay'; digits: string }
  /** 16+ digits with no known prefix: a payment code of some provider, but whose is not certain. */
  | { kind: 'payment'; provider: 'unknown'; digits: string }
  | { kind: 'product'; digits: string }
  | { kind: 'other' };

/** The longest product barcode (GTIN-14 / ITF-14); payment codes start at 16 digits. */
export const MAX_PRODUCT_DIGITS = 14;
export const MIN_PAYMENT_DIGITS = 16;
/** Longer than any provider issues today, with room to grow; beyond it the input is not a code. */
export const MAX_PAYMENT_DIGITS = 32;

export function classifyCode(raw: string): ScannedCode {
  const digits = raw.trim();
  if (!/^[0-9]+$/.test(digits)) return { kind: 'other' };
  if (digits.length <= MAX_PRODUCT_DIGITS) return { kind: 'product', digits };
  if (digits.length < MIN_PAYMENT_DIGITS || digits.length > MAX_PAYMENT_DIGITS) return { kind: 'other' };
  const two = Number(digits.slice(0, 2));
  // WeChat: 18 digits, 10–14 for mainland users and 15 for Hong Kong users.
  if (digits.length === 18 && two >= 10 && two <= 15) return { kind: 'payment', provider: 'wechat', digits };
  // Alipay: 16–24 digits starting 25–30 (its own regex: ^((2[5-9])|30)\d{14,22}$).
  if (digits.length >= 16 && digits.length <= 24 && two >= 25 && two <= 30) return { kind: 'payment', provider: 'alipay', digits };
  // UnionPay QuickPass (云闪付): 19 digits starting 62.
  if (digits.length === 19 && two === 62) return { kind: 'payment', provider: 'unionpay', digits };
  return { kind: 'payment', provider: 'unknown', digits };
}

/** The code as receipts, the journal and the screen may show it: a payment code is a bearer token for a minute. */
export function maskPaymentCode(digits: string): string {
  if (digits.length <= 8) return '*'.repeat(digits.length);
  return `${digits.slice(0, 4)}${'*'.repeat(digits.length - 8)}${digits.slice(-4)}`;
}
