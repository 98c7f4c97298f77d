import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calls, type CallName } from '../../preload/contract';
import { errorCodes } from '../../preload/contract/errors';
import { ledgerSnapshot } from '../support/ledger-snapshot';
import { CASHIER_PIN, FIXTURE_FLOAT, makeRegister, openShift, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { otherRegisterIds, unknownCorrectionIds } from '../support/router-id-cases';
import { validInputsFor } from '../support/router-valid-inputs';

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

/** A valid input for every call, naming this register's sale, line, product and cashier. */
function validInputs(): Record<CallName, Record<string, unknown>> {
  return validInputsFor({ saleId, lineId, productId, cashierId });
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
      ...unknownCorrectionIds(saleId, lineId),
    ];
    for (const [name, input, code] of cases) {
      expect(await reg.dispatch(name, input), `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code } });
    }
    // Logging in as someone else changes the session, never the ledger; log the owner back in.
    expect(ledgerSnapshot(reg.db)).toBe(before);
  });

  it('refuses a sale of another register, by id or by receipt code, in every correction, and lists none of its documents', async () => {
    // A till renamed between shifts (R1 to R2) still holds R1's completed sale: not this register's to correct.
    const other = makeRegister();
    try {
      const staff = await withStaff(other);
      const sold = await other.must('sale.current', {});
      const withLine = await other.must('sale.addProduct', { saleId: sold.id, code: '6901234567892' });
      await other.must('sale.tenderCash', { saleId: sold.id, tenderedMinor: 200, idempotencyKey: 'key-other-sale' });
      const shiftId = (await other.must('shift.current', {})).shift?.id ?? 0;
      await other.must('shift.count', { shiftId, counts: FIXTURE_FLOAT, idempotencyKey: 'key-other-count' });
      await other.must('shift.close', { shiftId, idempotencyKey: 'key-other-close' });
      await other.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
      await other.must('settings.update', { registerId: 'R2' });
      await other.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
      await openShift(other);
      const next = await other.must('sale.current', {});
      await other.must('sale.addProduct', { saleId: next.id, code: '6901234567892' });
      const before = ledgerSnapshot(other.db);
      const ids = { saleId: next.id, otherSaleId: sold.id, otherLineId: withLine.lines[0]?.id ?? 0, otherRegisterId: 'R1' };
      for (const [name, input, code] of otherRegisterIds(ids)) {
        expect(await other.dispatch(name, input), `${name} ${JSON.stringify(input)}`).toMatchObject({ ok: false, error: { code } });
      }
      expect(ledgerSnapshot(other.db)).toBe(before);
      await other.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
      expect(await other.must('documents.list', { receiptNo: 1 })).toEqual([]);
      expect(await other.must('documents.list', {})).toEqual([]);
    } finally {
      other.cleanup();
    }
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
