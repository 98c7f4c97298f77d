// Provider credentials in the ledger: what is not secret (app id, merchant id, gateway) as JSON,
// the secrets sealed by the register's SecretBox. Changes are journalled by field name only; a
// secret's value never reaches the journal, the log or a window.
import type { z } from 'zod';
import type { scanPaySettings } from '../../preload/contract/scan-pay';
import type { AlipaySettingsView, WechatSettingsView } from '../../preload/contract/scan-pay-views';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { ServiceError } from '../common/service-error';
import type { PaymentProvider } from '../providers/provider';
import type { WechatCredentials } from '../providers/wechat/wechat-client';
import type { AlipayCredentials } from '../providers/alipay/alipay-client';
import type { SecretBox } from './secret-box';
import { createPrivateKey, createPublicKey } from 'node:crypto';

type SettingsInput = z.output<typeof scanPaySettings> | { provider: PaymentProvider; remove: true };

interface Row {
  provider: PaymentProvider;
  settings: string;
  secret: Buffer | null;
  secret_box: string | null;
}

interface WechatSecrets {
  apiKey?: string;
  certificateP12?: string;
}
interface AlipaySecrets {
  privateKey?: string;
  alipayPublicKey?: string;
}

function row(db: Db, provider: PaymentProvider): Row | undefined {
  return sql(db, 'SELECT provider, settings, secret, secret_box FROM scan_pay_credentials WHERE provider = ?').get(provider) as Row | undefined;
}

function secretsOf<T>(box: SecretBox, r: Row | undefined): T {
  if (!r?.secret) return {} as T;
  return JSON.parse(box.open(r.secret)) as T;
}

function checkKey(kind: 'private' | 'public', text: string): void {
  const pem = text.includes('-----BEGIN')
    ? text
    : `-----BEGIN ${kind === 'private' ? 'PRIVATE' : 'PUBLIC'} KEY-----\n${text.replace(/\s+/g, '')}\n-----END ${kind === 'private' ? 'PRIVATE' : 'PUBLIC'} KEY-----`;
  try {
    if (kind === 'private') createPrivateKey(pem);
    else createPublicKey(pem);
  } catch {
    throw new ServiceError('scanpay.bad_key', { key: kind === 'private' ? 'privateKey' : 'alipayPublicKey' });
  }
}

export function wechatSettingsView(db: Db, box: SecretBox): WechatSettingsView | null {
  const r = row(db, 'wechat');
  if (!r) return null;
  const s = JSON.parse(r.settings) as Omit<WechatSettingsView, 'hasApiKey' | 'hasCertificate'>;
  const secrets = secretsOf<WechatSecrets>(box, r);
  return { ...s, hasApiKey: !!secrets.apiKey, hasCertificate: !!secrets.certificateP12 };
}

export function alipaySettingsView(db: Db, box: SecretBox): AlipaySettingsView | null {
  const r = row(db, 'alipay');
  if (!r) return null;
  const s = JSON.parse(r.settings) as Omit<AlipaySettingsView, 'hasPrivateKey' | 'hasAlipayPublicKey'>;
  const secrets = secretsOf<AlipaySecrets>(box, r);
  return { ...s, hasPrivateKey: !!secrets.privateKey, hasAlipayPublicKey: !!secrets.alipayPublicKey };
}

/** Stores settings; a secret left out keeps the stored one. Journals which fields changed, never their values. */
export function saveSettings(db: Db, box: SecretBox, input: SettingsInput, operatorId: number, now: number): void {
  if ('remove' in input) {
    db.transaction(() => {
      if (sql(db, 'DELETE FROM scan_pay_credentials WHERE provider = ?').run(input.provider).changes > 0)
        appendJournal(db, 'scanpay.settings_changed', { operatorId, provider: input.provider, fields: ['removed'] }, now);
    })();
    return;
  }
  const before = row(db, input.provider);
  let settings: Record<string, string>;
  let secrets: Record<string, string>;
  const changed: string[] = [];
  if (input.provider === 'wechat') {
    settings = { appId: input.appId, mchId: input.mchId, signType: input.signType, gateway: input.gateway };
    const old = secretsOf<WechatSecrets>(box, before);
    secrets = { ...old };
    if (input.apiKey !== undefined) secrets.apiKey = input.apiKey;
    if (input.certificateP12 !== undefined) secrets.certificateP12 = input.certificateP12;
    if (!secrets.apiKey) throw new ServiceError('scanpay.incomplete_settings', { field: 'apiKey' });
    for (const k of ['apiKey', 'certificateP12'] as const) if (input[k] !== undefined && input[k] !== old[k]) changed.push(k);
  } else {
    settings = { appId: input.appId, gateway: input.gateway };
    const old = secretsOf<AlipaySecrets>(box, before);
    secrets = { ...old };
    if (input.privateKey !== undefined) {
      checkKey('private', input.privateKey);
      secrets.privateKey = input.privateKey;
    }
    if (input.alipayPublicKey !== undefined) {
      checkKey('public', input.alipayPublicKey);
      secrets.alipayPublicKey = input.alipayPublicKey;
    }
    if (!secrets.privateKey) throw new ServiceError('scanpay.incomplete_settings', { field: 'privateKey' });
    if (!secrets.alipayPublicKey) throw new ServiceError('scanpay.incomplete_settings', { field: 'alipayPublicKey' });
    for (const k of ['privateKey', 'alipayPublicKey'] as const) if (input[k] !== undefined && input[k] !== old[k]) changed.push(k);
  }
  const oldSettings = before ? (JSON.parse(before.settings) as Record<string, string>) : {};
  for (const [k, v] of Object.entries(settings)) if (oldSettings[k] !== v) changed.push(k);
  if (changed.length === 0) return;
  const sealed = box.seal(JSON.stringify(secrets));
  db.transaction(() => {
    sql(
      db,
      `INSERT INTO scan_pay_credentials (provider, settings, secret, secret_box, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT(provider) DO UPDATE SET settings = excluded.settings, secret = excluded.secret, secret_box = excluded.secret_box, updated_at = excluded.updated_at`,
    ).run(input.provider, JSON.stringify(settings), sealed, box.kind, now);
    appendJournal(db, 'scanpay.settings_changed', { operatorId, provider: input.provider, fields: changed.sort() }, now);
  })();
}

export function wechatCredentials(db: Db, box: SecretBox): WechatCredentials | null {
  const r = row(db, 'wechat');
  if (!r) return null;
  const s = JSON.parse(r.settings) as { appId: string; mchId: string; signType: 'MD5' | 'HMAC-SHA256'; gateway: string };
  const secrets = secretsOf<WechatSecrets>(box, r);
  if (!secrets.apiKey) return null;
  return {
    appId: s.appId,
    mchId: s.mchId,
    apiKey: secrets.apiKey,
    signType: s.signType,
    // WeChat's certificate password is the merchant id unless changed.
    certificate: secrets.certificateP12 ? { pfx: Buffer.from(secrets.certificateP12, 'base64'), passphrase: s.mchId } : null,
    gateway: s.gateway,
  };
}

export function alipayCredentials(db: Db, box: SecretBox): AlipayCredentials | null {
  const r = row(db, 'alipay');
  if (!r) return null;
  const s = JSON.parse(r.settings) as { appId: string; gateway: string };
  const secrets = secretsOf<AlipaySecrets>(box, r);
  if (!secrets.privateKey || !secrets.alipayPublicKey) return null;
  return { appId: s.appId, privateKey: secrets.privateKey, alipayPublicKey: secrets.alipayPublicKey, gateway: s.gateway };
}
