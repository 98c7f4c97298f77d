import { describe, expect, it } from 'vitest';
import { appCsp, appResponseHeaders } from '../../main/host/electron-policy/csp';

function directives(csp: string): Map<string, string> {
  return new Map(
    csp.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')] as const;
    }),
  );
}

describe('app CSP', () => {
  const csp = appCsp();
  const d = directives(csp);

  it('is exactly the policy we ship', () => {
    expect(csp).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; form-action 'none'; frame-src 'none'; frame-ancestors 'none'; worker-src 'none'",
    );
  });

  it('denies by default and allows scripts only from the app itself', () => {
    expect(d.get('default-src')).toBe("'none'");
    expect(d.get('script-src')).toBe("'self'");
  });

  it('never allows inline code, eval, wildcards or remote hosts', () => {
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|wasm-unsafe-eval|\*|https?:|wss?:|blob:/);
  });

  it('forbids plugins, frames, base rewriting and form posts', () => {
    for (const name of ['object-src', 'base-uri', 'form-action', 'frame-src', 'frame-ancestors']) expect(d.get(name)).toBe("'none'");
  });

  it('has no duplicate directives (a browser would ignore the second)', () => {
    const names = csp.split(';').map((p) => p.trim().split(/\s+/)[0]);
    expect(new Set(names).size).toBe(names.length);
  });

  it('is sent with nosniff and no referrer on every response', () => {
    const headers = appResponseHeaders();
    expect(headers['Content-Security-Policy']).toBe(csp);
    expect(headers['X-Content-Type-Options']).toBe('nosniff');
    expect(headers['Referrer-Policy']).toBe('no-referrer');
  });
});
