// Browser mode's host: the launch address and token, the renderer build under a strict CSP, the
// Host and Origin checks, loopback only, and calls and events over the WebSocket.
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startWebHost } from '../../main/host/web';
import { REFUSED_LAUNCH_META, WS_PROTOCOL, WS_TOKEN_PREFIX } from '../../preload/contract/web-protocol';
import { reg, host, staticDir, get, ownOrigin, protocols, openSocket, pageSocket, useWebHost } from '../support/web-host-rig';

useWebHost();

describe('browser mode host', () => {
  it('prints a loopback URL with a random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('refuses a launch address with a wrong token, and a launch token unfit to be one', async () => {
    expect((await get('/?token=wrong')).status).toBe(403);
    expect((await get(`/?token=${host.token}x`)).status).toBe(403);
    // The refusal is the page marked as refused (it then says so in the browser's language), under the same CSP, never echoing a token.
    for (const path of [`/?token=${host.token}x`, '/index.html?token=stale-token-of-yesterday', '/assets/app.js?token=wrong', '/%E0%A4%A?token=wrong']) {
      const refused = await get(path);
      expect(refused.status, path).toBe(403);
      expect(refused.headers['set-cookie']).toBeUndefined();
      expect(refused.body).not.toContain(host.token);
      expect(refused.body).not.toContain('console.log');
      if (path.startsWith('/%')) continue;
      expect(refused.body, path).toContain(REFUSED_LAUNCH_META);
      expect(refused.body).toContain('<title>Ringup</title>');
      expect(refused.headers['content-security-policy']).toContain("default-src 'none'");
      expect(refused.headers['x-frame-options']).toBe('DENY');
    }
    // With another Host or Origin it is the plain refusal it always was.
    expect((await get('/?token=wrong', { Host: 'evil.example:80' })).body).not.toContain(REFUSED_LAUNCH_META);
    expect((await get('/?token=wrong', { Origin: 'http://evil.example' })).body).not.toContain(REFUSED_LAUNCH_META);
    await expect(startWebHost({ register: reg, staticDir, token: 'short' })).rejects.toThrow(/launch token/);
    await expect(startWebHost({ register: reg, staticDir, token: 'not/base64url+at=all' })).rejects.toThrow(/launch token/);
  });

  // The files are the built, open-source UI (also on disk for any local user) and hold no data;
  // the register's data only flows over the WebSocket, which needs the token. Gating the files
  // took a cookie, and a cookie on 127.0.0.1 reaches every other local server (web-security.ts).
  it('serves the launch page and the renderer build with a strict CSP and no cookie', async () => {
    const launch = await get(`/?token=${host.token}`);
    expect(launch.status).toBe(200);
    expect(launch.headers['set-cookie']).toBeUndefined();
    expect(launch.body).toContain('<title>Ringup</title>');
    for (const res of [launch, await get('/'), await get('/assets/app.js')]) {
      expect(res.status).toBe(200);
      expect(res.headers['set-cookie']).toBeUndefined();
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['cross-origin-resource-policy']).toBe('same-origin');
      expect(res.headers['cross-origin-opener-policy']).toBe('same-origin');
      expect(res.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('refuses another Host (DNS rebinding) and another Origin', async () => {
    expect((await get('/', { Host: 'evil.example:80' })).status).toBe(403);
    expect((await get('/', { Host: `127.0.0.1.evil.example:${host.port}` })).status).toBe(403);
    expect((await get('/', { Origin: 'http://evil.example' })).status).toBe(403);
    expect((await get('/', { Origin: 'http://127.0.0.1:1' })).status).toBe(403);
  });

  it('never serves files outside the renderer folder', async () => {
    // The secret is there, one folder above the renderer's, for each path below to reach for.
    expect(readFileSync(join(staticDir, '..', 'ringup-secret.txt'), 'utf8')).toBe('secret');
    for (const path of ['/../ringup-secret.txt', '/%2e%2e/ringup-secret.txt', '/assets/..%2f..%2fringup-secret.txt', '/%2e%2e%5cringup-secret.txt', '/%00']) {
      const res = await get(path);
      expect(res.status, path).not.toBe(200);
      expect(res.body).not.toContain('secret');
    }
  });

  it('listens on 127.0.0.1 only', async () => {
    const external = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    const target = external?.address ?? '127.0.0.2';
    const outcome = await new Promise<string>((resolve) => {
      const socket = connect({ host: target, port: host.port });
      socket.once('connect', () => {
        socket.destroy();
        resolve('connected');
      });
      socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'));
    });
    expect(outcome).toBe('ECONNREFUSED');
  });

  it('opens the WebSocket only for the launch token offered as a subprotocol from our own origin, and never echoes the token', async () => {
    await expect(openSocket(ownOrigin())).rejects.toThrow(/403/);
    // The cookie of old is no credential any more.
    await expect(openSocket({ ...ownOrigin(), Cookie: `ringup_token=${host.token}` }, [WS_PROTOCOL])).rejects.toThrow(/403/);
    await expect(openSocket(ownOrigin(), [WS_PROTOCOL, `${WS_TOKEN_PREFIX}wrong`])).rejects.toThrow(/403/);
    await expect(openSocket(ownOrigin(), [WS_PROTOCOL, `${WS_TOKEN_PREFIX}${host.token}x`])).rejects.toThrow(/403/);
    await expect(openSocket(ownOrigin(), [WS_PROTOCOL, host.token])).rejects.toThrow(/403/);
    // The token from a page of another origin, another local port included, or from no page at all.
    await expect(openSocket({ Origin: 'http://evil.example' }, protocols())).rejects.toThrow(/403/);
    await expect(openSocket({ Origin: 'http://127.0.0.1:1' }, protocols())).rejects.toThrow(/403/);
    await expect(openSocket({}, protocols())).rejects.toThrow(/403/);
    const ws = await pageSocket();
    expect(ws.protocol).toBe(WS_PROTOCOL);
    ws.close();
  });

  it('carries calls and events over the WebSocket', async () => {
    const ws = await pageSocket();
    const messages: { type: string; id?: number; event?: string; result?: { ok: boolean; value?: { id: string } } }[] = [];
    ws.on('message', (d) => messages.push(JSON.parse((d as Buffer).toString('utf8')) as (typeof messages)[number]));
    const waitFor = async (pred: (m: (typeof messages)[number]) => boolean) => {
      for (let i = 0; i < 200 && !messages.some(pred); i++) await new Promise((r) => setTimeout(r, 10));
      return messages.find(pred);
    };
    ws.send(JSON.stringify({ type: 'call', id: 1, name: 'sale.current', input: {} }));
    const current = await waitFor((m) => m.id === 1);
    const saleId = current?.result?.value?.id;
    expect(saleId).toMatch(/^[0-9a-f-]{36}$/);
    ws.send(JSON.stringify({ type: 'call', id: 2, name: 'sale.addProduct', input: { saleId, code: '6901234567892' } }));
    expect(await waitFor((m) => m.type === 'event' && m.event === 'sale.changed')).toBeTruthy();
    expect((await waitFor((m) => m.id === 2))?.result?.ok).toBe(true);
    ws.send(JSON.stringify({ type: 'call', id: 3, name: '__proto__', input: {} }));
    expect((await waitFor((m) => m.id === 3))?.result).toMatchObject({ ok: false, error: { code: 'request.unknown_call' } });
    ws.close();
  });
});
