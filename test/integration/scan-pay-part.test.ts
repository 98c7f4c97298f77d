// Part of a sale by scanned payment code, the rest by card or cash ("¥50 on the card, the rest by
// WeChat Pay"), through the register against the provider simulator over real HTTP and the
// terminal simulator on a real socat pty: each is asked for its own part only, and an amount the
// sale does not owe is refused before the provider hears of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyJournal } from '../../main/ledger/journal';
import { CURRENCY } from '../../main/hardware/terminal/commands';
import { PaySimulator } from '../../main/providers/simulator/pay-simulator';
import type { TerminalSimulator } from '../../main/hardware/terminal/simulator/simulator';
import { errorMessage } from '../../renderer/src/i18n/error-message';
import { errorsI18n } from '../support/errors-i18n';
import { terminalReady } from '../support/card-register';
import { makeRegister, withStaff, type TestRegister } from '../support/register-fixture';
import { configureProviders, FAST_TIMINGS, key, saleOf, wechatCode, alipayCode } from '../support/scan-rig';
import { FAST_CLIENT_TIMEOUTS, TerminalFixture } from '../support/terminal-sim';

let terminals: TerminalFixture;
let card: TerminalSimulator;
let provider: PaySimulator;
let reg: TestRegister;

beforeAll(async () => {
  terminals = new TerminalFixture();
  card = await terminals.sim({ currency: CURRENCY.CNY });
  provider = await PaySimulator.start({ passwordMs: 150 });
  reg = makeRegister({
    terminalAddress: card.registerPath ?? '',
    terminal: { timeouts: FAST_CLIENT_TIMEOUTS, retryMs: 150, recoveryAttempts: 40, recoveryDelayMs: 100 },
    scanPay: { timings: FAST_TIMINGS, requestTimeoutMs: 2000, sweepMs: 100 },
  });
  const staff = await withStaff(reg);
  await configureProviders(reg, provider, staff.ownerId, staff.cashierId);
  await terminalReady(reg);
});
afterAll(async () => {
  await reg.terminal.stop();
  reg.cleanup();
  await provider.stop();
  await terminals.stopAll();
});

const i18n = errorsI18n();

function scanJournal(): string[] {
  return (reg.db.prepare("SELECT kind FROM journal WHERE kind LIKE 'scanpay.%' ORDER BY seq").all() as { kind: string }[]).map((k) => k.kind);
}

function attemptsOf(saleId: string): { amount_minor: number; state: string }[] {
  return reg.db.prepare('SELECT amount_minor, state FROM scan_attempts WHERE sale_id = ? ORDER BY id').all(saleId) as never;
}

describe('a scanned code pays part of a sale', () => {
  it('¥50.00 on the card, the rest (¥30.00) by WeChat Pay: the terminal and the provider each take their own part', async () => {
    const saleId = await saleOf(reg, 8000);
    const part = await reg.must('card.pay', { saleId, amountMinor: 5000, idempotencyKey: key() });
    expect(part.sale).toMatchObject({ status: 'open', remainingMinor: 3000 });
    expect(card.batch().at(-1)?.amountMinor).toBe(5000);
    const rest = await reg.must('scanpay.pay', { saleId, code: wechatCode(), idempotencyKey: key() });
    expect(rest.receiptNo).not.toBeNull();
    expect(rest.sale.payments.map((p) => [p.method, p.amountMinor, p.scan?.provider ?? null])).toEqual([
      ['card', 5000, null],
      ['scan', 3000, 'wechat'],
    ]);
    expect(attemptsOf(saleId)).toEqual([{ amount_minor: 3000, state: 'paid' }]);
  });

  it('¥20.00 by Alipay, then the rest on the card: the provider books ¥20.00, the terminal ¥25.00', async () => {
    const saleId = await saleOf(reg, 4500);
    const before = scanJournal().length;
    const part = await reg.must('scanpay.pay', { saleId, code: alipayCode(), amountMinor: 2000, idempotencyKey: key() });
    expect(part.receiptNo).toBeNull();
    expect(part.sale).toMatchObject({ status: 'open', paidMinor: 2000, remainingMinor: 2500 });
    // Journalled as a whole scan payment is: the attempt, its sending and its payment.
    expect(scanJournal().slice(before)).toContain('scanpay.paid');
    const outTradeNo = (reg.db.prepare('SELECT out_trade_no FROM scan_attempts WHERE sale_id = ?').get(saleId) as { out_trade_no: string }).out_trade_no;
    expect(provider.entries().find((e) => e.outTradeNo === outTradeNo)).toMatchObject({ netMinor: 2000 });
    const rest = await reg.must('card.pay', { saleId, idempotencyKey: key() });
    expect(rest.sale.status).toBe('completed');
    expect(card.batch().at(-1)?.amountMinor).toBe(2500);
    expect(verifyJournal(reg.db).ok).toBe(true);
  });
});

describe('an amount the scanned code cannot pay', () => {
  it('more than is still owed, zero or less: refused with a clear reason, and the provider hears nothing', async () => {
    const saleId = await saleOf(reg, 3000);
    await reg.must('sale.tenderCash', { saleId, tenderedMinor: 1000, partial: true, idempotencyKey: key() });
    const books = provider.entries().length;
    const journal = scanJournal().length;

    const over = await reg.call('scanpay.pay', { saleId, code: wechatCode(), amountMinor: 2001, idempotencyKey: key() });
    expect(over).toEqual({ ok: false, error: { code: 'scanpay.amount_exceeds_due', params: { dueMinor: 2000 } } });
    if (!over.ok) expect(errorMessage(over.error, i18n.getFixedT('zh-CN'), 'zh-CN', 'CNY')).toBe('扫码金额超过了还需支付的 ¥20.00。');
    for (const amountMinor of [0, -1]) {
      expect(await reg.call('scanpay.pay', { saleId, code: wechatCode(), amountMinor, idempotencyKey: key() })).toMatchObject({
        ok: false,
        error: { code: 'request.invalid_input', params: { field: 'amountMinor' } },
      });
    }

    expect(provider.entries()).toHaveLength(books);
    expect(scanJournal()).toHaveLength(journal);
    expect(attemptsOf(saleId)).toEqual([]);
    expect(await reg.must('sale.get', { saleId })).toMatchObject({ status: 'open', paidMinor: 1000, remainingMinor: 2000 });
    await reg.must('sale.tenderCash', { saleId, tenderedMinor: 2000, idempotencyKey: key() });
  });
});
