// The browser-mode host on a real register and a real loopback port, for the web host suites.
// A suite calls useWebHost() once: it starts the host before the file's tests and stops it after.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import WebSocket from 'ws';
import { startWebHost, type WebHost } from '../../main/host/web';
import { WS_PROTOCOL, WS_TOKEN_PREFIX } from '../../preload/contract/web-protocol';
import { makeRegister, withStaff, type TestRegister } from './register-fixture';

export let reg: TestRegister;
export let host: WebHost;
export let staticDir: string;
let root: string;

/** The suite's hooks, registered in the calling file (a module is imported once per worker). */
export function useWebHost(): void {
  beforeAll(async () => {
    reg = makeRegister();
    await withStaff(reg);
    // The renderer folder inside a folder of the suite's own, beside a secret the host must never
    // serve (web-host.test's path traversals reach for ../ringup-secret.txt). It used to be written
    // in the shared temp folder and left there; two suites at once would share it.
    root = mkdtempSync(join(tmpdir(), 'ringup-static-'));
    staticDir = join(root, 'renderer');
    mkdirSync(join(staticDir, 'assets'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Ringup</title>');
    writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(root, 'ringup-secret.txt'), 'secret');
    host = await startWebHost({ register: reg, staticDir, log: reg.log });
  });
  afterAll(async () => {
    await host.close();
    reg.cleanup();
    rmSync(root, { recursive: true, force: true });
  });
}

export function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
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

export const ownOrigin = () => ({ Origin: `http://127.0.0.1:${host.port}` });
/** What the page offers on the upgrade: our protocol, and the launch token as a second one. */
export const protocols = () => [WS_PROTOCOL, `${WS_TOKEN_PREFIX}${host.token}`];
export const authLines = () => [`Sec-WebSocket-Protocol: ${protocols().join(', ')}`];

export function openSocket(headers: Record<string, string>, offered: string[] = []): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}/ws`, offered, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`refused ${res.statusCode}`)));
    ws.once('error', reject);
  });
}

/** A socket the way the page opens one. */
export const pageSocket = () => openSocket(ownOrigin(), protocols());
