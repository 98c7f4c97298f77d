// A register on a real ledger file with the ZVT terminal simulator on a real socat pty and the
// scan-to-pay provider simulator over real HTTP, for corrections of sales paid part by card and
// part by payment code. It can be closed and opened again on the same ledger (a restart): the
// terminal's line comes back at the same path, the provider simulator keeps its books.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { CURRENCY } from '../../main/hardware/terminal/commands';
import type { TerminalSimulator } from '../../main/hardware/terminal/simulator/simulator';
import { PaySimulator } from '../../main/providers/simulator/pay-simulator';
import type { XReportView } from '../../preload/contract/day-close-views';
import type { DocumentView } from '../../preload/contract/views';
import { settled, terminalReady } from './card-register';
import { CASHIER_PIN, SUPERVISOR_PIN, makeRegister, withStaff, type TestRegister } from './register-fixture';
import { alipayCode, configureProviders, FAST_TIMINGS, key, saleOf, wechatCode } from './scan-rig';
import { FAST_CLIENT_TIMEOUTS, TerminalFixture } from './terminal-sim';

export interface MixedRig {
  card: TerminalSimulator;
  provider: PaySimulator;
  reg: TestRegister;
  staff: Awaited<ReturnType<typeof withStaff>>;
  /** Closes the register and opens it again on the same ledger file; nobody is logged in after. */
  restart(): Promise<TestRegister>;
  /** Closes the register only (a restart's first half); `open()` is its second. */
  close(): Promise<void>;
  open(): Promise<TestRegister>;
  asSupervisor(): Promise<void>;
  asCashier(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * One rig for a test file: started before its tests (handed to `use`), and after each test its card
 * payments settled and the cashier logged in again; stopped at the end.
 */
export function useMixedRig(use: (rig: MixedRig) => void, options: MixedRigOptions = {}): void {
  let rig: MixedRig | undefined;
  beforeAll(async () => {
    rig = await startMixedRig(options);
    use(rig);
  });
  afterEach(async () => {
    if (!rig) return;
    await settled(rig.reg);
    await rig.asCashier();
  });
  afterAll(async () => {
    await rig?.stop();
  });
}

/** The provider refunds' pace: repeats of one refund in a round, the pause between, and the pause between rounds. */
export interface MixedRigOptions {
  providerRefunds?: { attempts?: number; retryMs?: number; sweepMs?: number };
}

export async function startMixedRig(options: MixedRigOptions = {}): Promise<MixedRig> {
  const terminals = new TerminalFixture();
  const card = await terminals.sim({ currency: CURRENCY.CNY });
  const provider = await PaySimulator.start({ passwordMs: 150 });
  const dir = mkdtempSync(join(tmpdir(), 'ringup-mixed-'));
  const opened = (): TestRegister =>
    makeRegister({
      dir,
      terminalAddress: card.registerPath ?? '',
      terminal: { timeouts: FAST_CLIENT_TIMEOUTS, retryMs: 150, recoveryAttempts: 40, recoveryDelayMs: 100 },
      scanPay: { timings: FAST_TIMINGS, requestTimeoutMs: 2000, sweepMs: 100 },
      providerRefunds: { retryMs: 30, sweepMs: 100, ...options.providerRefunds },
    });
  let reg = opened();
  const staff = await withStaff(reg);
  await configureProviders(reg, provider, staff.ownerId, staff.cashierId);
  await terminalReady(reg);
  let closed = false;
  const rig: MixedRig = {
    card,
    provider,
    get reg() {
      return reg;
    },
    staff,
    async close() {
      await reg.terminal.stop();
      reg.close();
      closed = true;
      // A register that lets go of the pty ends socat's pair: the line comes back at the same path.
      expect((await card.reconnectLine()).ok).toBe(true);
    },
    async open() {
      reg = opened();
      closed = false;
      await terminalReady(reg);
      await reg.started;
      return reg;
    },
    async restart() {
      await rig.close();
      return rig.open();
    },
    async asSupervisor() {
      await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    },
    async asCashier() {
      await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
    },
    async stop() {
      if (!closed) await reg.terminal.stop();
      reg.cleanup();
      await provider.stop();
      await terminals.stopAll();
    },
  };
  return rig;
}

/** A completed sale of ¥80.00: ¥50.00 on the card, the rest (¥30.00) by WeChat Pay or Alipay. */
export async function cardAndCodeSale(reg: TestRegister, wallet: 'wechat' | 'alipay' = 'wechat'): Promise<DocumentView> {
  const saleId = await saleOf(reg, 8000);
  await reg.must('card.pay', { saleId, amountMinor: 5000, idempotencyKey: key() });
  const done = await reg.must('scanpay.pay', { saleId, code: wallet === 'wechat' ? wechatCode() : alipayCode(), idempotencyKey: key() });
  expect(done.sale.status).toBe('completed');
  expect(done.sale.payments.map((p) => [p.method, p.amountMinor])).toEqual([
    ['card', 5000],
    ['scan', 3000],
  ]);
  return done.sale;
}

/** The provider's books for the sale's payment-code part: what the customer is still out of pocket, and under which refund numbers. */
export function walletBooks(rig: MixedRig, saleId: string) {
  const { out_trade_no: outTradeNo } = rig.reg.db.prepare('SELECT out_trade_no FROM scan_attempts WHERE sale_id = ?').get(saleId) as { out_trade_no: string };
  const entry = rig.provider.entries().find((e) => e.outTradeNo === outTradeNo);
  return { netMinor: entry?.netMinor, refundedMinor: entry?.refundedMinor, refundNos: entry?.refundNos.length };
}

/** How often the terminal gave the sale's card part back (a reversal of it, or a refund of its amount after it). */
export function cardGivenBack(rig: MixedRig, sale: DocumentView): number {
  const no = Number(sale.payments.find((p) => p.method === 'card')?.card?.terminalReceiptNo);
  const batch = rig.card.batch();
  const paid = batch.find((e) => e.kind === 'payment' && e.receiptNo === no);
  return (paid?.reversed ? 1 : 0) + batch.filter((e) => e.kind === 'refund' && e.receiptNo > no && e.amountMinor === paid?.amountMinor).length;
}

/** Journal entries of these kinds about this document (by its documentId, or a scan refund of it). */
export function journalOf(reg: TestRegister, documentId: string, kinds: string[]): { kind: string; data: Record<string, unknown> }[] {
  const rows = reg.db.prepare(`SELECT kind, payload FROM journal WHERE kind IN (${kinds.map(() => '?').join(',')}) ORDER BY seq`).all(...kinds) as {
    kind: string;
    payload: string;
  }[];
  return rows
    .map((r) => ({ kind: r.kind, data: (JSON.parse(r.payload) as { data: Record<string, unknown> }).data }))
    .filter((e) => e.data.documentId === documentId || e.data.saleId === documentId);
}

export type XFigures = Awaited<ReturnType<typeof xFigures>>;

/** What the owner reads on the X report of the shift: the voids, each tender's money out, and the cash the drawer should hold. */
export async function xFigures(rig: MixedRig) {
  await rig.asSupervisor();
  const x: XReportView = await rig.reg.must('report.x', { scope: 'shift' });
  const voids = x.figures.kinds.find((k) => k.kind === 'void');
  const out = (method: string) => x.figures.tenders.find((t) => t.method === method)?.outMinor ?? 0;
  return {
    voids: voids?.count ?? 0,
    voidedMinor: voids?.totalMinor ?? 0,
    cardOut: out('card'),
    scanOut: out('scan'),
    cashOut: out('cash'),
    expectedCash: x.shifts[0]?.expected.expectedMinor,
  };
}

/** How each figure moved from `before` to `after`. */
export function minus(after: XFigures, before: XFigures) {
  return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, (v ?? 0) - (before[k as keyof typeof before] ?? 0)]));
}
