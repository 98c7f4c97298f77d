import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, isAppUrl, isBlockedRequestUrl } from '../../main/host/electron-policy/app-url';

describe('isAppUrl', () => {
  it.each([
    APP_ENTRY_URL,
    `${APP_ORIGIN}/`,
    `${APP_ORIGIN}`,
    'app://ringup/assets/index-abc.js',
    'app://ringup/index.html#/sale',
    'app://ringup/index.html?x=1',
    // An empty port is no port (WHATWG URL): the same origin.
    'app://ringup:/index.html',
  ])('accepts our own page %s', (url) => {
    expect(isAppUrl(url)).toBe(true);
  });

  it.each([
    ['a look-alike host', 'app://ringup.evil/index.html'],
    ['a host with our name as prefix', 'app://ringupx/index.html'],
    ['a subdomain', 'app://evil.ringup/index.html'],
    ['userinfo', 'app://user@ringup/index.html'],
    ['userinfo with password', 'app://user:pw@ringup/index.html'],
    ['userinfo hiding the real host', 'app://ringup@evil/index.html'],
    ['a port', 'app://ringup:8080/index.html'],
    ['another scheme with our host', 'https://ringup/index.html'],
    ['file:', 'file:///index.html'],
    ['file: with our host', 'file://ringup/index.html'],
    ['javascript:', 'javascript:alert(1)'],
    ['javascript: mentioning us', 'javascript://ringup/%0aalert(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['about:blank', 'about:blank'],
    ['http localhost', 'http://localhost:5173/'],
    ['a scheme prefix', 'xapp://ringup/'],
    ['case-shifted host (opaque for a non-special scheme)', 'app://RINGUP.evil/'],
    ['a relative path', '/index.html'],
    ['empty', ''],
    ['garbage', 'not a url'],
  ])('refuses %s', (_what, url) => {
    expect(isAppUrl(url)).toBe(false);
  });

  it.each([undefined, null, 42, {}, ['app://ringup/']])('refuses a non-string %s', (value) => {
    expect(isAppUrl(value)).toBe(false);
  });

  it('refuses absurdly long input', () => {
    expect(isAppUrl(`app://ringup/${'a'.repeat(5000)}`)).toBe(false);
  });
});

describe('isBlockedRequestUrl (no remote content, enforced from main)', () => {
  it.each(['http://example.com/', 'https://example.com/x.js', 'ws://127.0.0.1:1/', 'wss://x/', 'ftp://x/', 'file:///etc/passwd', 'nonsense'])(
    'blocks %s',
    (url) => expect(isBlockedRequestUrl(url)).toBe(true),
  );
  it.each([APP_ENTRY_URL, 'app://ringup/assets/a.css', 'data:image/png;base64,AAAA', 'devtools://devtools/bundled/x.html'])('lets %s through', (url) =>
    expect(isBlockedRequestUrl(url)).toBe(false),
  );
});
