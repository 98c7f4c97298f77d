// Store settings: every change journalled (who, what, from, to), bad values refused with a code
// the screen translates, and the receipt settings reaching the paper (logo as a raster image,
// phone and header lines, print density).
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { buildReceipt, defaultPrinterProfile, encodeReceipt } from '../../main/hardware/printer';
import { documentView } from '../../main/documents/document-view';
import { getSettings } from '../../main/settings/settings';
import { errorCodes } from '../../preload/contract/errors';
import { commandsNamed, tokenizeEscPos } from '../support/escpos-tokenizer';
import { framePng } from '../support/png';
import { CASHIER_PIN, FIXTURE_FLOAT, makeRegister, OWNER_PIN, SUPERVISOR_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import en from '../../assets/locales/en/errors.json';
import zh from '../../assets/locales/zh-CN/errors.json';

const key = () => randomUUID();
const open: TestRegister[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.cleanup();
});

async function asOwner() {
  const reg = makeRegister();
  open.push(reg);
  const staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  return { reg, ...staff };
}

function settingsChanges(reg: TestRegister): unknown[] {
  return (reg.db.prepare("SELECT payload FROM journal WHERE kind = 'settings.changed' ORDER BY seq").all() as { payload: string }[]).map(
    (r) => (JSON.parse(r.payload) as { data: unknown }).data,
  );
}

describe('settings', () => {
  it('journals who changed what from what to what, and nothing when nothing changed', async () => {
    const { reg, ownerId } = await asOwner();
    const before = settingsChanges(reg).length;
    const saved = await reg.must('settings.update', {
      theme: 'dark',
      fontSize: 'large',
      soundOnScan: false,
      screenBrightness: 80,
      storePhone: '021-5555 0000',
    });
    expect(saved).toMatchObject({ theme: 'dark', fontSize: 'large', soundOnScan: false, screenBrightness: 80, storePhone: '021-5555 0000' });
    expect(settingsChanges(reg).slice(before)).toEqual([
      {
        operatorId: ownerId,
        changes: {
          theme: { from: 'light', to: 'dark' },
          fontSize: { from: 'normal', to: 'large' },
          soundOnScan: { from: true, to: false },
          screenBrightness: { from: 100, to: 80 },
          storePhone: { from: '', to: '021-5555 0000' },
        },
      },
    ]);
    await reg.must('settings.update', { theme: 'dark' });
    expect(settingsChanges(reg).length).toBe(before + 1);
  });

  it('refuses bad values with codes that have translations, and changes nothing', async () => {
    const { reg } = await asOwner();
    const before = getSettings(reg.db);
    const refusals = [
      [{ theme: 'neon' }, 'request.invalid_input', 'theme'],
      [{ screenBrightness: 5 }, 'request.invalid_input', 'screenBrightness'],
      [{ fontSize: 'huge' }, 'request.invalid_input', 'fontSize'],
      [{ supervisorDiscountLimitBp: 10_001 }, 'request.invalid_input', 'supervisorDiscountLimitBp'],
      [{ receiptLogoPng: Buffer.from('GIF89a not a png').toString('base64') }, 'settings.logo_invalid', undefined],
      [{ receiptLogoPng: 'not base64 at all!' }, 'settings.logo_invalid', undefined],
      [{ receiptLogoPng: framePng(800, 40).toString('base64') }, 'settings.logo_too_wide', undefined],
      [{ updateFeedUrl: 'ftp://updates.example/ringup' }, 'settings.feed_url_invalid', undefined],
      [{ updateFeedUrl: 'https://user:secret@updates.example/' }, 'settings.feed_url_invalid', undefined],
    ] as const;
    for (const [patch, code, field] of refusals) {
      const r = await reg.call('settings.update', patch as never);
      expect(r, JSON.stringify(patch).slice(0, 60)).toMatchObject({ ok: false, error: { code } });
      if (field && !r.ok) expect(r.error.params.field).toBe(field);
      expect(errorCodes).toContain(code);
      expect(Object.keys(en)).toContain(code);
      expect(Object.keys(zh)).toContain(code);
    }
    expect(getSettings(reg.db)).toEqual(before);
    // Only the owner changes settings.
    await reg.must('session.login', { operatorId: (await reg.must('operator.list', {})).find((o) => o.role === 'cashier')?.id ?? 0, pin: CASHIER_PIN });
    expect(await reg.call('settings.update', { theme: 'dark' })).toMatchObject({ error: { code: 'session.forbidden' } });
  });

  it('prints the logo as a raster image, the phone and header lines; journals the logo by its hash', async () => {
    const { reg, cashierId } = await asOwner();
    const logo = framePng(200, 48).toString('base64');
    await reg.must('settings.update', { receiptLogoPng: logo, storePhone: '021-5555 0000', receiptHeader: '营业时间 8:00-22:00' });
    const change = settingsChanges(reg).at(-1) as { changes: { receiptLogoPng: { from: string; to: string } } };
    expect(change.changes.receiptLogoPng.from).toBe('');
    expect(change.changes.receiptLogoPng.to).toMatch(/^png \d+ bytes sha256:[0-9a-f]{64}$/);

    await reg.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addProduct', { saleId: sale.id, code: '6901234567892' });
    await reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 200, idempotencyKey: 'logo-sale-1' });
    const doc = buildReceipt(documentView(reg.db, sale.id), getSettings(reg.db), { timeZone: 'Asia/Shanghai', duplicateCopy: null });
    const stream = tokenizeEscPos(encodeReceipt(doc, { ...defaultPrinterProfile, density: 3 }));
    expect(stream.images.length).toBeGreaterThan(0);
    expect(stream.images[0]?.widthDots).toBeGreaterThanOrEqual(200);
    expect(stream.lines.join('\n')).toContain('电话：021-5555 0000');
    expect(stream.lines.join('\n')).toContain('营业时间 8:00-22:00');
    // GS ( K function 49 with +3 steps, after the printer was initialised.
    expect(commandsNamed(stream, 'GS ( K').map((c) => c.params)).toContainEqual([49, 3]);
  });

  it('limits discounts per role: a cashier to theirs, a supervisor to theirs, an owner not at all', async () => {
    const { reg, supervisorId, cashierId, ownerId } = await asOwner();
    await reg.must('settings.update', { cashierDiscountLimitBp: 1000, supervisorDiscountLimitBp: 2000 });
    await reg.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
    const sale = await reg.must('sale.current', {});
    const line = (await reg.must('sale.addProduct', { saleId: sale.id, code: '6901234567892' })).lines[0]?.id ?? 0;
    const pct = (bp: number) => ({ kind: 'percent' as const, rateBp: bp });
    expect(await reg.call('sale.setLineDiscount', { saleId: sale.id, lineId: line, discount: pct(1500) })).toMatchObject({
      error: { code: 'sale.discount_needs_supervisor', params: { limitBp: 1000 } },
    });
    await reg.must('sale.setLineDiscount', { saleId: sale.id, lineId: line, discount: pct(1500), approval: { operatorId: supervisorId, pin: SUPERVISOR_PIN } });
    expect(
      await reg.call('sale.setLineDiscount', {
        saleId: sale.id,
        lineId: line,
        discount: pct(2500),
        approval: { operatorId: supervisorId, pin: SUPERVISOR_PIN },
      }),
    ).toMatchObject({ error: { code: 'sale.discount_needs_owner', params: { limitBp: 2000 } } });
    await reg.must('sale.setLineDiscount', { saleId: sale.id, lineId: line, discount: pct(2500), approval: { operatorId: ownerId, pin: OWNER_PIN } });
    await reg.must('session.login', { operatorId: supervisorId, pin: SUPERVISOR_PIN });
    expect(await reg.call('sale.setLineDiscount', { saleId: sale.id, lineId: line, discount: pct(2100) })).toMatchObject({
      error: { code: 'sale.discount_needs_owner' },
    });
  });
});

