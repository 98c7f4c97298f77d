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
  secretStore: { kind: 'os' | 'file-key'; note: string | null };
  simulator: boolean;
}

export interface ScanCancelView {
  /** False when no scan payment was waiting for that sale. */
  sent: boolean;
}
