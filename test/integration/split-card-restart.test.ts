// A register killed between the parts of a void of a two-card sale: the first card got its money
// back, the second not yet. At the next start the void is shown where it stood (open, one part
// back), and the cashier takes it up from there: the second card gets its part, the first is never
// sent again, and the first request repeated (same key) sends nothing. Killed while the terminal
// had the second card, recovery settles that part from the terminal's own record. The child register and the restarted one talk to the
// ZVT simulator over a real socat pty; the child is SIGKILLed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CURRENCY } from '../../main/hardware/terminal/commands';
import type { TerminalSimulator } from '../../main/hardware/terminal/simulator/simulator';
import { key, saleOf, terminalReady } from '../support/card-register';
import { CASHIER_PIN, SUPERVISOR_PIN, makeRegister, withStaff, type TestRegister } from '../support/register-fixture';
import { FAST_CLIENT_TIMEOUTS, TerminalFixture } from '../support/terminal-sim';
import { until } from '../support/until';
import { uiI18n } from '../support/errors-i18n';
import { errorMessage } from '../../renderer/src/i18n/error-message';
import type { CallError } from '../../preload/contract';
import type { PaymentEndedView } from '../../preload/contract/payment-progress-views';

const f = new TerminalFixture();
let sim: TerminalSimulator;
let dir: string;
let staff: Awaited<ReturnType<typeof withStaff>>;
const opened: TestRegister[] = [];

function cardRegister(): TestRegister {
  const reg = makeRegister({
    dir,
    terminalAddress: sim.registerPath ?? '',
    terminal: { timeouts: FAST_CLIENT_TIMEOUTS, retryMs: 150, recoveryAttempts: 40, recoveryDelayMs: 100 },
  });
  opened.push(reg);
  return reg;
}

async function closeOpened(): Promise<void> {
  for (const reg of opened.splice(0)) {
    await reg.terminal.stop();
    reg.close();
  }
  // A register that lets go of a pty ends socat's pair: the line comes back at the same path for the next.
  expect((await sim.reconnectLine()).ok).toBe(true);
}

beforeAll(async () => {
  sim = await f.sim({ currency: CURRENCY.CNY });
  const reg = makeRegister();
  staff = await withStaff(reg);
  dir = reg.dir;
  reg.close();
});
afterAll(async () => {
  for (const reg of opened.splice(0)) {
    await reg.terminal.stop();
    reg.close();
  }
  makeRegister({ dir }).cleanup();
  await f.stopAll();
});

/** Runs the child register that voids `saleId` and is killed the `nth` time its card give-backs reach `moment`. */
function voidAndDie(saleId: string, requestKey: string, moment: string, nth: number): Promise<{ signal: string | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const args = [dir, sim.registerPath ?? '', saleId, String(staff.supervisorId), SUPERVISOR_PIN, requestKey, moment, String(nth)];
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '../support/void-parts-killed.ts'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    const guard = setTimeout(() => child.kill('SIGTERM'), 30_000);
    child.stdout.setEncoding('utf8').on('data', (c: string) => (out += c));
    child.stderr.setEncoding('utf8').on('data', (c: string) => (err += c));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearTimeout(guard);
      resolve({ signal, out, err });
    });
  });
}

/** How often the terminal's batch reversed each of these card payments. */
function reversals(receiptNos: (string | null | undefined)[]): number[] {
  return receiptNos.map((no) => sim.batch().filter((e) => e.kind === 'payment' && e.receiptNo === Number(no) && e.reversed).length);
}

/** The amounts the terminal refunded (06 31) since `from` entries of its batch. */
function refundsSince(from: number): number[] {
  return sim
    .batch()
    .slice(from)
    .filter((e) => e.kind === 'refund')
    .map((e) => e.amountMinor);
}

