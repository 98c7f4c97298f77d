// The Z runs the terminal's end of day (06 50) against the terminal simulator over TCP and sets
// its totals against the card payments the register booked, with mismatches injected into the
// terminal's batch: a payment the terminal does not have, one the register does not have, and an
// amount that differs. Two windows closing at once: one wins.
import { until } from '../support/until';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TerminalSimulator } from '../../main/hardware/terminal/simulator/simulator';
import { CURRENCY } from '../../main/hardware/terminal/commands';
import { DEFAULT_CARD, type SimCard } from '../../main/hardware/terminal/simulator/behaviour';
import type { ZReportView } from '../../preload/contract/day-close-views';
import { key, openShop, shanghai, type Shop } from '../support/day-close-shop';
import { FAST_SIM_TIMEOUTS } from '../support/terminal-sim';
import { zReportPaper } from '../../main/day-close/report-paper';
import { getSettings } from '../../main/settings/settings';
import { renderReceiptText } from '../../main/hardware/printer/render';

let sim: TerminalSimulator;
let s: Shop;

const card = (brand: string, cardType: number): SimCard => ({ ...DEFAULT_CARD, brand, cardType });

beforeAll(async () => {
  const started = await TerminalSimulator.startTcp({ port: 0, timeouts: FAST_SIM_TIMEOUTS, currency: CURRENCY.CNY });
  if (!started.ok) throw new Error(started.error.code);
  sim = started.value;
  s = await openShop(shanghai('2026-05-04'), { terminalAddress: `tcp://127.0.0.1:${sim.tcpPort ?? 0}` });
  await until('the terminal to be ready', () => s.reg.terminal.connection.ready);
});
afterAll(async () => {
  await s.reg.terminal.stop();
  s.reg.cleanup();
  await sim.stop();
});

async function cardSale(amountMinor: number, as: SimCard): Promise<{ receiptNo: number; terminalReceiptNo: number }> {
  sim.script({ card: as });
  const saleId = await s.sale([amountMinor]);
  const done = await s.reg.must('card.pay', { saleId, idempotencyKey: key() });
  return { receiptNo: done.receiptNo ?? 0, terminalReceiptNo: Number(done.sale.payments[0]?.card?.terminalReceiptNo) };
}

async function closeTheDay(day: string): Promise<ZReportView> {
  await s.as('cashier');
  const shiftId = (await s.reg.must('shift.current', {})).shift?.id ?? 0;
  await s.as('supervisor');
  s.clock.now = shanghai(day, '22:00');
  return s.z({ forceClose: [{ shiftId, reason: 'day end' }] });
}

async function nextDay(day: string): Promise<void> {
  s.clock.now = shanghai(day, '09:00');
  await s.as('cashier');
  await s.openShift();
}

