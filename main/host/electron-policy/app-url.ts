// The renderer is only ever served from one origin: app://ringup. Everything that decides
// whether a URL, a frame or a request is "ours" asks this file, so the rule is written once.

export const APP_SCHEME = 'app';
export const APP_HOST = 'ringup';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
/** The static page shown while the shell opens (and may upgrade) the ledger, before the register answers. */
export const APP_OPENING_URL = `${APP_ORIGIN}/opening.html`;
/** The static page shown when the renderer keeps crashing (see renderer-recovery.ts). */
export const APP_CRASHED_URL = `${APP_ORIGIN}/crashed.html`;

function parse(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 4096) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * True for app://ringup/… and nothing else: not app://ringup.evil, not app://x@ringup, not a
 * port, not file:, http: or javascript:. Parsed with URL rather than compared as a prefix,
 * because prefix checks are how `ringup.evil` and userinfo tricks get through.
 */
export function isAppUrl(value: unknown): boolean {
  const url = parse(value);
  if (!url) return false;
  return url.protocol === `${APP_SCHEME}:` && url.hostname === APP_HOST && url.port === '' && url.username === '' && url.password === '';
}

/**
 * Network and file schemes the renderer must never reach. The CSP already forbids them in the
 * page; this is the same rule enforced from main, where a compromised renderer cannot lift it.
 */
const BLOCKED_REQUEST_SCHEMES = new Set(['http:', 'https:', 'ws:', 'wss:', 'ftp:', 'file:']);

export function isBlockedRequestUrl(value: unknown): boolean {
  const url = parse(value);
  if (!url) return true;
  return BLOCKED_REQUEST_SCHEMES.has(url.protocol);
}
