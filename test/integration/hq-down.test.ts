// Catalog, prices, operators and settings set once at HQ and pulled by registers: a price change
// takes effect at its stated moment, an offline register keeps selling at its last prices and
// catches up, an operator created at HQ logs in at the till with the PIN HQ hashed.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPinForRegisters } from '../../hq/down/pin-hash';
import { DEMO_CATALOG_CSV } from '../../main/catalog/demo-catalog';
import { makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { startHqRig, type HqRig } from '../support/hq-rig';

let rig: HqRig;
const registers: TestRegister[] = [];
beforeAll(async () => {
  rig = await startHqRig();
}, 60_000);
afterAll(async () => {
  for (const r of registers) r.cleanup();
  await rig?.close();
});

/** The demo catalog as HQ would publish it, with some prices changed. */
function catalog(prices: Record<string, number> = {}) {
  const rows = DEMO_CATALOG_CSV.trim().split('\n').slice(1);
  return {
    taxRates: [
      { rateBp: 900, label: '9%' },
      { rateBp: 1300, label: '13%' },
    ],
    products: rows.map((line) => {
      const [sku = '', barcode, nameZh, nameEn, price = '0', rate = '0%', soldBy] = line.split(',');
      return {
        sku,
        barcode: barcode || null,
        nameZh: nameZh || null,
        nameEn: nameEn || null,
        priceMinor: prices[sku] ?? Math.round(Number(price) * 100),
        taxRateBp: Number(rate.replace('%', '')) * 100,
        ...(soldBy === 'weight' || soldBy === 'piece' ? { soldBy } : {}),
      };
    }),
  };
}

async function publish(kind: 'catalog' | 'operators' | 'settings', body: unknown, effectiveAt: number, shopId: string | null = null): Promise<number> {
  const r = await rig.admin<{ version: number }>('POST', '/api/admin/versions', { kind, shopId, effectiveAt, body });
  if (!r.body.ok) throw new Error(JSON.stringify(r.body));
  return r.body.value.version;
}

async function enrolled(id: string, shopId: string): Promise<TestRegister> {
  const reg = makeRegister({ sync: { auto: false } });
  registers.push(reg);
  const staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  await rig.enrol(reg, id, shopId);
  return reg;
}

async function waitUntil(moment: number): Promise<void> {
  while (Date.now() <= moment) await new Promise((r) => setTimeout(r, Math.max(1, moment - Date.now() + 1)));
}

describe('versions down from HQ', () => {
  it('a price change takes effect at its stated moment, not before', async () => {
    const reg = await enrolled('D1-R1', 'D1');
    const effectiveAt = Date.now() + 1500;
    const version = await publish('catalog', catalog({ 'WATER-550': 250 }), effectiveAt, 'D1');
    await reg.sync.runOnce();
    expect(await reg.must('sync.status', {})).toMatchObject({ downVersion: version, pendingVersions: 1 });
    expect((await reg.must('catalog.lookup', { code: '6901234567892' })).priceMinor).toBe(200);
    await waitUntil(effectiveAt);
    await reg.sync.runOnce();
    expect(await reg.must('sync.status', {})).toMatchObject({ downVersion: version, pendingVersions: 0 });
    expect((await reg.must('catalog.lookup', { code: '6901234567892' })).priceMinor).toBe(250);
    const applied = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'sync.version_applied'").all() as { payload: string }[];
    expect(applied.map((a) => (JSON.parse(a.payload) as { data: unknown }).data)).toEqual([{ version, kind: 'catalog', effectiveAt, items: 16 }]);
    // A sale rung up now uses the new price.
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: sale.id, code: '6901234567892' });
    expect((await reg.must('sale.get', { saleId: sale.id })).totals.totalMinor).toBe(250);
  });

  it("a shop's version reaches only that shop's registers", async () => {
    const a = await enrolled('D2-RA', 'D2');
    const b = await enrolled('D3-RB', 'D3');
    await publish('catalog', catalog({ 'COLA-330': 400 }), 0, 'D2');
    await a.sync.runOnce();
    await b.sync.runOnce();
    expect((await a.must('catalog.lookup', { code: 'COLA-330' })).priceMinor).toBe(400);
    expect((await b.must('catalog.lookup', { code: 'COLA-330' })).priceMinor).toBe(350);
  });

  it("HQ says how a product is sold: loose rice by weight takes 1.25 kg, a toothbrush from HQ refuses 1.5; unsaid keeps the till's", async () => {
    const reg = await enrolled('D7-R1', 'D7');
    const body = catalog();
    const products = body.products.map((p) =>
      p.sku === 'RICE-5KG' ? { ...p, soldBy: 'weight' as const } : p.sku === 'APPLE-KG' ? { ...p, soldBy: undefined } : p,
    );
    products.push({ sku: 'BRUSH-HQ', barcode: null, nameZh: '牙刷', nameEn: 'Toothbrush', priceMinor: 590, taxRateBp: 1300 });
    await publish('catalog', { ...body, products }, 0, 'D7');
    await reg.sync.runOnce();
    const soldBy = (sku: string) => (reg.db.prepare('SELECT sold_by FROM products WHERE sku = ?').get(sku) as { sold_by: string }).sold_by;
    expect([soldBy('RICE-5KG'), soldBy('APPLE-KG'), soldBy('BRUSH-HQ'), soldBy('WATER-550')]).toEqual(['weight', 'weight', 'piece', 'piece']);

    const sale = await reg.must('sale.current', {});
    const rice = await reg.must('sale.addProduct', { saleId: sale.id, code: 'RICE-5KG', qtyMilli: 1250 });
    expect(rice.lines.at(-1)?.qtyMilli).toBe(1250);
    const brush = await reg.call('sale.addProduct', { saleId: sale.id, code: 'BRUSH-HQ', qtyMilli: 1500 });
    expect(brush.ok ? null : brush.error.code).toBe('sale.qty_whole_pieces');
  });

  it('an operator created at HQ logs in at the till with the PIN HQ hashed; settings come down too', async () => {
    const reg = await enrolled('D4-R1', 'D4');
    await publish('operators', { operators: [{ name: 'Hu 胡', role: 'cashier', active: true, ...hashPinForRegisters('4821') }] }, 0, 'D4');
    await publish('settings', { settings: { storeName: 'Ringup 总店', receiptFooter: 'HQ footer' } }, 0, 'D4');
    await reg.sync.runOnce();
    const ops = await reg.must('session.operators', {});
    const hu = ops.find((o) => o.name === 'Hu 胡');
    expect(hu).toMatchObject({ role: 'cashier', active: true });
    expect(await reg.call('session.login', { operatorId: hu?.id ?? 0, pin: '1111' })).toMatchObject({ ok: false, error: { code: 'session.wrong_pin' } });
    expect(await reg.call('session.login', { operatorId: hu?.id ?? 0, pin: '4821' })).toMatchObject({ ok: true });
    expect(await reg.must('settings.get', {})).toMatchObject({ storeName: 'Ringup 总店', receiptFooter: 'HQ footer' });
    // HQ never sent a PIN: no text in the journal holds the PIN, and no entry has a PIN field. (Texts
    // only: a time such as 1796033482186 holds the digits 4821 too.)
    const texts: string[] = [];
    const keys: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') texts.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
      else if (v !== null && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          keys.push(k);
          walk(x);
        }
    };
    for (const payload of reg.db.prepare('SELECT payload FROM journal').pluck().all() as string[]) walk(JSON.parse(payload));
    expect(texts.length).toBeGreaterThan(0);
    expect(texts.filter((t) => t.includes('4821'))).toEqual([]);
    expect(keys.filter((k) => /^pin/i.test(k))).toEqual([]);
  });

  it('an offline register keeps selling at its last prices, then catches up', async () => {
    const reg = await enrolled('D5-R1', 'D5');
    const url = rig.hq.url;
    reg.db.prepare("UPDATE sync_link SET hq_url = 'http://127.0.0.1:1'").run();
    await publish('catalog', catalog({ 'BREAD-01': 900 }), 0, 'D5');
    await reg.sync.runOnce();
    expect(await reg.must('sync.status', {})).toMatchObject({ state: 'retrying', lastError: { code: 'sync.hq_unreachable' }, pendingVersions: 0 });
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: sale.id, code: 'BREAD-01' });
    const view = await reg.must('sale.get', { saleId: sale.id });
    expect(view.totals.totalMinor).toBe(850);
    await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 1000, idempotencyKey: randomUUID().replaceAll('-', '') });
    // The network is back; the backoff has not run out yet, so the owner presses retry.
    reg.db.prepare('UPDATE sync_link SET hq_url = ?').run(url);
    await reg.must('sync.retry', {});
    const status = await reg.must('sync.status', {});
    expect(status).toMatchObject({ state: 'idle', lastError: null, pendingEntries: 0 });
    expect((await reg.must('catalog.lookup', { code: 'BREAD-01' })).priceMinor).toBe(900);
    const held = await rig.hq.pool.query("SELECT total_minor FROM documents WHERE register_id = 'D5-R1'");
    expect(held.rows).toEqual([{ total_minor: 850 }]);
  });
});
