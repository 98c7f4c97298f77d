// Scan-to-pay end to end through the register: every scripted case of the simulator, for WeChat
// Pay and Alipay, from the scan to what the ledger and the provider's books hold afterwards.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statSync, chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { verifyJournal } from '../../main/ledger/journal';
import { scanRig, saleOf, key, wechatCode, alipayCode, until } from '../support/scan-rig';
import { OWNER_PIN, CASHIER_PIN } from '../support/register-fixture';

let rig: Awaited<ReturnType<typeof scanRig>>;
beforeAll(async () => {
  rig = await scanRig();
});
afterAll(() => rig.stop());

const providers = [
  ['wechat', wechatCode],
  ['alipay', alipayCode],
] as const;

function bookOf(outTradeNo: string) {
  return rig.sim.entries().find((e) => e.outTradeNo === outTradeNo);
}

function attempts(saleId: string) {
  return rig.reg.db.prepare('SELECT * FROM scan_attempts WHERE sale_id = ? ORDER BY id').all(saleId) as {
    id: number;
    state: string;
    reason: string | null;
    out_trade_no: string;
    payment_id: number | null;
    provider_code: string | null;
  }[];
}

describe.each(providers)('scan-to-pay with %s', (provider, code) => {
  it('success: the sale completes with the provider, its transaction id and the masked payer on the payment', async () => {
    const saleId = await saleOf(rig.reg, 1200);
    const done = await rig.reg.must('scanpay.pay', { saleId, code: code(), idempotencyKey: key() });
    expect(done.receiptNo).not.toBeNull();
    const p = done.sale.payments[0];
    expect(p).toMatchObject({ method: 'scan', amountMinor: 1200, scan: { provider } });
    expect(p?.scan?.transactionId).toBeTruthy();
    const [a] = attempts(saleId);
    expect(a).toMatchObject({ state: 'paid', payment_id: p?.id });
    expect(bookOf(a?.out_trade_no ?? '')).toMatchObject({ netMinor: 1200 });
  });

  it('password, then paid: the register waits, showing the countdown, and books it', async () => {
    const saleId = await saleOf(rig.reg, 1231);
    const steps: { key: string; deadlineAt?: number }[] = [];
    const off = rig.reg.events.subscribe((event, payload) => {
      if (event === 'payment.step') steps.push(payload as { key: string; deadlineAt?: number });
    });
    const done = await rig.reg.must('scanpay.pay', { saleId, code: code(), idempotencyKey: key() });
    off();
    expect(done.receiptNo).not.toBeNull();
    const password = steps.find((s) => s.key === 'scanpay.step.password');
    expect(password?.deadlineAt).toBeGreaterThan(0);
    expect(attempts(saleId).map((a) => a.state)).toEqual(['paid']);
  });

  it('password never entered: the order is reversed (repeating while asked) and nothing is charged', async () => {
    const saleId = await saleOf(rig.reg, 1232);
    const r = await rig.reg.call('scanpay.pay', { saleId, code: code(), idempotencyKey: key() });
    expect(r).toMatchObject({ ok: false, error: { code: 'scanpay.reversed', params: { reason: 'scanpay.reason.password_timeout' } } });
    const [a] = attempts(saleId);
    expect(a?.state).toBe('reversed');
    expect(bookOf(a?.out_trade_no ?? '')).toMatchObject({ state: 'reversed', netMinor: 0 });
    const reverses = rig.sim.calls.filter((c) => c.outTradeNo === a?.out_trade_no && /reverse|cancel/.test(c.method));
    expect(reverses.length).toBe(2);
    expect((await rig.reg.must('sale.get', { saleId })).status).toBe('open');
  });

  it('insufficient balance: refused with the reason, and cash pays the rest', async () => {
    const saleId = await saleOf(rig.reg, 1233);
    const r = await rig.reg.call('scanpay.pay', { saleId, code: code(), idempotencyKey: key() });
    expect(r).toMatchObject({ ok: false, error: { code: 'scanpay.declined', params: { reason: 'scanpay.reason.insufficient_balance' } } });
    const cash = await rig.reg.must('sale.tenderCash', { saleId, tenderedMinor: 2000, idempotencyKey: key() });
    expect(cash).toMatchObject({ changeMinor: 767 });
  });

  it('code expired: refused, asking for a fresh code; the fresh code gets a new order number', async () => {
    const saleId = await saleOf(rig.reg, 1234);
    const r = await rig.reg.call('scanpay.pay', { saleId, code: code(), idempotencyKey: key() });
    expect(r).toMatchObject({ ok: false, error: { code: 'scanpay.declined', params: { reason: 'scanpay.reason.code_expired' } } });
    rig.sim.script('success');
    await rig.reg.must('scanpay.pay', { saleId, code: code(), idempotencyKey: key() });
    const all = attempts(saleId);
    expect(all.map((a) => a.state)).toEqual(['failed', 'paid']);
    expect(new Set(all.map((a) => a.out_trade_no)).size).toBe(2);
  });

  it('risk control: refused with its reason', async () => {
    const saleId = await saleOf(rig.reg, 1239);
    expect(await rig.reg.call('scanpay.pay', { saleId, code: code(), idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'scanpay.declined', params: { reason: 'scanpay.reason.risk_control' } },
    });
  });

  it('system error, then paid on query: booked once, never sent twice', async () => {
    const saleId = await saleOf(rig.reg, 1235);
    const done = await rig.reg.must('scanpay.pay', { saleId, code: code(), idempotencyKey: key() });
    expect(done.receiptNo).not.toBeNull();
    const [a] = attempts(saleId);
    const pays = rig.sim.calls.filter((c) => c.outTradeNo === a?.out_trade_no && /micropay|trade\.pay/.test(c.method));
    expect(pays.length).toBe(1);
  });

  it('reply lost: the query finds it paid and the sale completes', async () => {
    const saleId = await saleOf(rig.reg, 1236);
    const done = await rig.reg.must('scanpay.pay', { saleId, code: code(), idempotencyKey: key() });
    expect(done.receiptNo).not.toBeNull();
    expect(attempts(saleId)[0]?.state).toBe('paid');
  });

  it('PAYERROR (Alipay: a trade left waiting) is still reversed', async () => {
    const saleId = await saleOf(rig.reg, 1237);
    const r = await rig.reg.call('scanpay.pay', { saleId, code: code(), idempotencyKey: key() });
    expect(r.ok).toBe(false);
    const [a] = attempts(saleId);
    expect(a?.state).toBe('reversed');
    expect(bookOf(a?.out_trade_no ?? '')).toMatchObject({ state: 'reversed', netMinor: 0 });
  });

  it('duplicate order number (already paid): queried and booked once', async () => {
    const saleId = await saleOf(rig.reg, 1238);
    const done = await rig.reg.must('scanpay.pay', { saleId, code: code(), idempotencyKey: key() });
    expect(done.receiptNo).not.toBeNull();
    expect(done.sale.payments.filter((p) => p.method === 'scan')).toHaveLength(1);
  });

  it('cancel while the customer enters the password: the order is closed with the provider', async () => {
    const saleId = await saleOf(rig.reg, 1232);
    const paying = rig.reg.call('scanpay.pay', { saleId, code: code(), idempotencyKey: key() });
    await until('waiting', () => attempts(saleId)[0]?.state === 'waiting');
    expect(await rig.reg.must('scanpay.cancel', { saleId })).toEqual({ sent: true });
    expect(await paying).toMatchObject({ ok: false, error: { code: 'scanpay.cancelled' } });
    expect(attempts(saleId)[0]).toMatchObject({ state: 'reversed', reason: 'scanpay.reason.cancelled' });
  });

  it('part payment: cash first, then the code pays the rest; or the code pays part and cash the rest', async () => {
    const first = await saleOf(rig.reg, 5000);
    await rig.reg.must('sale.tenderCash', { saleId: first, tenderedMinor: 2000, partial: true, idempotencyKey: key() });
    const done = await rig.reg.must('scanpay.pay', { saleId: first, code: code(), idempotencyKey: key() });
    expect(done.sale.payments.map((p) => [p.method, p.amountMinor])).toEqual([
      ['cash', 2000],
      ['scan', 3000],
    ]);
    const second = await saleOf(rig.reg, 5000);
    const part = await rig.reg.must('scanpay.pay', { saleId: second, code: code(), amountMinor: 1000, idempotencyKey: key() });
    expect(part.receiptNo).toBeNull();
    const rest = await rig.reg.must('sale.tenderCash', { saleId: second, tenderedMinor: 4000, idempotencyKey: key() });
    expect(rest.receiptNo).not.toBeNull();
  });

  it('refunds go back through the provider, each part with its own refund number; a lost reply is retried with the same number', async () => {
    const saleId = await saleOf(rig.reg, 9000);
    await rig.reg.must('sale.addCustomLine', { saleId, name: 'Second', qtyMilli: 1000, unitPriceMinor: 1041 });
    const paid = await rig.reg.must('scanpay.pay', { saleId, code: code(), idempotencyKey: key() });
    const [a] = attempts(saleId);
    const lines = paid.sale.lines;
    // The .41 line: the simulator drops the first reply to this refund.
    await rig.reg.must('session.login', { operatorId: rig.staff.supervisorId, pin: '9753' });
    const r1 = await rig.reg.must('refund.withReceipt', {
      saleId,
      lines: [{ lineId: lines[1]?.id ?? 0, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    expect(r1.sale.status).toBe('open'); // waiting for the provider
    await until(
      'refund 1 completed',
      () => (rig.reg.db.prepare('SELECT status FROM documents WHERE id = ?').get(r1.sale.id) as { status: string }).status === 'completed',
    );
    const r2 = await rig.reg.must('refund.withReceipt', {
      saleId,
      lines: [{ lineId: lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }],
      reason: 'not_wanted',
      idempotencyKey: key(),
    });
    await until(
      'refund 2 completed',
      () => (rig.reg.db.prepare('SELECT status FROM documents WHERE id = ?').get(r2.sale.id) as { status: string }).status === 'completed',
    );
    const book = bookOf(a?.out_trade_no ?? '');
    expect(book).toMatchObject({ refundedMinor: 10_041, netMinor: 0 });
    expect(book?.refundNos).toHaveLength(2);
    const refund = await rig.reg.must('sale.get', { saleId: r1.sale.id });
    expect(refund.payments[0]).toMatchObject({ method: 'scan', amountMinor: 1041, scan: { provider } });
    // The lost reply made the register ask again under the same refund number (a repeat or a query), which refunded once.
    const asked = rig.sim.calls.filter((c) => /refund/.test(c.method) && (c.outTradeNo === a?.out_trade_no || c.outTradeNo === null));
    expect(asked.length).toBeGreaterThanOrEqual(3);
    await rig.reg.must('session.login', { operatorId: rig.staff.cashierId, pin: CASHIER_PIN });
  });

  it('a void of a scan-to-pay sale goes back through the provider', async () => {
    const saleId = await saleOf(rig.reg, 2500);
    await rig.reg.must('scanpay.pay', { saleId, code: code(), idempotencyKey: key() });
    const [a] = attempts(saleId);
    await rig.reg.must('session.login', { operatorId: rig.staff.supervisorId, pin: '9753' });
    const v = await rig.reg.must('void.sale', { saleId, reason: 'cashier_error', idempotencyKey: key() });
    await until(
      'void completed',
      () => (rig.reg.db.prepare('SELECT status FROM documents WHERE id = ?').get(v.sale.id) as { status: string }).status === 'completed',
    );
    expect(bookOf(a?.out_trade_no ?? '')).toMatchObject({ netMinor: 0, refundedMinor: 2500 });
    await rig.reg.must('session.login', { operatorId: rig.staff.cashierId, pin: CASHIER_PIN });
  });
});

describe('scan-to-pay at the counter', () => {
  it('a product barcode is not a payment code; an unknown 16+ digit code asks which provider', async () => {
    const saleId = await saleOf(rig.reg, 800);
    expect(await rig.reg.call('scanpay.pay', { saleId, code: '6901234567892000', idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'scanpay.provider_unknown' },
    });
    // The cashier says Alipay: the provider answers that the code is not theirs.
    expect(await rig.reg.call('scanpay.pay', { saleId, code: '1912345678901234', provider: 'alipay', idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'scanpay.declined', params: { reason: 'scanpay.reason.code_expired' } },
    });
    expect(await rig.reg.call('scanpay.pay', { saleId, code: '6212345678901234567', idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'scanpay.provider_unsupported' },
    });
  });

  it('no cash or card while a scanned payment is open with the provider', async () => {
    const saleId = await saleOf(rig.reg, 1232);
    const paying = rig.reg.call('scanpay.pay', { saleId, code: wechatCode(), idempotencyKey: key() });
    await until('waiting', () => attempts(saleId)[0]?.state === 'waiting');
    expect(await rig.reg.call('sale.tenderCash', { saleId, tenderedMinor: 5000, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'scanpay.attempt_unresolved' },
    });
    expect(await rig.reg.call('card.pay', { saleId, idempotencyKey: key() })).toMatchObject({ ok: false, error: { code: 'scanpay.attempt_unresolved' } });
    expect(await rig.reg.call('scanpay.pay', { saleId, code: wechatCode(), idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'scanpay.busy' },
    });
    await paying;
  });

  it('secrets are sealed at rest, never in the journal, the log or a window', async () => {
    await rig.reg.must('session.login', { operatorId: rig.staff.ownerId, pin: OWNER_PIN });
    const config = await rig.reg.must('scanpay.getConfig', {});
    expect(config.wechat).toMatchObject({ hasApiKey: true, hasCertificate: false });
    expect(config.alipay).toMatchObject({ hasPrivateKey: true, hasAlipayPublicKey: true });
    expect(config.secretStore.kind).toBe('file-key');
    expect(JSON.stringify(config)).not.toContain(rig.sim.wechatCredentials().apiKey);
    const secrets = [rig.sim.wechatCredentials().apiKey, rig.sim.alipayCredentials().privateKey.split('\n')[1] ?? 'x'];
    rig.reg.db.pragma('wal_checkpoint(TRUNCATE)');
    const file = readFileSync(rig.reg.file).toString('latin1');
    for (const s of secrets) {
      expect(file).not.toContain(s);
      expect(JSON.stringify(rig.reg.db.prepare('SELECT payload FROM journal').all())).not.toContain(s);
      expect(rig.reg.log.lines.join('\n')).not.toContain(s);
    }
    const keyFile = join(rig.reg.dir, 'ringup-secrets.key');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    chmodSync(keyFile, 0o644);
    try {
      expect(await rig.reg.call('scanpay.getConfig', {})).toMatchObject({ ok: false, error: { code: 'scanpay.secret_key_exposed' } });
    } finally {
      chmodSync(keyFile, 0o600);
    }
    await rig.reg.must('session.login', { operatorId: rig.staff.cashierId, pin: CASHIER_PIN });
  });

  it('keeps the journal chain whole', () => {
    expect(verifyJournal(rig.reg.db).ok).toBe(true);
  });
});