describe('tax rates', () => {
  it('the owner adds and renames rates, and cannot remove one a product uses', async () => {
    const { reg } = await asOwner();
    expect((await reg.must('catalog.saveTaxRate', { rateBp: 500, label: '5%' })).map((r) => r.rateBp)).toEqual([0, 500, 600, 900, 1300]);
    expect((await reg.must('catalog.saveTaxRate', { rateBp: 500, label: '5% 小规模' })).find((r) => r.rateBp === 500)?.label).toBe('5% 小规模');
    expect(await reg.call('catalog.removeTaxRate', { rateBp: 1300 })).toMatchObject({ error: { code: 'catalog.tax_rate_in_use' } });
    expect((await reg.must('catalog.removeTaxRate', { rateBp: 600 })).map((r) => r.rateBp)).toEqual([0, 500, 900, 1300]);
    const kinds = (reg.db.prepare("SELECT kind FROM journal WHERE kind LIKE 'catalog.tax_rate%' ORDER BY seq").all() as { kind: string }[]).map((k) => k.kind);
    expect(kinds).toEqual(['catalog.tax_rate_saved', 'catalog.tax_rate_saved', 'catalog.tax_rate_removed']);
  });
  it('refuses a new register number while a shift is open or a sale is held, and takes it between shifts', async () => {
    const { reg } = await asOwner();
    const before = settingsChanges(reg).length;
    // A held sale (its lines stay with the old number) and the cashier's shift still open.
    const sale = await reg.must('sale.current', {});
    await reg.must('sale.addCustomLine', { saleId: sale.id, name: '毛巾', qtyMilli: 1000, unitPriceMinor: 1500 });
    await reg.must('sale.hold', { saleId: sale.id });
    const shiftOpen = await reg.dispatch('settings.update', { registerId: 'R2' });
    expect(shiftOpen.ok ? null : shiftOpen.error).toEqual({ code: 'settings.register_id_shift_open', params: { registerId: 'R1' } });

    const shift = await reg.must('shift.current', {});
    const shiftId = shift.shift?.id ?? 0;
    await reg.must('shift.count', { shiftId, counts: FIXTURE_FLOAT, idempotencyKey: 'settings-test-count' });
    await reg.must('shift.close', { shiftId, idempotencyKey: 'settings-test-close' });
    const held = await reg.dispatch('settings.update', { registerId: 'R2' });
    expect(held.ok ? null : held.error).toEqual({ code: 'settings.register_id_sale_open', params: { registerId: 'R1', count: 1 } });
    expect(getSettings(reg.db).registerId).toBe('R1');
    expect(settingsChanges(reg)).toHaveLength(before);
    for (const code of ['settings.register_id_shift_open', 'settings.register_id_sale_open'] as const) {
      expect(en[code], code).toBeTruthy();
      expect(zh[code], code).toBeTruthy();
    }

    await reg.must('sale.recall', { saleId: sale.id });
    await reg.must('sale.cancel', { saleId: sale.id, idempotencyKey: key() });
    expect((await reg.must('settings.update', { registerId: 'R2' })).registerId).toBe('R2');
    expect(settingsChanges(reg)).toHaveLength(before + 1);
  });
});
