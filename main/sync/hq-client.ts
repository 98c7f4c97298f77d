// Requests to HQ, signed with this register's key. A network failure, a timeout or an answer that
// is not HQ's envelope is `sync.hq_unreachable`: the uploader backs off and tries again later.
import { hqHeaders, type HqResult } from '../../preload/contract/hq-wire';
import { newNonce, signRequest } from '../journal-chain/request-signature';

export type SyncFailure = { ok: false; error: { code: 'sync.hq_unreachable'; params: Record<string, string | number | boolean | null> } };
export type HqAnswer<T> = HqResult<T> | SyncFailure;

export interface HqLink {
  hqUrl: string;
  registerId: string;
  secret: Buffer;
  /** HQ's clock minus ours, so a till whose clock is off still signs a time HQ accepts. */
  clockOffsetMs: number;
}

function unreachable(why: string): SyncFailure {
  return { ok: false, error: { code: 'sync.hq_unreachable', params: { why: why.slice(0, 120) } } };
}

export async function postToHq<T>(
  url: string,
  path: string,
  body: unknown,
  options: { timeoutMs: number; sign?: { link: HqLink; now: number } },
): Promise<HqAnswer<T>> {
  const text = JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (options.sign) {
    const { link, now } = options.sign;
    const time = now + link.clockOffsetMs;
    const nonce = newNonce();
    headers[hqHeaders.register] = link.registerId;
    headers[hqHeaders.time] = String(time);
    headers[hqHeaders.nonce] = nonce;
    headers[hqHeaders.signature] = signRequest(link.secret, { method: 'POST', path, registerId: link.registerId, time, nonce, body: text });
  }
  let response: Response;
  try {
    response = await fetch(new URL(path, url), { method: 'POST', headers, body: text, signal: AbortSignal.timeout(options.timeoutMs) });
  } catch (error) {
    return unreachable(error instanceof Error ? `${error.name}: ${(error.cause as Error | undefined)?.message ?? error.message}` : 'network');
  }
  let parsed: unknown;
  try {
    parsed = await response.json();
  } catch {
    return unreachable(`http ${response.status}`);
  }
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { ok?: unknown }).ok !== 'boolean') return unreachable(`http ${response.status}`);
  return parsed as HqResult<T>;
}