describe('a register killed between the parts of a void', () => {
  it('after the first card went back: the restarted register shows the void open, and 继续退款 finishes it', async () => {
    const first = cardRegister();
    await terminalReady(first);
    await first.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
    const saleId = await saleOf(first, 9000);
    await first.must('card.pay', { saleId, amountMinor: 5000, idempotencyKey: key() });
    const sale = (await first.must('card.pay', { saleId, idempotencyKey: key() })).sale;
    expect(sale.status).toBe('completed');
    await closeOpened();

    const requestKey = key();
    const died = await voidAndDie(saleId, requestKey, 'completed', 1);
    expect(died.signal, `${died.out}\n${died.err}`).toBe('SIGKILL');
    expect((await sim.reconnectLine()).ok).toBe(true);
    const cardNos = sale.payments.map((p) => p.card?.terminalReceiptNo);
    expect(reversals(cardNos)).toEqual([1, 0]);

    const reg = cardRegister();
    await terminalReady(reg);
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    const found = await reg.must('refund.find', { code: String(sale.receiptNo) });
    expect(found.corrections).toEqual([expect.objectContaining({ kind: 'void', status: 'open' })]);
    const correctionId = found.corrections[0]!.id;
    const parts = await reg.must('refund.parts', { correctionId });
    expect(parts.parts.map((p) => [p.state, p.amountMinor])).toEqual([
      ['back', 5000],
      ['waiting', 4000],
    ]);

    // The part that went back is not sent again; 继续退款 sends the next one.
    expect(await reg.call('refund.retryPart', { correctionId, paymentId: sale.payments[0]!.id, idempotencyKey: key() })).toMatchObject({
      ok: false,
      error: { code: 'refund.part_not_refused' },
    });
    const done = await reg.must('refund.retryPart', { correctionId, paymentId: sale.payments[1]!.id, idempotencyKey: key() });
    expect(done.sale).toMatchObject({ id: correctionId, status: 'completed' });
    // The cashier's first request, repeated, answers with the completed void and sends nothing.
    const batch = sim.batch().length;
    const again = await reg.must('void.sale', { saleId, reason: 'cashier_error', idempotencyKey: requestKey });
    expect(again.sale).toMatchObject({ id: correctionId, status: 'completed' });
    expect(sim.batch().length).toBe(batch);
    expect(done.sale.payments.map((p) => [p.method, p.amountMinor])).toEqual([
      ['card', 5000],
      ['card', 4000],
    ]);
    expect(reversals(cardNos)).toEqual([1, 1]);
    const intents = reg.db.prepare('SELECT state FROM card_intents WHERE sale_id = ? ORDER BY id').all(correctionId);
    expect(intents).toEqual([{ state: 'approved' }, { state: 'approved' }]);
  });

  it('while the terminal had the second card: recovery settles that part from the terminal, and nothing is sent again', async () => {
    await closeOpened();
    const first = cardRegister();
    await terminalReady(first);
    await first.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
    const saleId = await saleOf(first, 7000);
    await first.must('card.pay', { saleId, amountMinor: 5000, idempotencyKey: key() });
    await first.must('card.pay', { saleId, idempotencyKey: key() });
    // The terminal's batch closed: the parts go back as refunds (06 31), the card read again for each.
    await first.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    await first.must('terminal.endOfDay', {});
    await closeOpened();

    const requestKey = key();
    const batchBefore = sim.batch().length;
    // The terminal is working on the second give-back when the register dies: it finishes it alone.
    sim.script({}).script({ bankDelayMs: 800 });
    const died = await voidAndDie(saleId, requestKey, 'step:please_wait', 2);
    expect(died.signal, `${died.out}\n${died.err}`).toBe('SIGKILL');
    expect((await sim.reconnectLine()).ok).toBe(true);

    const reg = cardRegister();
    await terminalReady(reg);
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    const correction = reg.db.prepare("SELECT id FROM documents WHERE original_document_id = ? AND kind = 'void'").get(saleId) as { id: string };
    // Recovery asks the terminal what became of the second part and books it: the void completes.
    const statusOf = () => (reg.db.prepare('SELECT status FROM documents WHERE id = ?').get(correction.id) as { status: string }).status;
    // Waited for by its state (the bound only decides how long a broken run takes to fail); a
    // failure shows where the parts stood.
    await until('the void to complete', () => statusOf() === 'completed', 20_000).catch(() => undefined);
    const status = statusOf();
    expect(
      status,
      JSON.stringify({
        intents: reg.db.prepare('SELECT state, kind, reason, receipt_no, previous_receipt_no FROM card_intents WHERE sale_id = ?').all(correction.id),
        batch: sim.batch().slice(batchBefore),
        log: reg.log.lines.slice(-10),
      }),
    ).toBe('completed');
    const again = await reg.must('void.sale', { saleId, reason: 'cashier_error', idempotencyKey: requestKey });
    expect(again.sale).toMatchObject({ id: correction.id, status: 'completed' });
    expect(again.sale.payments.map((p) => [p.method, p.amountMinor, p.card?.transaction])).toEqual([
      ['card', 5000, 'refund'],
      ['card', 2000, 'refund'],
    ]);
    expect(refundsSince(batchBefore)).toEqual([5000, 2000]);
  });

  it('while the customer had not yet presented the card: told the refund did not finish and nothing went back, not "declined"', async () => {
    await closeOpened();
    const first = cardRegister();
    await terminalReady(first);
    await first.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
    const saleId = await saleOf(first, 3000);
    await first.must('card.pay', { saleId, idempotencyKey: key() });
    // The terminal's batch closed: the money goes back as a refund (06 31), the card read again.
    await first.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    await first.must('terminal.endOfDay', {});
    await closeOpened();

    const batchBefore = sim.batch().length;
    sim.script({ cardDelayMs: 1500 });
    const died = await voidAndDie(saleId, key(), 'step:insert_card', 1);
    expect(died.signal, `${died.out}\n${died.err}`).toBe('SIGKILL');
    expect((await sim.reconnectLine()).ok).toBe(true);

    const reg = cardRegister();
    const ended: PaymentEndedView[] = [];
    reg.events.subscribe((event, payload) => {
      if (event === 'payment.ended') ended.push(payload as PaymentEndedView);
    });
    await terminalReady(reg);
    await until('recovery told the windows', () => ended.length > 0, 20_000);
    expect(refundsSince(batchBefore)).toEqual([]);
    expect(ended[0]).toMatchObject({ kind: 'card', result: { ok: false, error: { code: 'terminal.interrupted', params: { scope: 'refund' } } } });
    const error = ended[0]?.result.ok === false ? (ended[0].result.error as CallError) : null;
    const words = uiI18n();
    await words.changeLanguage('zh-CN');
    expect(error && errorMessage(error, words.t, 'zh-CN', 'CNY')).toBe('收银机重新启动，这笔退款没有完成，钱没有退到卡上。可以再次退款。');
    await words.changeLanguage('en');
    expect(error && errorMessage(error, words.t, 'en', 'CNY')).toBe(
      'The register restarted before this refund to the card finished; nothing went back to the card. The refund can be made again.',
    );
  });
});
