import { timingSafeEqual } from 'node:crypto';
import { WS_TOKEN_PREFIX } from '../../preload/contract/web-protocol';

// Browser mode listens on loopback, which any local process or any web page the cashier opens
// could reach. These checks are what keep it the register's own page: a per-launch token, and
// Host/Origin pinned to the exact loopback address (DNS rebinding sends another Host).
//
// Where the token lives, and why not in a cookie. Cookies are scoped by host, not by port
// (RFC 6265 section 8.5), and 127.0.0.1 on another port is the same site, so SameSite does not
// help: every other web server on this machine that the browser visits was sent the token, and
// two registers on two ports overwrote each other's. A port in the cookie's name or a Path only
// narrows that: a page from another local server can send the browser to that very path on its
// own port and read the cookie there. So no cookie carries the credential:
// - The launch address carries it once (?token=). The page keeps it in localStorage, which the
//   browser keys by origin, port included: no other local origin can read it, and each register
//   on its own port keeps its own. The page then takes it out of the address bar.
// - The page presents it on the WebSocket upgrade as an offered subprotocol, the one header a
//   page may set there. The browser never attaches it on its own, as it does a cookie, so
//   another page cannot make the browser send it anywhere; and a page of another origin that
//   somehow held it still could not use it, since the upgrade also requires our exact Origin,
//   which the browser sets and the page cannot. The host never echoes it back.
// - Plain HTTP serves only the built renderer: the open-source UI, readable on disk by any local
//   user anyway, with no data in it. Everything with data goes through the WebSocket. Gating the
//   files needed exactly the kind of ambient credential that leaked.

export function allowedHosts(port: number): string[] {
  return [`127.0.0.1:${port}`, `localhost:${port}`];
}

export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host !== undefined && allowedHosts(port).includes(host.toLowerCase());
}

/** Same-origin requests only. Browsers omit Origin on plain navigations, which serve nothing secret. */
export function isAllowedOrigin(origin: string | undefined, port: number, required: boolean): boolean {
  if (origin === undefined) return !required;
  return allowedHosts(port).some((h) => origin.toLowerCase() === `http://${h}`);
}

/** A launch token is a subprotocol token too: letters, digits, "-" and "_" (base64url), and long enough not to guess. */
export function isWellFormedToken(token: string): boolean {
  return /^[A-Za-z0-9_-]{16,}$/.test(token);
}

export function tokensEqual(given: string | undefined | null, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token the page offered among its WebSocket subprotocols (`ringup.token.<token>`), if any. */
export function offeredToken(protocolHeader: string | undefined): string | undefined {
  if (!protocolHeader) return undefined;
  const offered = protocolHeader.split(',').map((p) => p.trim());
  return offered.find((p) => p.startsWith(WS_TOKEN_PREFIX))?.slice(WS_TOKEN_PREFIX.length);
}

export function webCsp(port: number): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "font-src 'self'",
    `connect-src ws://127.0.0.1:${port} ws://localhost:${port}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
