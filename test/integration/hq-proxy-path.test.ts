// HQ behind a reverse proxy under a path: the owner enrols with http://proxy/hq, and every request
// the register makes (enrolment, upload, versions, the owner's overview) goes under /hq. The proxy
// (node:http, as nginx's `location /hq/ { proxy_pass http://hq/; }`) strips the prefix, so HQ sees
// /api/..., and the signature, over HQ's route, holds there. Anything outside /hq is not HQ.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPinForRegisters } from '../../hq/down/pin-hash';
import { hqTarget } from '../../main/sync/hq-client';
import { makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { startHqRig, type HqRig } from '../support/hq-rig';

let rig: HqRig;
let proxy: Server;
let proxyUrl: string;
/** What reached the proxy, and what it passed on to HQ. */
const seen: { path: string; forwarded: string | null }[] = [];
const registers: TestRegister[] = [];

beforeAll(async () => {
  rig = await startHqRig();
  const hq = new URL(rig.hq.url);
  proxy = createServer((req, res) => {
    const path = req.url ?? '/';
    if (!path.startsWith('/hq/')) {
      seen.push({ path, forwarded: null });
      res.writeHead(404, { 'content-type': 'text/html' }).end('<html><body>404 Not Found</body></html>');
      return;
    }
    const forwarded = path.slice('/hq'.length);
    seen.push({ path, forwarded });
    const upstream = request(
      { host: hq.hostname, port: hq.port, method: req.method, path: forwarded, headers: { ...req.headers, host: hq.host } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
}, 60_000);

afterAll(async () => {
  for (const r of registers) r.cleanup();
  await new Promise((resolve) => proxy?.close(resolve));
  await rig?.close();
});

describe('an HQ address with a path', () => {
  it('keeps the path in every request the register makes, and HQ behind a prefix-stripping proxy verifies them', async () => {
    const reg = makeRegister({ sync: { auto: false } });
    registers.push(reg);
    const staff = await withStaff(reg);
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    const code = await rig.newRegister('PX1-R1', 'PX1');

    const view = await reg.must('sync.enrol', { hqUrl: `${proxyUrl}/hq/`, code });
    expect(view).toMatchObject({ enrolled: true, registerId: 'PX1-R1', shopId: 'PX1' });

    const r = await rig.admin<{ version: number }>('POST', '/api/admin/versions', {
      kind: 'operators',
      shopId: 'PX1',
      effectiveAt: 0,
      body: { operators: [{ name: '王芳', role: 'cashier', active: true, ...hashPinForRegisters('4821') }] },
    });
    expect(r.body.ok).toBe(true);
    await reg.sync.runOnce();
    const status = await reg.must('sync.status', {});
    expect(status).toMatchObject({ state: 'idle', lastError: null, downVersion: r.body.ok ? r.body.value.version : -1 });
    expect((await reg.must('operator.list', {})).map((o) => o.name)).toContain('王芳');

    const day = new Date().toISOString().slice(0, 10);
    const overview = await reg.must('sync.hqOverview', { day });
    expect(overview.shops.map((s) => s.shopId)).toContain('PX1');

    // Everything went under /hq, nothing to the proxy's root; HQ saw its own routes.
    expect(seen.filter((s) => s.forwarded === null)).toEqual([]);
    const routes = new Set(seen.map((s) => s.forwarded));
    expect([...routes].sort()).toEqual(['/api/down', '/api/enrol', '/api/owner/overview', '/api/upload']);
    const held = await rig.hq.pool.query<{ seq: string }>("SELECT seq FROM journal_heads WHERE register_id = 'PX1-R1'");
    expect(status.ackedSeq).toBeGreaterThan(0);
    expect(Number(held.rows[0]?.seq)).toBe(status.ackedSeq);
  });

  it('joins a route under the address as typed, with or without a trailing slash', () => {
    expect(hqTarget('https://example.com/ringup/hq', '/api/upload').href).toBe('https://example.com/ringup/hq/api/upload');
    expect(hqTarget('https://example.com/ringup/hq/', '/api/upload').href).toBe('https://example.com/ringup/hq/api/upload');
    expect(hqTarget('http://192.168.1.20:8470', '/api/enrol').href).toBe('http://192.168.1.20:8470/api/enrol');
    expect(hqTarget('http://192.168.1.20:8470/', '/api/enrol').href).toBe('http://192.168.1.20:8470/api/enrol');
  });
});
