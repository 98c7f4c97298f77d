import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, type CallName } from '../../preload/contract';
import { errorCodes } from '../../preload/contract/errors';
import { DEFAULT_FRAUD_THRESHOLDS } from '../../main/fraud/fraud-defaults';
import { ledgerSnapshot } from '../support/ledger-snapshot';
import { makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';

let reg: TestRegister;
let saleId: string;
let lineId: number;
let productId: number;
let cashierId: number;

beforeAll(async () => {
  reg = makeRegister();
  const staff = await withStaff(reg);
  cashierId = staff.cashierId;
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  const sale = await reg.must('sale.current', {});
  saleId = sale.id;
  const withLine = await reg.must('sale.addProduct', { saleId, code: '6901234567892' });
  lineId = withLine.lines[0]?.id ?? 0;
  productId = withLine.lines[0]?.productId ?? 0;
});
afterAll(() => reg.cleanup());

/** A valid input for every call. A call added to the contract without one fails the first test. */
function validInputs(): Record<CallName, Record<string, unknown>> {
  return {
    'session.current': {},
    'setup.createOwner': { name: 'Another owner', pin: '4826' },
    'session.operators': {},
    'session.login': { operatorId: cashierId, pin: '1357' },
    'session.logout': {},
    'session.loginNumber': { number: 3, pin: '1357' },
    'session.loginBadge': { code: 'B3-ABCDEFGHJKLMNPQR', pin: '1357' },
    'operator.issueBadge': { operatorId: cashierId, print: false },
    'operator.revokeBadge': { operatorId: cashierId },
    'operator.create': { name: 'New cashier', pin: '4826', role: 'cashier' },
    'operator.unlock': { operatorId: cashierId },
    'operator.list': {},
    'catalog.search': { query: '水' },
    'catalog.lookup': { code: '6901234567892' },
    'catalog.get': { productId },
    'catalog.importCsv': { csv: 'sku,barcode,name_zh,name_en,price,tax_rate\nX-1,,测试,Test,1.00,13%\n' },
    'catalog.taxRates': {},
    'catalog.exportCsv': {},
    'catalog.importDemo': {},
    'catalog.saveTaxRate': { rateBp: 500, label: '5%' },
    'catalog.removeTaxRate': { rateBp: 600 },
    'catalog.list': { query: 'shui', categoryId: 1, includeInactive: true, offset: 0, limit: 20 },
    'catalog.detail': { productId },
    // Barcode lists are left out: an empty list is a valid one, which the generated bad values assume it is not.
    'catalog.createProduct': { sku: 'NEW-1', nameZh: '新品', nameEn: 'New', priceMinor: 100, taxRateBp: 1300 },
    'catalog.updateProduct': {
      productId,
      sku: 'WATER-550',
      nameZh: '水',
      nameEn: 'Water',
      taxRateBp: 900,
      priceMinor: 250,
      priceEffectiveAt: 1_900_000_000_000,
    },
    'catalog.setActive': { productId, active: false },
    'catalog.priceHistory': { productId },
    'catalog.categories': { includeInactive: true },
    'catalog.saveCategory': { categoryId: 1, nameZh: '饮料', nameEn: 'Drinks', active: true },
    'sale.current': {},
    'sale.get': { saleId },
    'sale.byReceipt': { receiptNo: 1 },
    'sale.addProduct': { saleId, code: '6901234567892', qtyMilli: 1000 },
    'sale.addCustomLine': { saleId, name: '手工', qtyMilli: 1000, unitPriceMinor: 100 },
    'sale.setQty': { saleId, lineId, qtyMilli: 2000 },
    'sale.removeLine': { saleId, lineId },
    'sale.setLineDiscount': { saleId, lineId, discount: { kind: 'amount', amountMinor: 10 } },
    'sale.setOrderDiscount': { saleId, discount: { kind: 'percent', rateBp: 100 } },
    'sale.setNote': { saleId, note: 'n' },
    'sale.tenderCash': { saleId, tenderedMinor: 100, idempotencyKey: 'key-valid-1' },
    'sale.complete': { saleId, idempotencyKey: 'key-valid-2' },
    'sale.cancel': { saleId, approval: { operatorId: cashierId, pin: '1357' } },
    'sale.hold': { saleId },
    'sale.recall': { saleId },
    'sale.heldList': {},
    'settings.get': {},
    'settings.update': { storeName: 'S' },
    'journal.verify': {},
    'printer.getConfig': {},
    'printer.setConfig': {
      enabled: false,
      transport: null,
      profile: {
        paper: '58mm',
        encoding: 'gb18030',
        kanjiMode: true,
        qr: 'native',
        qrCell: 4,
        cut: true,
        commandSet: 'escpos',
        drawer: { pin: 0, onMs: 50, offMs: 500, openLevel: 'high' },
      },
      timeZone: 'Asia/Shanghai',
    },
    'printer.testPage': { transport: { kind: 'file', path: '/dev/null' } },
    'printer.jobs': {},
    'printer.retryJob': { jobId: 1 },
    'printer.cancelJob': { jobId: 1 },
    'hardware.status': {},
    'receipt.preview': { saleId },
    'receipt.reprint': { saleId },
    'drawer.open': { reason: 'change for the float' },
    'card.pay': { saleId, idempotencyKey: 'key-valid-card' },
    'card.abort': { saleId },
    'card.confirmSignature': { saleId },
    'card.unresolved': {},
    'card.resolve': { intentId: 1, outcome: 'declined', authCode: 'A1', idempotencyKey: 'key-valid-resolve' },
    'terminal.getConfig': {},
    'terminal.setConfig': { config: { kind: 'tcp', host: '127.0.0.1', port: 1 } },
    'terminal.endOfDay': {},
    'terminal.batches': { businessDay: '2026-01-31' },
    'refund.find': { code: 'R1-000001' },
    'refund.todaysSales': {},
    'refund.preview': { saleId, lines: [{ lineId, qtyMilli: 1000, restock: true }] },
    'refund.previewWithoutReceipt': { lines: [{ name: '退货', qtyMilli: 1000, unitPriceMinor: 200, taxRateBp: 1300, restock: true }] },
    'refund.withReceipt': { saleId, lines: [{ lineId, qtyMilli: 1000, restock: true }], reason: 'defective', idempotencyKey: 'key-valid-refund' },
    'refund.priceAdjustment': { saleId, lineId, amountMinor: 50, reason: 'wrong_price', idempotencyKey: 'key-valid-adjust' },
    'refund.withoutReceipt': {
      lines: [{ name: '退货', qtyMilli: 1000, unitPriceMinor: 200, taxRateBp: 1300, restock: true }],
      reason: 'not_wanted',
      idempotencyKey: 'key-valid-norcpt',
    },
    'void.sale': { saleId, reason: 'cashier_error', idempotencyKey: 'key-valid-void' },
    'documents.list': { businessDay: '2026-01-31', kind: 'sale', limit: 10 },
    'scanpay.pay': { saleId, code: '134567890123456789', provider: 'wechat', amountMinor: 100, idempotencyKey: 'key-valid-scan' },
    'scanpay.cancel': { saleId },
    'scanpay.attempts': { saleId },
    'payment.progress': { saleId },
    'scanpay.providers': {},
    'scanpay.settling': {},
    'scanpay.getConfig': {},
    'scanpay.setConfig': {
      settings: {
        provider: 'wechat',
        appId: 'wxd930ea5d5a258f4f',
        mchId: '10000100',
        signType: 'HMAC-SHA256',
        gateway: 'http://127.0.0.1:1',
        apiKey: 'a'.repeat(32),
      },
    },
    'backup.status': {},
    'backup.getConfig': {},
    'backup.setConfig': { folder: '/media/usb/ringup', scheduleAt: '21:30', keep: 14 },
    'backup.run': { from: '2026-01-01', to: '2026-01-31' },
    'backup.list': { folder: '/media/usb/ringup' },
    'backup.verify': { file: '/media/usb/ringup/bundle.zip' },
    'backup.restore': { file: '/media/usb/ringup/bundle.zip', confirm: 'RESTORE', asMove: false },
    'setup.verifyBackup': { file: '/media/usb/ringup/bundle.zip' },
    'setup.restoreBackup': { file: '/media/usb/ringup/bundle.zip', confirm: 'RESTORE', asMove: true },
    'ledger.selfCheck': {},
    'ledger.fullCheck': {},
    'shift.current': {},
    'shift.open': { float: { kind: 'counted', counts: [{ denominationMinor: 10000, count: 2 }] }, idempotencyKey: 'key-valid-shift' },
    'cash.move': { kind: 'paid_out', amountMinor: 500, reason: '买冰块', idempotencyKey: 'key-valid-move' },
    'shift.count': { shiftId: 1, counts: [{ denominationMinor: 5000, count: 3 }], idempotencyKey: 'key-valid-count' },
    'shift.close': { shiftId: 1, idempotencyKey: 'key-valid-close' },
    'report.x': { scope: 'shift' },
    'report.printX': { scope: 'day' },
    'dayClose.status': {},
    'dayClose.close': {
      businessDay: '2026-01-31',
      forceClose: [{ shiftId: 1, reason: 'cashier left' }],
      terminalSkipReason: 'terminal broken',
      idempotencyKey: 'key-valid-z',
    },
    'zReport.list': { limit: 5 },
    'zReport.get': { zNo: 1 },
    'zReport.reprint': { zNo: 1 },
    'report.summary': { from: '2026-01-01', to: '2026-01-31' },
    'selfcheck.run': {},
    'selfcheck.scannerSeen': { code: 'RT0000000001' },
    'app.about': {},
    'updates.check': {},
    'updates.install': {},
    'sync.status': {},
    'sync.enrol': { hqUrl: 'http://127.0.0.1:1', code: 'ABCD-EFGH-JKLM' },
    'sync.retry': {},
    'sync.hqOverview': { day: '2026-01-01' },
    'fraud.alerts': { filter: 'open' },
    'fraud.acknowledge': { alertId: 1, note: 'checked' },
    'fraud.settings': {},
    'fraud.updateSettings': { thresholds: DEFAULT_FRAUD_THRESHOLDS },
    'report.sales': { from: '2026-01-01', to: '2026-01-31', groupBy: 'week', registerId: 'R1', top: 5 },
    'exchange.preview': { saleId, originalSaleId: '0f0e0d0c-0b0a-4908-8706-050403020100', lines: [{ lineId, qtyMilli: 1000, restock: true }] },
    'exchange.complete': {
      saleId,
      originalSaleId: '0f0e0d0c-0b0a-4908-8706-050403020100',
      lines: [{ lineId, qtyMilli: 1000, restock: true }],
      reason: 'wrong_item',
      tenderedMinor: 500,
      idempotencyKey: 'key-valid-exchange',
    },
    'exchange.begin': {
      saleId,
      originalSaleId: '0f0e0d0c-0b0a-4908-8706-050403020100',
      lines: [{ lineId, qtyMilli: 1000, restock: true }],
      reason: 'wrong_item',
      idempotencyKey: 'key-valid-exchange-begin',
    },
    'exchange.abandon': { saleId },
    'journal.list': { fromAt: 0, kinds: ['sale.completed'], operatorId: 1, limit: 10 },
    'journal.verifyStep': { fromSeq: 1, prevHash: '0'.repeat(64), max: 100 },
    'training.status': {},
    'training.set': { target: 'operator', operatorId: 1, on: false },
    'display.current': {},
  } satisfies Record<CallName, Record<string, unknown>>;
}

/** Values no field of the contract accepts, by the type of the valid value they replace. */
function badValuesFor(value: unknown): unknown[] {
  if (typeof value === 'number') return [-1, 1.5, 1e16, '7', null, true, Number.NaN];
  if (typeof value === 'string') return [123, null, 'x'.repeat(3_000_000), {}, ['a']];
  if (typeof value === 'boolean') return ['true', 1];
  if (value && typeof value === 'object') return ['{}', 5, []];
  return [];
}

function leafPaths(value: unknown, prefix: string[] = []): string[][] {
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => [[...prefix, k], ...leafPaths(v, [...prefix, k])]);
  }
  return [];
}

