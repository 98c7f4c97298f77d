import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../main/host/web';
import { makeRegister, withStaff, type TestRegister } from '../support/register-fixture';

let reg: TestRegister;
let host: WebHost;
let staticDir: string;

beforeAll(async () => {
  reg = makeRegister();
  await withStaff(reg);
  staticDir = mkdtempSync(join(tmpdir(), 'ringup-static-'));
  mkdirSync(join(staticDir, 'assets'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Ringup</title>');
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(tmpdir(), 'ringup-secret.txt'), 'secret');
  host = await startWebHost({ register: reg, staticDir });
});
afterAll(async () => {
  await host.close();
  reg.cleanup();
  rmSync(staticDir, { recursive: true, force: true });
});

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: host.port, path, headers: { Host: `127.0.0.1:${host.port}`, ...headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const cookie = () => `ringup_token=${host.token}`;

function openSocket(headers: Record<string, string>): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

describe('browser mode host', () => {
  it('prints a loopback URL with a random token', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{32}$/);
  });

  it('refuses requests without the token or with a wrong one', async () => {
    expect((await get('/')).status).toBe(403);
    expect((await get('/?token=wrong')).status).toBe(403);
    expect((await get('/assets/app.js', { Cookie: 'ringup_token=wrong' })).status).toBe(403);
  });

  it('swaps the token for an HttpOnly cookie, then serves the page with a strict CSP', async () => {
    const first = await get(`/?token=${host.token}`);
    expect(first.status).toBe(302);
    expect(first.headers['set-cookie']?.[0]).toMatch(/HttpOnly; SameSite=Strict/);
    const page = await get('/', { Cookie: cookie() });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Ringup</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
  });

  it('refuses another Host (DNS rebinding) and another Origin', async () => {
    expect((await get('/', { Cookie: cookie(), Host: 'evil.example:80' })).status).toBe(403);
    expect((await get('/', { Cookie: cookie(), Host: `127.0.0.1.evil.example:${host.port}` })).status).toBe(403);
    expect((await get('/', { Cookie: cookie(), Origin: 'http://evil.example' })).status).toBe(403);
  });

  it('never serves files outside the renderer folder', async () => {
    for (const path of ['/../ringup-secret.txt', '/%2e%2e/ringup-secret.txt', '/assets/..%2f..%2fringup-secret.txt', '/%2e%2e%5cringup-secret.txt', '/%00']) {
      const res = await get(path, { Cookie: cookie() });
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

  it('refuses a WebSocket without the cookie or from another origin', async () => {
    await expect(openSocket({ Origin: `http://127.0.0.1:${host.port}` })).rejects.toThrow(/403/);
    await expect(openSocket({ Origin: 'http://evil.example', Cookie: cookie() })).rejects.toThrow(/403/);
    await expect(openSocket({ Cookie: cookie() })).rejects.toThrow(/403/);
  });

  it('carries calls and events over the WebSocket', async () => {
    const ws = await openSocket({ Origin: `http://127.0.0.1:${host.port}`, Cookie: cookie() });
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
