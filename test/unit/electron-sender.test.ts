import { describe, expect, it } from 'vitest';
import { isTrustedSender, type SenderFrame } from '../../main/host/electron-policy/sender';

const top = (url: string, extra: Partial<SenderFrame> = {}): SenderFrame => ({ url, parent: null, ...extra });

describe('isTrustedSender', () => {
  it('trusts the top frame of our own page', () => {
    expect(isTrustedSender(top('app://ringup/index.html'))).toBe(true);
    expect(isTrustedSender(top('app://ringup/index.html#/day-close', { detached: false }))).toBe(true);
  });

  it('refuses a missing frame (the window went away mid-call)', () => {
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });

  it('refuses a sub-frame even when it shows our origin', () => {
    const parent = top('app://ringup/index.html') as never;
    expect(isTrustedSender({ url: 'app://ringup/index.html', parent })).toBe(false);
  });

  it('refuses a detached frame', () => {
    expect(isTrustedSender(top('app://ringup/index.html', { detached: true }))).toBe(false);
  });

  it.each([
    'app://ringup.evil/index.html',
    'app://x@ringup/index.html',
    'app://ringup:99/index.html',
    'file:///opt/ringup/out/renderer/index.html',
    'http://127.0.0.1:5173/',
    'https://example.com/',
    'javascript:alert(1)',
    'about:blank',
    'data:text/html,hi',
    '',
  ])('refuses a top frame showing %s', (url) => {
    expect(isTrustedSender(top(url))).toBe(false);
  });
});
