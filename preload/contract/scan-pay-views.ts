// What the register reports about scan-to-pay: attempts, providers and their settings. Secrets
// never travel back to a window: the views say only whether one is stored.
import type { PaymentProvider } from './payment-code';

export type ScanAttemptState = 'created' | 'sent' | 'waiting' | 'unknown' | 'reversing' | 'paid' | 'failed' | 'reversed';

export interface ScanAttemptView {
  id: number;
  saleId: string;
  provider: PaymentProvider;
  outTradeNo: string;
  amountMinor: number;
  maskedCode: string;
  startedAt: number;
  state: ScanAttemptState;
  /** Translation key `scanpay.reason.*`, when refused, reversed or cancelled. */
  reason: string | null;
  providerCode: string | null;
  transactionId: string | null;
  payer: string | null;
  paymentRecorded: boolean;
}

/** A scan-to-pay attempt whose outcome is not final yet (the owner's list): the register is still asking the provider. */
export interface ScanSettlingView {
  id: number;
  provider: PaymentProvider;
  amountMinor: number;
  saleId: string;
  /** The sale's receipt number once it is completed (null: still open); `training` never applies (practice asks no provider). */
  receiptNo: number | null;
  registerId: string;
  /** Masked as the receipt masks provider ids: the order number is enough to claim the money by phone. */
  outTradeNo: string;
  state: ScanAttemptState;
  startedAt: number;
  /** When the register last asked the provider about it (query or reverse) since it started; null: not yet. */
  lastCheckedAt: number | null;
  /** A cashier is waiting on it at the counter now (false: it settles in the background). */
  live: boolean;
}

export interface ScanProvidersView {
  wechat: boolean;
  alipay: boolean;
  /** The demo's built-in provider simulator is answering (no real money moves). */
  simulator: boolean;
}

export interface WechatSettingsView {
  appId: string;
  mchId: string;
  signType: 'MD5' | 'HMAC-SHA256';
  gateway: string;
  hasApiKey: boolean;
  hasCertificate: boolean;
}

export interface AlipaySettingsView {
  appId: string;
  gateway: string;
  hasPrivateKey: boolean;
  hasAlipayPublicKey: boolean;
}

export interface ScanPayConfigView {
  wechat: WechatSettingsView | null;
  alipay: AlipaySettingsView | null;
  /** How secrets are sealed: `os` (the desktop's keychain through Electron) or `file-key` (browser mode). */
  /** How provider keys are sealed, in codes the settings screen words: the key file's path, and whether the desktop lacked a keychain. */
  secretStore: { kind: 'os' | 'file-key'; keyFile: string | null; keychainMissing: boolean };
  simulator: boolean;
}

export interface ScanCancelView {
  /** False when no scan payment was waiting for that sale. */
  sent: boolean;
}
