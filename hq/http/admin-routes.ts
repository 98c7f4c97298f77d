// The owner's back office at HQ (bearer token): shops, registers and versions, figures and alerts.
// Every report route reads its query the same way: known parameters only, dates on the calendar,
// from ≤ to, and a shop or register that HQ knows; each refusal names its field.
import type { IncomingMessage } from 'node:http';
import type { Pool } from 'pg';
import { z } from 'zod';
import { downKinds, hqId } from '../../preload/contract/hq-wire';
import { createRegister, createShop, listShops } from '../auth/registers';
import { withdrawRegister } from '../auth/withdraw';
import { listVersions, publishVersion } from '../down/versions';
import { acknowledgeAlert, listAlerts } from '../ingest/alerts';
import { consistencyCheck, documentDays, zDays, zSums } from '../reports/reports';
import { registerStatus } from '../reports/register-status';
import { openFraudAlerts } from '../reports/fraud-alerts';
import { HqError } from './hq-error';
import { calendarDay, json, knownRegister, knownShop, orderedRange, parse } from './parse';

const range = z.object({ from: calendarDay, to: calendarDay, shop: hqId.optional() }).strict();
const optionalRange = z.object({ from: calendarDay.optional(), to: calendarDay.optional(), shop: hqId.optional() }).strict();

/** A range query with its shop checked; null shop: every shop. */
async function rangeQuery(pool: Pool, q: Record<string, string>): Promise<{ from: string; to: string; shopId: string | null }> {
  const r = orderedRange(parse(range, q));
  await knownShop(pool, r.shop);
  return { from: r.from, to: r.to, shopId: r.shop ?? null };
}

export async function adminRoute(pool: Pool, req: IncomingMessage, url: URL, body: Buffer, now: number): Promise<[number, unknown] | null> {
  const method = req.method ?? 'GET';
  const path = url.pathname;
  const q = Object.fromEntries(url.searchParams);
  if (method === 'GET' && path === '/api/admin/shops') return [200, await listShops(pool)];
  if (method === 'POST' && path === '/api/admin/shops') {
    const input = parse(z.object({ id: hqId, name: z.string().min(1).max(80) }).strict(), json(body));
    const { created, renamed } = await createShop(pool, input, now);
    if (!renamed) return [200, { ...input, created }];
    // HQ names the shop and settings flow down: a renamed shop's registers take the name for their
    // store (receipts, the HQ section) from now on, as a settings version of that shop.
    const published = await publishVersion(pool, { kind: 'settings', shopId: input.id, effectiveAt: now, body: { settings: { storeName: input.name } } }, now);
    return [200, { ...input, created, storeNameVersion: published.version }];
  }
  if (method === 'POST' && path === '/api/admin/registers') {
    const input = parse(z.object({ id: hqId, shopId: hqId, name: z.string().min(1).max(80) }).strict(), json(body));
    return [200, { registerId: input.id, shopId: input.shopId, ...(await createRegister(pool, input, now)) }];
  }
  if (method === 'GET' && path === '/api/admin/registers') return [200, await registerStatus(pool)];
  if (method === 'POST' && path === '/api/admin/versions') {
    const input = parse(
      z.object({ kind: z.enum(downKinds), shopId: hqId.nullable().default(null), effectiveAt: z.number().int().min(0), body: z.unknown() }).strict(),
      json(body),
    );
    await knownShop(pool, input.shopId);
    return [200, await publishVersion(pool, input, now)];
  }
  if (method === 'GET' && path === '/api/admin/versions') {
    // What was published, newest first (?kind=…, &shop=… for what that shop's registers pull, &limit=…).
    const r = parse(z.object({ kind: z.enum(downKinds), shop: hqId.optional(), limit: z.coerce.number().int().min(1).max(200).default(20) }).strict(), q);
    await knownShop(pool, r.shop);
    return [200, await listVersions(pool, { kind: r.kind, shopId: r.shop ?? null, limit: r.limit })];
  }
  if (method === 'GET' && path === '/api/admin/reports/zs') return [200, await zDays(pool, await rangeQuery(pool, q))];
  if (method === 'GET' && (path === '/api/admin/reports/days' || path === '/api/admin/reports/months')) {
    return [200, await zSums(pool, await rangeQuery(pool, q), path.endsWith('days') ? 'day' : 'month')];
  }
  if (method === 'GET' && path === '/api/admin/reports/documents') {
    const r = parse(z.object({ register: hqId.optional() }).strict(), q);
    await knownRegister(pool, r.register);
    return [200, await documentDays(pool, r.register)];
  }
  if (method === 'GET' && path === '/api/admin/consistency') {
    // Every Z ever uploaded, or (from=…&to=…) those of a range of business days; shop=… for one shop.
    const r = parse(optionalRange, q);
    if ((r.from === undefined) !== (r.to === undefined)) throw new HqError('hq.invalid_input', 400, { field: r.from === undefined ? 'from' : 'to' });
    if (r.from !== undefined && r.to !== undefined) orderedRange({ from: r.from, to: r.to });
    await knownShop(pool, r.shop);
    return [200, await consistencyCheck(pool, { from: r.from ?? null, to: r.to ?? null, shopId: r.shop ?? null })];
  }
  if (method === 'GET' && path === '/api/admin/alerts') {
    const r = parse(z.object({ open: z.enum(['0', '1']).optional() }).strict(), q);
    return [200, await listAlerts(pool, r.open === '1')];
  }
  if (method === 'GET' && path === '/api/admin/fraud-alerts') {
    // The registers' own open fraud alerts (all registers, or ?register=…), newest first per register.
    const r = parse(z.object({ register: hqId.optional(), limit: z.coerce.number().int().min(1).max(1000).default(200) }).strict(), q);
    await knownRegister(pool, r.register);
    const open = await openFraudAlerts(pool, { limit: r.limit, ...(r.register === undefined ? {} : { registerId: r.register }) });
    return [200, [...open].map(([registerId, fraud]) => ({ registerId, ...fraud }))];
  }
  const withdraw = /^\/api\/admin\/registers\/([^/]{1,64})\/withdraw$/.exec(path);
  if (method === 'POST' && withdraw) {
    // A lost or broken till taken out of the chain at HQ; the till itself does it with sync.withdraw.
    const registerId = parse(z.object({ registerId: hqId }).strict(), { registerId: decodeURIComponent(withdraw[1] ?? '') }).registerId;
    return [200, await withdrawRegister(pool, registerId, now)];
  }
  const ack = /^\/api\/admin\/alerts\/(\d{1,15})\/ack$/.exec(path);
  if (method === 'POST' && ack) {
    const id = Number(ack[1]);
    const done = await acknowledgeAlert(pool, id, now);
    if (done === null) throw new HqError('hq.not_found', 404, { field: 'alert', alertId: id });
    return [200, { acknowledged: done }];
  }
  return null;
}
