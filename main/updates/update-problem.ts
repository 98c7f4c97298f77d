// Why the update feed (or the download of what it offers) could not be had, as a code the
// window words in the owner's language. Node's fetch and electron-updater speak in error codes
// and English messages ("getaddrinfo ENOTFOUND", "net::ERR_INTERNET_DISCONNECTED"); shown as
// they are, a shop owner reading Chinese learns nothing. The raw text stays beside it as the
// technical detail for a support call.
import type { UpdateProblem } from '../../preload/contract/self-check-views';

// Node (libuv, undici, OpenSSL) codes and Chromium net:: errors (electron-updater downloads with
// Chromium's network stack), by what the owner can do about them.
const BY_CODE: [RegExp, UpdateProblem][] = [
  [
    /^(ENOTFOUND|EAI_AGAIN|ENETUNREACH|ENETDOWN|EHOSTUNREACH|EHOSTDOWN|ERR_INTERNET_DISCONNECTED|ERR_NAME_NOT_RESOLVED|ERR_NETWORK_CHANGED|ERR_ADDRESS_UNREACHABLE)$/,
    'offline',
  ],
  [/^(ETIMEDOUT|UND_ERR_CONNECT_TIMEOUT|UND_ERR_HEADERS_TIMEOUT|UND_ERR_BODY_TIMEOUT|ERR_TIMED_OUT|ERR_CONNECTION_TIMED_OUT)$/, 'timeout'],
  [/^(ECONNREFUSED|ECONNRESET|EPIPE|UND_ERR_SOCKET|ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_CONNECTION_CLOSED|ERR_EMPTY_RESPONSE)$/, 'refused'],
  [/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_SSL|ERR_TLS|ALTNAME/, 'certificate'],
];

function byCode(code: string): UpdateProblem | null {
  for (const [pattern, problem] of BY_CODE) if (pattern.test(code)) return problem;
  return null;
}

/** What an HTTP status other than 2xx means to the owner: no such file there, or a server in trouble. */
export function httpProblem(status: number): UpdateProblem {
  return status === 404 || status === 410 ? 'not_found' : 'server';
}

/** The problem behind a failed fetch or download: its code, its cause's code, or the code named in its message. */
export function updateProblemOf(error: unknown): UpdateProblem {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 4; e = e.cause, depth++) {
    // AbortSignal.timeout() rejects with a DOMException named TimeoutError.
    if (e.name === 'TimeoutError') return 'timeout';
    const code = (e as { code?: unknown }).code;
    const known = typeof code === 'string' ? byCode(code) : null;
    if (known) return known;
    // electron-updater reports "net::ERR_…" and "HttpError: 404 …" in the message alone.
    for (const named of e.message.match(/[A-Z][A-Z0-9_]{3,}/g) ?? []) {
      const found = byCode(named.replace(/^net::/, ''));
      if (found) return found;
    }
    const status = /HttpError: (\d{3})|status(?:Code)? (\d{3})/i.exec(e.message);
    if (status) return httpProblem(Number(status[1] ?? status[2]));
  }
  return 'other';
}
