// The owner's admin API refuses what it cannot answer truthfully (an impossible date, a reversed
// range, a shop or register HQ does not know, an unknown parameter, a version a register could
// not apply) with a code that names the field, instead of an empty success or a 500; and the
// owner's overview says which sales no Z covers yet.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { OwnerOverview } from '../../preload/contract/hq-wire';
import { CASHIER_PIN, makeRegister, OWNER_PIN, withStaff } from '../support/register-fixture';
import { useHqRig } from '../support/use-hq-rig';

const hq = useHqRig();
const registers = hq.registers;

const catalog = (products: { sku: string; nameZh: string | null; taxRateBp: number }[]) => ({
  taxRates: [{ rateBp: 1300, label: '13%' }],
  products: products.map((p) => ({ ...p, barcode: null, nameEn: null, priceMinor: 100 })),
});

async function refusal(method: 'GET' | 'POST', path: string, body?: unknown) {
  const r = await hq.rig.admin(method, path, body);
  return { status: r.status, error: r.body.ok ? null : r.body.error };
}

describe('the admin API names what it refuses', () => {
  it('refuses impossible dates, reversed ranges, unknown shops, registers, parameters and alerts on every report route', async () => {
    await hq.rig.newRegister('A1-R1', 'A1');
    for (const route of ['/api/admin/reports/days', '/api/admin/reports/months', '/api/admin/reports/zs', '/api/admin/consistency']) {
      expect(await refusal('GET', `${route}?from=2026-13-45&to=2026-13-46`)).toEqual({
        status: 400,
        error: { code: 'hq.invalid_input', params: { field: 'from' } },
      });
      expect(await refusal('GET', `${route}?from=2026-02-01&to=2026-02-30`)).toEqual({
        status: 400,
        error: { code: 'hq.invalid_input', params: { field: 'to' } },
      });
      expect(await refusal('GET', `${route}?from=2026-11-30&to=2026-11-01`)).toEqual({
        status: 400,
        error: { code: 'hq.invalid_range', params: { field: 'from', from: '2026-11-30', to: '2026-11-01' } },
      });
      expect(await refusal('GET', `${route}?from=2026-11-01&to=2026-11-30&shop=NOPE`)).toEqual({
        status: 404,
        error: { code: 'hq.not_found', params: { field: 'shop', shopId: 'NOPE' } },
      });
      expect(await refusal('GET', `${route}?from=2026-11-01&to=2026-11-30&foo=1`)).toEqual({
        status: 400,
        error: { code: 'hq.invalid_input', params: { field: 'foo' } },
      });
    }
    // A leap day is a day; a known shop answers.
    expect((await hq.rig.admin('GET', '/api/admin/reports/days?from=2028-02-29&to=2028-02-29&shop=A1')).body).toEqual({ ok: true, value: [] });
    expect(await refusal('GET', '/api/admin/consistency?from=2026-11-01')).toEqual({
      status: 400,
      error: { code: 'hq.invalid_input', params: { field: 'to' } },
    });
    expect(await refusal('GET', '/api/admin/fraud-alerts?register=NOPE')).toEqual({
      status: 404,
      error: { code: 'hq.not_found', params: { field: 'register', registerId: 'NOPE' } },
    });
    expect(await refusal('GET', '/api/admin/reports/documents?register=NOPE')).toMatchObject({ status: 404, error: { code: 'hq.not_found' } });
    expect(await refusal('POST', '/api/admin/alerts/99999/ack')).toEqual({
      status: 404,
      error: { code: 'hq.not_found', params: { field: 'alert', alertId: 99999 } },
    });
  });

  it('refuses a version for an unknown shop, a product a register could not sell and a setting it could not apply, naming each', async () => {
    await hq.rig.newRegister('B1-R1', 'B1');
    const good = catalog([{ sku: 'TEA-1', nameZh: '茶', taxRateBp: 1300 }]);
    expect(await refusal('POST', '/api/admin/versions', { kind: 'catalog', shopId: 'NOPE', effectiveAt: 0, body: good })).toEqual({
      status: 404,
      error: { code: 'hq.not_found', params: { field: 'shop', shopId: 'NOPE' } },
    });
    const bad = catalog([
      { sku: 'TEA-1', nameZh: '茶', taxRateBp: 1300 },
      { sku: 'TEA-7', nameZh: '七茶', taxRateBp: 700 },
      { sku: 'NONAME', nameZh: null, taxRateBp: 1300 },
    ]);
    expect(await refusal('POST', '/api/admin/versions', { kind: 'catalog', shopId: 'B1', effectiveAt: 0, body: bad })).toEqual({
      status: 400,
      error: { code: 'hq.invalid_input', params: { field: 'body.products.1.taxRateBp', item: 'TEA-7', why: 'unknown_tax_rate', count: 2 } },
    });
    bad.products.splice(1, 1);
    expect(await refusal('POST', '/api/admin/versions', { kind: 'catalog', shopId: 'B1', effectiveAt: 0, body: bad })).toMatchObject({
      error: { params: { field: 'body.products.1.nameZh', item: 'NONAME', why: 'no_name' } },
    });
    expect(
      await refusal('POST', '/api/admin/versions', { kind: 'settings', shopId: 'B1', effectiveAt: 0, body: { settings: { timeZone: 'Asia/Shanghia' } } }),
    ).toEqual({
      status: 400,
      error: { code: 'hq.invalid_input', params: { field: 'body.settings.timeZone', item: 'timeZone', why: 'invalid_setting', count: 1 } },
    });
    expect(
      await refusal('POST', '/api/admin/versions', { kind: 'settings', shopId: 'B1', effectiveAt: 0, body: { settings: { storeNme: 'x' } } }),
    ).toMatchObject({
      error: { code: 'hq.invalid_input', params: { field: 'body.settings.storeNme' } },
    });
    // Nothing of those was stored: the shop's first version is the good one.
    const ok = await hq.rig.admin<{ version: number }>('POST', '/api/admin/versions', { kind: 'catalog', shopId: 'B1', effectiveAt: 0, body: good });
    expect(ok.body.ok && ok.body.value.version).toBe(1);
  });

  it('lists shops, moves a register not yet enrolled to the shop asked for, and tells an expired code from a wrong one', async () => {
    await hq.rig.newRegister('C1-R1', 'C1');
    await hq.rig.newRegister('C2-R1', 'C2');
    const moved = await hq.rig.admin<{ registerId: string; shopId: string }>('POST', '/api/admin/registers', { id: 'C1-R1', shopId: 'C2', name: 'moved' });
    expect(moved.body).toMatchObject({ ok: true, value: { registerId: 'C1-R1', shopId: 'C2' } });
    const status = await hq.rig.admin<{ registerId: string; shopId: string; name: string }[]>('GET', '/api/admin/registers');
    expect(status.body.ok && status.body.value.find((r) => r.registerId === 'C1-R1')).toMatchObject({ shopId: 'C2', name: 'moved' });
    const shops = await hq.rig.admin<{ id: string; name: string; registers: number }[]>('GET', '/api/admin/shops');
    expect(shops.body.ok && shops.body.value.filter((s) => s.id.startsWith('C'))).toEqual([
      { id: 'C1', name: 'Shop C1', registers: 0, createdAt: expect.any(Number) as number },
      { id: 'C2', name: 'Shop C2', registers: 2, createdAt: expect.any(Number) as number },
    ]);
    expect((await hq.rig.admin('POST', '/api/admin/shops', { id: 'C1', name: '新名' })).body).toEqual({
      ok: true,
      value: { id: 'C1', name: '新名', created: false, storeNameVersion: expect.any(Number) as number },
    });

    const code = await hq.rig.newRegister('C2-R2', 'C2');
    await hq.rig.hq.pool.query('UPDATE registers SET enrol_expires_at = 1 WHERE id = $1', ['C2-R2']);
    const reg = makeRegister({ sync: { auto: false } });
    registers.push(reg);
    const staff = await withStaff(reg);
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    expect(await reg.call('sync.enrol', { hqUrl: hq.rig.hq.url, code })).toMatchObject({
      ok: false,
      error: { code: 'hq.enrol_code_expired', params: { hours: 24 } },
    });
    expect(await reg.call('sync.enrol', { hqUrl: hq.rig.hq.url, code: 'ABCD-EFGH-JKLM' })).toMatchObject({
      ok: false,
      error: { code: 'hq.enrol_code_invalid' },
    });
    expect(await reg.must('sync.status', {})).toMatchObject({ enrolled: false });
    // Enrolled, the till names its shop as HQ does, not only by its id.
    const fresh = await hq.rig.newRegister('C1-R2', 'C1');
    await reg.must('sync.enrol', { hqUrl: hq.rig.hq.url, code: fresh });
    expect(await reg.must('sync.status', {})).toMatchObject({ enrolled: true, registerId: 'C1-R2', shopId: 'C1', shopName: '新名' });
  });
});

