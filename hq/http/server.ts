// HQ's HTTP API: registers enrol, upload and pull; the owner's back office (bearer token) manages
// shops, registers and versions and reads figures and alerts. Every answer is the contract's
// envelope; nothing thrown reaches a client beyond a code.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';
import { downRequest, enrolRequest, hqPaths, overviewRequest, withdrawRequest } from '../../preload/contract/hq-wire';
import { enrol } from '../auth/registers';
import { withdrawRegister } from '../auth/withdraw';
import { verifyRequest } from '../auth/verify-request';
import { versionsAfter } from '../down/versions';
import { ingestUpload } from '../ingest/ingest';
import { ownerOverview } from '../reports/owner-overview';
import { adminRoute } from './admin-routes';
import { HqError } from './hq-error';
import { json, parse } from './parse';

export const MAX_BODY_BYTES = 16 * 1024 * 1024;

export interface HqServerDeps {
  pool: Pool;
  adminToken: string;
  clock: () => number;
  log: (message: string) => void;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(new HqError('hq.too_large', 413));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), 'cache-control': 'no-store' });
  res.end(text);
}

function isAdmin(req: IncomingMessage, token: string): boolean {
  const auth = req.headers.authorization;
  if (typeof auth !== 'string' || !auth.startsWith('Bearer ')) return false;
  const given = Buffer.from(auth.slice(7));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function route(deps: HqServerDeps, req: IncomingMessage, url: URL, body: Buffer): Promise<[number, unknown]> {
  const { pool } = deps;
  const now = deps.clock();
  const method = req.method ?? 'GET';
  const path = url.pathname;
  if (method === 'GET' && path === '/api/health') return [200, { status: 'ok', serverTime: now }];
  if (method === 'POST' && path === hqPaths.enrol) {
    const input = parse(enrolRequest, json(body));
    return [200, await enrol(pool, input.code, input.localRegisterId, now)];
  }
  if (method === 'POST' && path === hqPaths.upload) {
    const who = await verifyRequest(pool, method, path, req.headers, body, now);
    return [200, await ingestUpload(pool, who, json(body), now)];
  }
  if (method === 'POST' && path === hqPaths.down) {
    const who = await verifyRequest(pool, method, path, req.headers, body, now);
    const input = parse(downRequest, json(body));
    if (input.registerId !== who.registerId) throw new HqError('hq.forbidden', 403);
    return [200, await versionsAfter(pool, who.shopId, input.after, now)];
  }
  if (method === 'POST' && path === hqPaths.withdraw) {
    // The till's owner takes it out of the chain; signed, so only the register itself can.
    const who = await verifyRequest(pool, method, path, req.headers, body, now);
    const input = parse(withdrawRequest, json(body));
    if (input.registerId !== who.registerId) throw new HqError('hq.forbidden', 403);
    return [200, await withdrawRegister(pool, who.registerId, now)];
  }
  if (method === 'POST' && path === hqPaths.overview) {
    // Read-only, for the owner at an enrolled register (the register's main process checks the role).
    const who = await verifyRequest(pool, method, path, req.headers, body, now);
    const input = parse(overviewRequest, json(body));
    if (input.registerId !== who.registerId) throw new HqError('hq.forbidden', 403);
    return [200, await ownerOverview(pool, input.day, now)];
  }
  if (path.startsWith('/api/admin/')) {
    if (!isAdmin(req, deps.adminToken)) throw new HqError('hq.forbidden', 401);
    const answer = await adminRoute(pool, req, url, body, now);
    if (answer) return answer;
  }
  throw new HqError('hq.not_found', 404);
}

export function createHqServer(deps: HqServerDeps): Server {
  return createServer((req, res) => {
    void (async () => {
      try {
        const url = new URL(req.url ?? '/', 'http://hq.invalid');
        const body = await readBody(req);
        const [status, value] = await route(deps, req, url, body);
        send(res, status, { ok: true, value });
      } catch (error) {
        if (error instanceof HqError) {
          send(res, error.status, { ok: false, error: { code: error.code, params: error.params } });
          return;
        }
        deps.log(`HQ request failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        if (!res.headersSent) send(res, 500, { ok: false, error: { code: 'hq.internal', params: {} } });
        else res.destroy();
      }
    })();
  });
}
