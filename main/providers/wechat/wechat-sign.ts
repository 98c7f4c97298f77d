// WeChat Pay API v2 signatures, pure. The string to sign is every non-empty parameter except
// `sign`, sorted by key (ASCII), joined `k=v&...`, then `&key=<API key>`; MD5 of it, or
// HMAC-SHA256 keyed with the API key, in upper-case hex. Replies are signed the same way, so the
// same function checks them.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export type WechatSignType = 'MD5' | 'HMAC-SHA256';

export function wechatSignString(params: Readonly<Record<string, string | undefined>>): string {
  return Object.keys(params)
    .filter((k) => k !== 'sign' && params[k] !== undefined && params[k] !== '')
    .sort()
    .map((k) => `${k}=${params[k] ?? ''}`)
    .join('&');
}

export function wechatSign(params: Readonly<Record<string, string | undefined>>, apiKey: string, type: WechatSignType): string {
  const text = `${wechatSignString(params)}&key=${apiKey}`;
  const digest = type === 'MD5' ? createHash('md5').update(text, 'utf8') : createHmac('sha256', apiKey).update(text, 'utf8');
  return digest.digest('hex').toUpperCase();
}

/** Does `params.sign` match? The reply's own sign_type wins when it names one. */
export function wechatVerify(params: Readonly<Record<string, string | undefined>>, apiKey: string, type: WechatSignType): boolean {
  const given = params.sign;
  if (!given) return false;
  const stated = params.sign_type === 'HMAC-SHA256' || params.sign_type === 'MD5' ? params.sign_type : type;
  const expected = Buffer.from(wechatSign(params, apiKey, stated));
  const actual = Buffer.from(given.toUpperCase());
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