const key = () => randomUUID().replaceAll('-', '');

describe('sales no Z covers yet', () => {
  it('the overview shows them per register and shop as not closed, and the Z check says they are not yet covered', async () => {
    const reg = makeRegister({ sync: { auto: false } });
    registers.push(reg);
    const staff = await withStaff(reg, { registerId: 'T1' });
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    await hq.rig.enrol(reg, 'N1-R1', 'N1');
    await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
    for (const code of ['6901234567892', '6905678901236']) {
      const sale = await reg.must('sale.current', {});
      await reg.must('sale.addProduct', { saleId: sale.id, code });
      const view = await reg.must('sale.get', { saleId: sale.id });
      await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: view.totals.totalMinor, idempotencyKey: key() });
    }
    await reg.sync.runOnce();
    const sold = reg.db.prepare("SELECT business_day AS day, SUM(total_minor) AS net, COUNT(*) AS n FROM documents WHERE status = 'completed'").get() as {
      day: string;
      net: number;
      n: number;
    };
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    const view: OwnerOverview = await reg.must('sync.hqOverview', { day: sold.day });
    const shop = view.shops.find((s) => s.shopId === 'N1');
    expect(shop?.day).toMatchObject({ netMinor: 0, zCount: 0, notClosed: { documentCount: sold.n, netMinor: sold.net } });
    expect(shop?.registers[0]?.day).toMatchObject({ netMinor: 0, zCount: 0, notClosed: { documentCount: sold.n, netMinor: sold.net } });
    expect(view.uncovered).toContainEqual({ shopId: 'N1', registerId: 'N1-R1', businessDay: sold.day, documentCount: sold.n, netMinor: sold.net });
    const check = await hq.rig.admin<{ uncovered: unknown[] }>('GET', `/api/admin/consistency?shop=N1`);
    expect(check.body).toEqual({
      ok: true,
      value: {
        zChecked: 0,
        differences: [],
        uncovered: [{ shopId: 'N1', registerId: 'N1-R1', businessDay: sold.day, documentCount: sold.n, netMinor: sold.net }],
      },
    });
  });
});