function withValue(input: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const copy = structuredClone(input);
  let node: Record<string, unknown> = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Record<string, unknown>;
  const last = path[path.length - 1] ?? '';
  if (value === undefined) delete node[last];
  else node[last] = value;
  return copy;
}

describe('the router refuses bad input with a coded error and changes nothing', () => {
  it('has a valid sample for every call in the contract', () => {
    expect(Object.keys(validInputs()).sort()).toEqual(Object.keys(calls).sort());
  });

  it('refuses non-object inputs, unknown keys and unknown calls', async () => {
    const before = ledgerSnapshot(reg.db);
    for (const name of Object.keys(calls) as CallName[]) {
      for (const input of [null, 42, 'x', [], undefined]) {
        const r = await reg.dispatch(name, input);
        expect(r, `${name} with ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code: 'request.invalid_input' } });
      }
      const extra = await reg.dispatch(name, { ...validInputs()[name], sneaky: 1 });
      expect(extra, `${name} with an extra key`).toMatchObject({ ok: false, error: { code: 'request.invalid_input' } });
    }
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'sale.addLine', '', 7, null]) {
      expect(await reg.dispatch(name, {})).toMatchObject({ ok: false, error: { code: 'request.unknown_call' } });
    }
    expect(ledgerSnapshot(reg.db)).toBe(before);
  });

  it('refuses wrong types, negative, non-integer, absurd and oversize values in every field', async () => {
    const before = ledgerSnapshot(reg.db);
    const samples = validInputs();
    let checked = 0;
    for (const name of Object.keys(samples) as CallName[]) {
      const input = samples[name];
      for (const path of leafPaths(input)) {
        let valid: unknown = input;
        for (const key of path) valid = (valid as Record<string, unknown>)[key];
        for (const bad of badValuesFor(valid)) {
          const r = await reg.dispatch(name, withValue(input, path, bad));
          expect(r.ok, `${name}.${path.join('.')} = ${String(bad).slice(0, 20)}`).toBe(false);
          if (!r.ok) expect(r.error.code).toBe('request.invalid_input');
          checked++;
        }
        // A missing field is refused unless the contract marks it optional.
        const missing = withValue(input, path, undefined);
        if (!calls[name].input.safeParse(missing).success) {
          expect(await reg.dispatch(name, missing)).toMatchObject({ ok: false, error: { code: 'request.invalid_input' } });
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
    expect(ledgerSnapshot(reg.db)).toBe(before);
  });

  it('refuses unknown ids with their own code, not an internal error', async () => {
    const before = ledgerSnapshot(reg.db);
    const unknownSale = '3f1e4c1a-0000-4000-8000-000000000000';
    const cases: [CallName, Record<string, unknown>, string][] = [
      ['sale.get', { saleId: unknownSale }, 'sale.not_found'],
      ['sale.addProduct', { saleId: unknownSale, code: '6901234567892' }, 'sale.not_found'],
      ['sale.addProduct', { saleId, code: 'NO-SUCH-CODE' }, 'catalog.product_not_found'],
      ['sale.addProduct', { saleId, productId: 999_999 }, 'catalog.product_not_found'],
      ['sale.setQty', { saleId, lineId: 999_999, qtyMilli: 1000 }, 'sale.line_not_found'],
      ['sale.removeLine', { saleId, lineId: 999_999 }, 'sale.line_not_found'],
      ['sale.setLineDiscount', { saleId, lineId: 999_999, discount: null }, 'sale.line_not_found'],
      ['sale.tenderCash', { saleId: unknownSale, tenderedMinor: 100, idempotencyKey: 'key-unknown-1' }, 'sale.not_found'],
      ['sale.byReceipt', { receiptNo: 424242 }, 'receipt.not_found'],
      ['catalog.get', { productId: 999_999 }, 'catalog.product_not_found'],
      ['catalog.lookup', { code: 'nope' }, 'catalog.product_not_found'],
      ['operator.unlock', { operatorId: 999_999 }, 'operator.not_found'],
      ['session.login', { operatorId: 999_999, pin: '4826' }, 'operator.not_found'],
      ['shift.count', { shiftId: 999_999, counts: [{ denominationMinor: 100, count: 1 }], idempotencyKey: 'key-unknown-shift' }, 'shift.not_found'],
      ['shift.close', { shiftId: 999_999, idempotencyKey: 'key-unknown-close' }, 'shift.not_found'],
      ['shift.count', { shiftId: 1, counts: [{ denominationMinor: 333, count: 1 }], idempotencyKey: 'key-bad-denomination' }, 'shift.unknown_denomination'],
      ['zReport.get', { zNo: 999 }, 'zReport.not_found'],
      ['zReport.reprint', { zNo: 999 }, 'zReport.not_found'],
    ];
    for (const [name, input, code] of cases) {
      expect(await reg.dispatch(name, input), `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code } });
    }
    // Logging in as someone else changes the session, never the ledger; log the owner back in.
    expect(ledgerSnapshot(reg.db)).toBe(before);
  });

  it('answers only with codes the UI can translate, and never leaks internals', () => {
    for (const line of reg.log.lines) expect(line).not.toMatch(/at .*\.ts/);
    expect(errorCodes).toContain('internal');
  });

  it('turns an unexpected failure into "internal" without SQL or stack, and logs it', async () => {
    const before = reg.log.lines.length;
    reg.db.exec('ALTER TABLE products RENAME TO products_gone');
    try {
      const r = await reg.dispatch('catalog.search', { query: 'x' });
      expect(r).toEqual({ ok: false, error: { code: 'internal', params: {} } });
      expect(reg.log.lines.length).toBe(before + 1);
      expect(reg.log.lines.at(-1)).toMatch(/catalog\.search/);
    } finally {
      reg.db.exec('ALTER TABLE products_gone RENAME TO products');
    }
  });
});