describe('card reconciliation in the Z', () => {
  it('agrees when the terminal has what the register booked, brand by brand', async () => {
    await cardSale(1200, card('VISA', 0x0a));
    s.clock.now += 60_000;
    await cardSale(3400, card('Mastercard', 0x06));
    s.clock.now += 60_000;
    await cardSale(500, card('VISA', 0x0a));
    const z = await closeTheDay('2026-05-04');
    expect(z.reconciliation).toMatchObject({ status: 'matched', terminalTotalMinor: 5100, registerTotalMinor: 5100, differences: [] });
    expect(z.reconciliation.brands).toEqual([
      { brand: 'Mastercard', terminalCount: 1, terminalMinor: 3400, registerCount: 1, registerMinor: 3400 },
      { brand: 'VISA', terminalCount: 2, terminalMinor: 1700, registerCount: 2, registerMinor: 1700 },
    ]);
    expect(z.figures.tenders.find((t) => t.method === 'card')).toMatchObject({ inCount: 3, inMinor: 5100 });
    // The batch is settled: the simulator starts a new one.
    expect(sim.batch()).toEqual([]);
  });

  it('lists each difference: a payment the terminal lacks, one the register lacks, and an amount that differs', async () => {
    await nextDay('2026-05-05');
    const visa = await cardSale(1000, card('VISA', 0x0a));
    s.clock.now += 60_000;
    const jcb = await cardSale(2000, card('JCB', 0x0e));
    s.clock.now += 60_000;
    await cardSale(3000, card('Mastercard', 0x06));
    let foreignNo = 0;
    sim.editBatch((entries, next) => {
      // The terminal booked ¥9.00 for the VISA sale of ¥10.00, never had the JCB one, and has an
      // Amex payment of ¥40.00 the register never saw.
      const edited = entries
        .filter((e) => e.receiptNo !== jcb.terminalReceiptNo)
        .map((e) => (e.receiptNo === visa.terminalReceiptNo ? { ...e, amountMinor: 900 } : e));
      const last = entries[entries.length - 1];
      if (!last) throw new Error('empty batch');
      foreignNo = next();
      return [...edited, { ...last, receiptNo: foreignNo, amountMinor: 4000, brand: 'American Express' }];
    });
    const z = await closeTheDay('2026-05-05');
    expect(z.reconciliation.status).toBe('differences');
    expect(z.reconciliation.differences).toEqual([
      expect.objectContaining({ kind: 'missing_on_terminal', brand: 'JCB', count: 1, terminalMinor: 0, registerMinor: 2000, differenceMinor: -2000 }),
      expect.objectContaining({
        kind: 'missing_on_register',
        brand: 'American Express',
        count: 1,
        terminalMinor: 4000,
        registerMinor: 0,
        differenceMinor: 4000,
        terminalReceiptNos: [foreignNo],
        exact: true,
      }),
      // One VISA payment on each side: the difference is that receipt's, and it is named.
      expect.objectContaining({
        kind: 'amount_differs',
        brand: 'VISA',
        count: 1,
        terminalMinor: 900,
        registerMinor: 1000,
        differenceMinor: -100,
        documentReceiptNo: visa.receiptNo,
        terminalReceiptNo: visa.terminalReceiptNo,
        exact: true,
      }),
    ]);
    expect(z.reconciliation).toMatchObject({ terminalTotalMinor: 900 + 3000 + 4000, registerTotalMinor: 6000 });
    // Kept in the Z as it was found, and on its rollups.
    expect((await s.reg.must('zReport.get', { zNo: z.zNo })).reconciliation).toEqual(z.reconciliation);
    expect((await s.reg.must('zReport.list', { limit: 1 }))[0]?.reconciliationStatus).toBe('differences');
  });

  it('names the payment itself when the terminal batch cannot hold it', async () => {
    await nextDay('2026-05-06');
    const lost = await cardSale(2500, card('VISA', 0x0a));
    sim.editBatch(() => []);
    const z = await closeTheDay('2026-05-06');
    expect(z.reconciliation.differences).toEqual([
      {
        kind: 'missing_on_terminal',
        brand: 'VISA',
        count: 1,
        terminalMinor: 0,
        registerMinor: 2500,
        differenceMinor: -2500,
        documentReceiptNo: lost.receiptNo,
        terminalReceiptNo: lost.terminalReceiptNo,
        terminalReceiptNos: [],
        exact: true,
      },
    ]);
  });

  it('a foreign payment and an under-booking in the same slot: the totals differ, and no single invented amount is named', async () => {
    await nextDay('2026-05-08');
    const first = await cardSale(2000, card('VISA', 0x0a));
    s.clock.now += 60_000;
    await cardSale(700, card('VISA', 0x0a));
    let foreignNo = 0;
    sim.editBatch((entries, next) => {
      const last = entries[entries.length - 1];
      if (!last) throw new Error('empty batch');
      foreignNo = next();
      const edited = entries.map((e) => (e.receiptNo === first.terminalReceiptNo ? { ...e, amountMinor: 1900 } : e));
      return [...edited, { ...last, receiptNo: foreignNo, amountMinor: 1500 }];
    });
    const z = await closeTheDay('2026-05-08');
    expect(z.reconciliation.differences).toEqual([
      expect.objectContaining({
        kind: 'missing_on_register',
        brand: 'VISA',
        count: 1,
        terminalMinor: 4100,
        registerMinor: 2700,
        differenceMinor: 1400,
        terminalReceiptNos: [foreignNo],
        exact: false,
      }),
    ]);
    // The printed Z says the ¥14.00 is a totals difference, in either language.
    const store = getSettings(s.reg.db);
    const zh = renderReceiptText(zReportPaper(z, { ...store, storeLocale: 'zh-CN' }, 'Asia/Shanghai', null));
    expect(zh).toContain('VISA 终端多 1 笔');
    expect(zh).toContain('仅为合计差额，可能由多处差异合成');
    expect(zh).toContain(`终端凭证 ${foreignNo}`);
    const en = renderReceiptText(zReportPaper(z, { ...store, storeLocale: 'en' }, 'Asia/Shanghai', null));
    expect(en).toContain('VISA 1 more on terminal');
    expect(en).toContain('Totals only: may combine several differences');
    expect(en).not.toContain('Missing on register');
  });

  it('agrees after a card sale is voided (reversed on the terminal) and another partly refunded to the card', async () => {
    await nextDay('2026-05-10');
    sim.script({ card: card('VISA', 0x0a) });
    const voidedId = await s.sale([1500]);
    await s.reg.must('card.pay', { saleId: voidedId, idempotencyKey: key() });
    s.clock.now += 60_000;
    sim.script({ card: card('Mastercard', 0x06) });
    const keptId = await s.sale([2000, 500]);
    const kept = await s.reg.must('card.pay', { saleId: keptId, idempotencyKey: key() });
    s.clock.now += 60_000;
    await s.as('supervisor');
    await s.reg.must('void.sale', { saleId: voidedId, reason: 'cashier_error', idempotencyKey: key() });
    s.clock.now += 60_000;
    const line = kept.sale.lines.find((l) => l.unitPriceMinor === 500)?.id ?? 0;
    await s.reg.must('refund.withReceipt', {
      saleId: keptId,
      lines: [{ lineId: line, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    const z = await closeTheDay('2026-05-10');
    expect(z.reconciliation).toMatchObject({
      status: 'matched',
      terminalTotalMinor: 2000,
      registerTotalMinor: 2000,
      registerRefundsMinor: 500,
      differences: [],
    });
    expect(z.reconciliation.brands).toEqual([{ brand: 'Mastercard', terminalCount: 1, terminalMinor: 2500, registerCount: 1, registerMinor: 2500 }]);
    expect(z.figures.tenders.find((t) => t.method === 'card')).toMatchObject({ inCount: 2, inMinor: 4000, outCount: 2, outMinor: 2000, netMinor: 2000 });
  });

  it('two windows closing at once: one takes the Z, the other is told', async () => {
    await nextDay('2026-05-11');
    await cardSale(700, card('VISA', 0x0a));
    await s.as('cashier');
    const shiftId = (await s.reg.must('shift.current', {})).shift?.id ?? 0;
    await s.as('supervisor');
    s.clock.now = shanghai('2026-05-11', '22:00');
    const input = { businessDay: '2026-05-11', forceClose: [{ shiftId, reason: 'day end' }] };
    const [a, b] = await Promise.all([
      s.reg.call('dayClose.close', { ...input, idempotencyKey: key() }),
      s.reg.call('dayClose.close', { ...input, idempotencyKey: key() }),
    ]);
    expect([a.ok, b.ok].sort()).toEqual([false, true]);
    const refused = a.ok ? b : a;
    expect(refused).toMatchObject({ ok: false, error: { code: 'dayClose.in_progress' } });
    expect(s.reg.db.prepare("SELECT COUNT(*) AS n FROM z_reports WHERE business_day = '2026-05-11'").get()).toEqual({ n: 1 });
    // And after it, the same day again is closed.
    expect(await s.reg.call('dayClose.close', { ...input, idempotencyKey: key() })).toMatchObject({ error: { code: 'dayClose.already_closed' } });
  });

  it('with the terminal gone: refused, or closed without reconciliation when the closer says why', async () => {
    await nextDay('2026-05-12');
    await cardSale(900, card('VISA', 0x0a));
    await s.reg.must('session.login', { operatorId: s.staff.ownerId, pin: '2580' });
    await s.reg.must('terminal.setConfig', { config: { kind: 'tcp', host: '127.0.0.1', port: 1 } });
    await s.as('cashier');
    const shiftId = (await s.reg.must('shift.current', {})).shift?.id ?? 0;
    await s.as('supervisor');
    s.clock.now = shanghai('2026-05-12', '22:00');
    const input = { businessDay: '2026-05-12', forceClose: [{ shiftId, reason: 'day end' }] };
    expect(await s.reg.call('dayClose.close', { ...input, idempotencyKey: key() })).toMatchObject({
      error: { code: 'dayClose.terminal_failed', params: { reason: 'terminal.not_connected' } },
    });
    expect(s.reg.db.prepare("SELECT COUNT(*) AS n FROM z_reports WHERE business_day = '2026-05-12'").get()).toEqual({ n: 0 });
    const z = await s.reg.must('dayClose.close', { ...input, terminalSkipReason: '终端故障', idempotencyKey: key() });
    expect(z.reconciliation).toMatchObject({ status: 'skipped', skipReason: '终端故障', registerTotalMinor: 900, batchIds: [] });
  });
});
