// HQ's HTTP API: registers enrol, upload and pull; the owner's back office (bearer token) manages
// shops, registers and versions and reads figures and alerts. Every answer is the contract's
// envelope; nothing thrown reaches a client beyond a code.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { timingSafeEqual } from 'node:crypto';
import type { Pool } from 'pg';
import { z } from 'zod';
import { downKinds, downRequest, enrolRequest, hqId, hqPaths, overviewRequest } from '../../preload/contract/hq-wire';
import { createRegister, createShop, enrol } from '../auth/registers';
import { verifyRequest } from '../auth/verify-request';
import { publishVersion, versionsAfter } from '../down/versions';
import { acknowledgeAlert, listAlerts } from '../ingest/alerts';
import { ingestUpload } from '../ingest/ingest';
import { consistencyCheck, documentDays, zDays, zSums } from '../reports/reports';
import { registerStatus } from '../reports/register-status';
import { ownerOverview } from '../reports/owner-overview';
import { openFraudAlerts } from '../reports/fraud-alerts';
import { HqError } from './hq-error';

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

function json(body: Buffer): unknown {
  try {
    return body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown);
  } catch {
    throw new HqError('hq.invalid_input', 400, { field: 'body' });
  }
}

function parse<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new HqError('hq.invalid_input', 400, { field: r.error.issues[0]?.path.join('.') ?? '' });
  return r.data;
}

function isAdmin(req: IncomingMessage, token: string): boolean {
  const auth = req.headers.authorization;
  if (typeof auth !== 'string' || !auth.startsWith('Bearer ')) return false;
  const given = Buffer.from(auth.slice(7));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const range = z.object({ from: day, to: day, shop: hqId.optional() }).strict();

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
  if (method === 'POST' && path === hqPaths.overview) {
    // Read-only, for the owner at an enrolled register (the register's main process checks the role).
    const who = await verifyRequest(pool, method, path, req.headers, body, now);
    const input = parse(overviewRequest, json(body));
    if (input.registerId !== who.registerId) throw new HqError('hq.forbidden', 403);
    return [200, await ownerOverview(pool, input.day, now)];
  }
  if (path.startsWith('/api/admin/')) {
    if (!isAdmin(req, deps.adminToken)) throw new HqError('hq.forbidden', 401);
    const q = Object.fromEntries(url.searchParams);
    if (method === 'POST' && path === '/api/admin/shops') {
      const input = parse(z.object({ id: hqId, name: z.string().min(1).max(80) }).strict(), json(body));
      await createShop(pool, input, now);
      return [200, input];
    }
    if (method === 'POST' && path === '/api/admin/registers') {
      const input = parse(z.object({ id: hqId, shopId: hqId, name: z.string().min(1).max(80) }).strict(), json(body));
      return [200, { registerId: input.id, ...(await createRegister(pool, input, now)) }];
    }
    if (method === 'GET' && path === '/api/admin/registers') return [200, await registerStatus(pool)];
    if (method === 'POST' && path === '/api/admin/versions') {
      const input = parse(
        z.object({ kind: z.enum(downKinds), shopId: hqId.nullable().default(null), effectiveAt: z.number().int().min(0), body: z.unknown() }).strict(),
        json(body),
      );
      return [200, { version: await publishVersion(pool, input, now) }];
    }
    if (method === 'GET' && path === '/api/admin/reports/zs') {
      const r = parse(range, q);
      return [200, await zDays(pool, { from: r.from, to: r.to, shopId: r.shop ?? null })];
    }
    if (method === 'GET' && (path === '/api/admin/reports/days' || path === '/api/admin/reports/months')) {
      const r = parse(range, q);
      return [200, await zSums(pool, { from: r.from, to: r.to, shopId: r.shop ?? null }, path.endsWith('days') ? 'day' : 'month')];
    }
    if (method === 'GET' && path === '/api/admin/reports/documents') return [200, await documentDays(pool)];
    if (method === 'GET' && path === '/api/admin/consistency') {
      // Every Z ever uploaded, or (from=…&to=…) those of a range of business days.
      if (q.from === undefined && q.to === undefined) return [200, await consistencyCheck(pool)];
      const r = parse(range, q);
      return [200, await consistencyCheck(pool, { from: r.from, to: r.to })];
    }
    if (method === 'GET' && path === '/api/admin/alerts') return [200, await listAlerts(pool, q.open === '1')];
    if (method === 'GET' && path === '/api/admin/fraud-alerts') {
      // The registers' own open fraud alerts (all registers, or ?register=…), newest first per register.
      const r = parse(z.object({ register: hqId.optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }).strict(), q);
      const open = await openFraudAlerts(pool, { limit: r.limit, ...(r.register === undefined ? {} : { registerId: r.register }) });
      return [200, [...open].map(([registerId, fraud]) => ({ registerId, ...fraud }))];
    }
    const ack = /^\/api\/admin\/alerts\/(\d{1,15})\/ack$/.exec(path);
    if (method === 'POST' && ack) return [200, { acknowledged: await acknowledgeAlert(pool, Number(ack[1]), now) }];
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
