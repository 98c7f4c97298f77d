import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, type CallName } from '../../preload/contract';
import type { Role } from '../../preload/contract/primitives';
import { DEFAULT_FRAUD_THRESHOLDS } from '../../main/fraud/fraud-defaults';
import { defaultPrinterProfile } from '../../main/hardware/printer/printer-profile';
import { CASHIER_PIN, makeRegister, OWNER_PIN, SUPERVISOR_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { leastRole } from '../support/call-roles';

const rank = { cashier: 1, supervisor: 2, owner: 3 } as const;

let reg: TestRegister;
let staff: Awaited<ReturnType<typeof withStaff>>;
let saleId: string;

beforeAll(async () => {
  reg = makeRegister();
  staff = await withStaff(reg);
  saleId = (await reg.must('sale.current', {})).id;
});
afterAll(() => reg.cleanup());

function inputFor(name: CallName, n: number): Record<string, unknown> {
  // Inputs that pass validation, so only the role decides; unique per attempt where a key matters.
  const inputs: Partial<Record<CallName, Record<string, unknown>>> = {
    'setup.createOwner': { name: `Owner ${n}`, pin: '4826' },
    'session.login': { operatorId: 999_999, pin: '4826' },
    'operator.create': { name: `Op ${n}`, pin: '4826', role: 'cashier' },
    'operator.unlock': { operatorId: staff.cashierId },
    'session.loginNumber': { number: 999_999, pin: '4826' },
    'session.loginBadge': { code: 'B999999-AAAAAAAAAAAAAAAA' },
    'operator.issueBadge': { operatorId: staff.cashierId, print: false },
    'operator.revokeBadge': { operatorId: staff.cashierId },
    // No such operator: the owner is let through and finds nobody, so the staff the loop logs in stay as they are.
    'operator.setActive': { operatorId: 999_999, active: false },
    'operator.resetPin': { operatorId: 999_999, pin: '4826' },
    'operator.setRole': { operatorId: 999_999, role: 'owner' },
    'catalog.search': { query: 'a' },
    'catalog.lookup': { code: '6901234567892' },
    'catalog.get': { productId: 1 },
    'catalog.importCsv': { csv: 'sku,barcode,name_zh,name_en,price,tax_rate\nA-1,,甲,A,1.00,13%\n' },
    'catalog.detail': { productId: 1 },
    'selfcheck.scannerSeen': { code: 'RT0000000000' },
    'catalog.saveTaxRate': { rateBp: 500, label: '5%' },
    'catalog.removeTaxRate': { rateBp: 600 },
    'catalog.createProduct': { sku: `NEW-${n}`, nameZh: '新品', nameEn: '', priceMinor: 100, taxRateBp: 1300 },
    'catalog.updateProduct': { productId: 1, nameEn: `Water ${n}` },
    'catalog.setActive': { productId: 1, active: true },
    'catalog.priceHistory': { productId: 1 },
    'catalog.saveCategory': { nameZh: `类${n}`, nameEn: '' },
    'sale.get': { saleId },
    'sale.byReceipt': { receiptNo: 1 },
    'sale.addProduct': { saleId, code: '6901234567892' },
    'sale.addCustomLine': { saleId, name: 'x', qtyMilli: 1000, unitPriceMinor: 1 },
    'sale.setQty': { saleId, lineId: 1, qtyMilli: 1000 },
    'sale.removeLine': { saleId, lineId: 999 },
    'sale.setLineDiscount': { saleId, lineId: 999, discount: null },
    'sale.setOrderDiscount': { saleId, discount: null },
    'sale.overridePrice': { saleId, lineId: 999, unitPriceMinor: 1, reason: 'other' },
    'sale.setNote': { saleId, note: '' },
    'sale.tenderCash': { saleId, tenderedMinor: 1, idempotencyKey: `access-${n}` },
    'sale.complete': { saleId, idempotencyKey: `access-c-${n}` },
    // A sale that does not exist: only the role may decide, and the test's own sale stays on the counter.
    'sale.cancel': { saleId: '00000000-0000-4000-8000-000000000000', idempotencyKey: `access-x-${n}` },
    'sale.hold': { saleId: '00000000-0000-4000-8000-000000000000' },
    'sale.recall': { saleId: '00000000-0000-4000-8000-000000000000' },
    'sale.dismissCompletion': { documentId: saleId },
    'settings.update': { receiptFooter: `f${n}` },
    'printer.setConfig': {
      enabled: false,
      transport: null,
      profile: defaultPrinterProfile,
      timeZone: 'UTC',
    },
    'printer.testPage': {},
    'printer.retryJob': { jobId: 999 },
    'printer.cancelJob': { jobId: 999 },
    'receipt.preview': { receiptNo: 1 },
    'receipt.reprint': { saleId },
    'drawer.open': { reason: `float ${n}` },
    'card.pay': { saleId, idempotencyKey: `access-card-${n}` },
    'card.abort': { saleId },
    'card.confirmSignature': { saleId },
    'card.resolve': { intentId: 999, outcome: 'declined', idempotencyKey: `access-resolve-${n}` },
    'terminal.setConfig': { config: { kind: 'none' } },
    'refund.find': { code: '1' },
    'refund.preview': { saleId, lines: [{ lineId: 1, qtyMilli: 1000, restock: true }] },
    'refund.previewWithoutReceipt': { lines: [{ name: 'x', qtyMilli: 1000, unitPriceMinor: 1, taxRateBp: 0, restock: false }] },
    'refund.withReceipt': { saleId, lines: [{ lineId: 1, qtyMilli: 1000, restock: true }], reason: 'defective', idempotencyKey: `access-r-${n}` },
    'refund.priceAdjustment': { saleId, lineId: 1, amountMinor: 1, reason: 'wrong_price', idempotencyKey: `access-a-${n}` },
    'refund.withoutReceipt': {
      lines: [{ name: 'x', qtyMilli: 1000, unitPriceMinor: 1, taxRateBp: 0, restock: false }],
      reason: 'other',
      idempotencyKey: `access-w-${n}`,
    },
    'void.sale': { saleId, reason: 'other', idempotencyKey: `access-v-${n}` },
    'exchange.preview': { saleId, originalSaleId: saleId, lines: [{ lineId: 1, qtyMilli: 1000, restock: true }] },
    'exchange.complete': {
      saleId,
      originalSaleId: saleId,
      lines: [{ lineId: 1, qtyMilli: 1000, restock: true }],
      reason: 'other',
      idempotencyKey: `access-x-${n}`,
    },
    'exchange.begin': {
      saleId,
      originalSaleId: saleId,
      lines: [{ lineId: 1, qtyMilli: 1000, restock: true }],
      reason: 'other',
      idempotencyKey: `access-xb-${n}`,
    },
    'exchange.toCard': {
      saleId,
      originalSaleId: saleId,
      lines: [{ lineId: 1, qtyMilli: 1000, restock: true }],
      reason: 'other',
      idempotencyKey: `access-xc-${n}`,
    },
    'exchange.abandon': { saleId },
    'scanpay.pay': { saleId, code: '134567890123456789', idempotencyKey: `access-scan-${n}` },
    'scanpay.cancel': { saleId },
    'scanpay.attempts': { saleId },
    'payment.progress': { saleId },
    'payment.giveBackProgress': { saleId },
    'refund.parts': { correctionId: saleId },
    'refund.retryPart': { correctionId: saleId, paymentId: 1, idempotencyKey: `access-rp-${n}` },
    'refund.partInCash': { correctionId: saleId, paymentId: 1, idempotencyKey: `access-pc-${n}` },
    'exchange.ofSale': { saleId },
    'exchange.keepDraft': { saleId, originalSaleId: saleId, lines: [{ lineId: 1, qtyMilli: 1000, restock: true }], reason: 'wrong_item' },
    'exchange.dropDraft': { saleId },
    'exchange.draftOf': { saleId },
    'scanpay.setConfig': { remove: 'alipay' },
    'backup.setConfig': { keep: 30 },
    'backup.verify': { file: '/nonexistent/ringup-R1-2026-01-01-20260101T000000Z.zip' },
    'backup.restore': { file: '/nonexistent/ringup-R1-2026-01-01-20260101T000000Z.zip', confirm: 'RESTORE' },
    'setup.verifyBackup': { file: '/nonexistent/bundle.zip' },
    'setup.restoreBackup': { file: '/nonexistent/bundle.zip', confirm: 'RESTORE' },
    // The fixture's shift is open, so opening one is refused (not denied); counting names a shift that is not this one.
    'shift.open': { float: { kind: 'counted', counts: [{ denominationMinor: 100, count: 1 }] }, idempotencyKey: `access-so-${n}` },
    'cash.move': { kind: 'paid_in', amountMinor: 1, reason: 'change', idempotencyKey: `access-cm-${n}` },
    'shift.count': { shiftId: 999, counts: [{ denominationMinor: 100, count: 1 }], idempotencyKey: `access-sc-${n}` },
    'shift.close': { shiftId: 999, idempotencyKey: `access-sx-${n}` },
    'report.x': { scope: 'day' },
    'report.printX': { scope: 'day' },
    // A day that is not the one to close: refused after authorization, so nothing closes.
    'dayClose.close': { businessDay: '2000-01-01', idempotencyKey: `access-z-${n}` },
    'zReport.get': { zNo: 1 },
    'zReport.reprint': { zNo: 1 },
    'report.summary': { from: '2026-01-01', to: '2026-12-31' },
    // Nothing listens on port 1: the owner's enrolment is let through and finds no HQ.
    'sync.enrol': { hqUrl: 'http://127.0.0.1:1', code: 'ABCD-EFGH-JKLM' },
    'sync.hqOverview': { day: '2026-01-01' },
    'fraud.acknowledge': { alertId: 1, note: 'checked' },
    'fraud.updateSettings': { thresholds: DEFAULT_FRAUD_THRESHOLDS },
    'report.sales': { from: '2026-01-01', to: '2026-01-31', groupBy: 'day' },
    'journal.verifyStep': { fromSeq: 1, prevHash: '0'.repeat(64) },
    'training.set': { target: 'register', on: false },
  };
  return inputs[name] ?? {};
}

async function loginAs(who: 'nobody' | Role): Promise<void> {
  await reg.must('session.logout', {});
  if (who === 'cashier') await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
  if (who === 'supervisor') await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
  if (who === 'owner') await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
}

describe('authorization for every call and role', () => {
  it('covers every call', () => {
    expect(Object.keys(leastRole).sort()).toEqual(Object.keys(calls).sort());
  });

  for (const who of ['nobody', 'cashier', 'supervisor', 'owner'] as const) {
    it(`lets ${who} make exactly the calls their role allows`, async () => {
      let n = 0;
      for (const name of Object.keys(leastRole) as CallName[]) {
        await loginAs(who);
        const needed = leastRole[name];
        const result = await reg.dispatch(name, inputFor(name, n++));
        const code = result.ok ? null : result.error.code;
        const deniedCodes = ['session.not_logged_in', 'session.forbidden'];
        if (needed === 'public') {
          expect(deniedCodes, `${who} → ${name}`).not.toContain(code);
        } else if (needed === 'setup') {
          // The register already has an owner: setup is closed to everyone.
          expect(code, `${who} → ${name}`).toBe('setup.already_done');
        } else if (who === 'nobody') {
          expect(code, `${who} → ${name}`).toBe('session.not_logged_in');
        } else if (rank[who] >= rank[needed]) {
          expect(deniedCodes, `${who} → ${name} (${JSON.stringify(result)})`).not.toContain(code);
        } else {
          expect(code, `${who} → ${name}`).toBe('session.forbidden');
        }
      }
      // Every call logs in afresh (a scrypt PIN check each): some 90 calls take half a minute on a busy 2-core machine.
    }, 180_000);
  }
});
