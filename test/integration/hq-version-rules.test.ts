// Versions down: the later-published version of a kind wins from its moment on (an earlier
// published one due later no longer overwrites the owner's correction), and a register that still
// gets something it cannot apply (from an HQ older than the publish-time checks) says so in its
// HQ upload status instead of dropping it silently.
import { describe, expect, it } from 'vitest';
import { DEMO_CATALOG_CSV } from '../../main/catalog/demo-catalog';
import { makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { useHqRig } from '../support/use-hq-rig';

const hq = useHqRig();
const registers = hq.registers;

function catalog(prices: Record<string, number> = {}) {
  const rows = DEMO_CATALOG_CSV.trim().split('\n').slice(1);
  return {
    taxRates: [
      { rateBp: 900, label: '9%' },
      { rateBp: 1300, label: '13%' },
    ],
    products: rows.map((line) => {
      const [sku = '', barcode, nameZh, nameEn, price = '0', rate = '0%'] = line.split(',');
      return {
        sku,
        barcode: barcode || null,
        nameZh: nameZh || null,
        nameEn: nameEn || null,
        priceMinor: prices[sku] ?? Math.round(Number(price) * 100),
        taxRateBp: Number(rate.replace('%', '')) * 100,
      };
    }),
  };
}

async function publish(kind: 'catalog' | 'settings', body: unknown, effectiveAt: number, shopId: string) {
  const r = await hq.rig.admin<{ version: number; supersedes: number[] }>('POST', '/api/admin/versions', { kind, shopId, effectiveAt, body });
  if (!r.body.ok) throw new Error(JSON.stringify(r.body));
  return r.body.value;
}

async function enrolled(id: string, shopId: string): Promise<TestRegister> {
  const reg = makeRegister({ sync: { auto: false } });
  registers.push(reg);
  const staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  await hq.rig.enrol(reg, id, shopId);
  return reg;
}

async function waitUntil(moment: number): Promise<void> {
  while (Date.now() <= moment) await new Promise((r) => setTimeout(r, Math.max(1, moment - Date.now() + 1)));
}

const price = async (reg: TestRegister) => (await reg.must('catalog.lookup', { code: '6901234567892' })).priceMinor;

describe('which version wins', () => {
  it('a correction published later with an earlier moment is not overwritten when the older version comes due', async () => {
    const reg = await enrolled('V1-R1', 'V1');
    const t0 = Date.now();
    const v1 = await publish('catalog', catalog({ 'WATER-550': 260 }), t0 + 2500, 'V1');
    const s1 = await publish('settings', { settings: { storeName: '旧名', receiptFooter: '欢迎光临' } }, t0 + 2500, 'V1');
    const v2 = await publish('catalog', catalog({ 'WATER-550': 250 }), t0 + 800, 'V1');
    const s2 = await publish('settings', { settings: { storeName: '新名' } }, t0 + 800, 'V1');
    // HQ tells the owner which pending versions the correction replaces.
    expect(v2.supersedes).toEqual([v1.version]);
    expect(s2.supersedes).toEqual([s1.version]);
    await reg.sync.runOnce();
    await waitUntil(t0 + 800);
    await reg.sync.runOnce();
    expect(await price(reg)).toBe(250);
    await waitUntil(t0 + 2500);
    await reg.sync.runOnce();
    expect(await reg.must('sync.status', {})).toMatchObject({ pendingVersions: 0 });
    expect(await price(reg)).toBe(250);
    // The older settings version still sets what the correction did not say.
    expect(await reg.must('settings.get', {})).toMatchObject({ storeName: '新名', receiptFooter: '欢迎光临' });
    const applied = (reg.db.prepare("SELECT payload FROM journal WHERE kind = 'sync.version_applied' ORDER BY seq").all() as { payload: string }[]).map(
      (a) => (JSON.parse(a.payload) as { data: { version: number; supersededBy?: number; items: number } }).data,
    );
    expect(applied.find((a) => a.version === v1.version)).toMatchObject({ items: 0, supersededBy: v2.version });
    expect(applied.find((a) => a.version === s1.version)).toMatchObject({ items: 1, supersededBy: s2.version });
  });
});

describe('what a register cannot apply is never dropped silently', () => {
  it('a catalog with a product at an unknown rate or without a name, and a settings version with a wrong time zone, from an older HQ', async () => {
    const reg = await enrolled('V2-R1', 'V2');
    // An HQ before the publish-time checks stored these as they came.
    const body = catalog();
    body.products.push(
      { sku: 'TEA-7', barcode: null, nameZh: '七茶', nameEn: null, priceMinor: 700, taxRateBp: 700 },
      { sku: 'NONAME', barcode: null, nameZh: null, nameEn: null, priceMinor: 100, taxRateBp: 1300 },
    );
    const insert = 'INSERT INTO down_versions (shop_id, kind, effective_at, body, created_at) VALUES ($1, $2, 0, $3, 0) RETURNING version';
    const c = await hq.rig.hq.pool.query<{ version: number }>(insert, ['V2', 'catalog', JSON.stringify(body)]);
    const s = await hq.rig.hq.pool.query<{ version: number }>(insert, [
      'V2',
      'settings',
      JSON.stringify({ settings: { timeZone: 'Asia/Shanghia', storeName: '淮海路店' } }),
    ]);
    await reg.sync.runOnce();
    expect(await price(reg)).toBe(200);
    expect(await reg.must('settings.get', {})).toMatchObject({ storeName: '淮海路店', timeZone: 'UTC' });
    const status = await reg.must('sync.status', {});
    expect(status.skippedInVersions).toEqual([
      {
        version: s.rows[0]?.version,
        kind: 'settings',
        appliedAt: expect.any(Number) as number,
        skipped: [{ field: 'body.settings.timeZone', item: 'timeZone', why: 'invalid_setting' }],
      },
      {
        version: c.rows[0]?.version,
        kind: 'catalog',
        appliedAt: expect.any(Number) as number,
        skipped: [
          { field: `body.products.${body.products.length - 2}.taxRateBp`, item: 'TEA-7', why: 'unknown_tax_rate' },
          { field: `body.products.${body.products.length - 1}.nameZh`, item: 'NONAME', why: 'no_name' },
        ],
      },
    ]);
  });
});
