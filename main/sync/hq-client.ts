// Requests to HQ, signed with this register's key. A network failure, a timeout or an answer that
// is not HQ's envelope is `sync.hq_unreachable`: the uploader backs off and tries again later.
// Each request has a connection of its own (no keep-alive pool): a pooled socket the server or a
// middlebox has already dropped would fail a POST that nothing may retry blindly, and one
// connection per batch of hundreds of entries costs nothing.
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
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

/**
 * Why HQ could not be reached, in a word the owner's language has (`reason.hq_*`): "ECONNREFUSED"
 * means nothing at a shop counter; "nothing answers at that address and port" says what to check.
 * The system's own words stay in `why`, for the log and for whoever sets HQ up.
 */
function unreachable(reason: string, why: string): SyncFailure {
  return { ok: false, error: { code: 'sync.hq_unreachable', params: { reason, why: why.slice(0, 120) } } };
}

const NETWORK_REASONS: Record<string, string> = {
  ECONNREFUSED: 'hq_refused',
  ENOTFOUND: 'hq_not_found',
  EAI_AGAIN: 'hq_not_found',
  ETIMEDOUT: 'hq_no_answer',
  ECONNRESET: 'hq_cut_off',
  // https:// to a server that speaks plain http ("wrong version number").
  EPROTO: 'hq_certificate',
  EPIPE: 'hq_cut_off',
  EHOSTUNREACH: 'hq_no_route',
  ENETUNREACH: 'hq_no_route',
};

function networkReason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  if (NETWORK_REASONS[code] !== undefined) return NETWORK_REASONS[code];
  if (error instanceof Error && error.message === 'timeout') return 'hq_no_answer';
  // TLS: an expired, self-signed or wrong-name certificate, or a server that speaks no TLS.
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_SSL/.test(code)) return 'hq_certificate';
  return 'hq_network';
}

/**
 * Where a request to HQ goes: HQ's route (`/api/upload`) under the address the owner gave, path
 * included, so an HQ served under a path by a reverse proxy (https://host/hq) gets
 * https://host/hq/api/upload. (`new URL('/api/upload', base)` would drop the base's path.)
 */
export function hqTarget(hqUrl: string, route: string): URL {
  const target = new URL(hqUrl);
  target.pathname = `${target.pathname.replace(/\/+$/, '')}${route}`;
  target.search = '';
  target.hash = '';
  return target;
}

/**
 * `path` is HQ's route, which is also what the signature covers: the path HQ routes on, whatever
 * prefix a proxy in front adds and strips (README, "Signed requests").
 */
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
  const target = hqTarget(url, path);
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
  let status: number;
  let text2: string;
  try {
    [status, text2] = await new Promise<[number, string]>((resolve, reject) => {
      const req = send(
        target,
        { method: 'POST', headers: { ...headers, 'content-length': Buffer.byteLength(text) }, agent: false, timeout: options.timeoutMs },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve([res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')]));
          res.on('error', reject);
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      req.end(text);
    });
  } catch (error) {
    return unreachable(networkReason(error), error instanceof Error ? `${(error as NodeJS.ErrnoException).code ?? error.name}: ${error.message}` : 'network');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text2);
  } catch {
    return unreachable('hq_not_hq', `http ${status}`);
  }
  if (typeof parsed !== 'object' || parsed === null || typeof (parsed as { ok?: unknown }).ok !== 'boolean') return unreachable('hq_not_hq', `http ${status}`);
  return parsed as HqResult<T>;
}
