import { afterEach, describe, expect, it } from 'vitest';
import { calls, type CallName, type Result, type RingupApi } from '../../preload/contract';
import { createCallRunner } from '../../renderer/src/state/call-runner';
import { moneyCalls } from '../../renderer/src/state/money-calls';
import { makeRegister, withStaff, type TestRegister } from '../support/register-fixture';

// useCall's bookkeeping (renderer/src/state/call-runner.ts) against a real register on a real
// SQLite file: what a double click, a lost answer and a slow answer do to the ledger and to
// what the screen shows.

const WATER = '6901234567892'; // 2.00

const open: TestRegister[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.cleanup();
});

/** A register with the cashier logged in and an open sale holding one water. */
async function saleWithWater(): Promise<{ reg: TestRegister; saleId: string }> {
  const reg = makeRegister();
  open.push(reg);
  await withStaff(reg);
  const { id } = await reg.must('sale.current', {});
  await reg.must('sale.addProduct', { saleId: id, code: WATER });
  return { reg, saleId: id };
}

interface Sent {
  name: CallName;
  input: Record<string, unknown>;
}

/** The register's own dispatch, noting every request that leaves the window. */
function recorded(reg: TestRegister): { invoke: RingupApi['invoke']; sent: Sent[] } {
  const sent: Sent[] = [];
  const invoke: RingupApi['invoke'] = (name, input) => {
    sent.push({ name, input: { ...(input as Record<string, unknown>) } });
    return reg.call(name, input);
  };
  return { invoke, sent };
}

function completions(reg: TestRegister): number {
  return (reg.db.prepare("SELECT COUNT(*) AS n FROM journal WHERE kind = 'sale.completed'").get() as { n: number }).n;
}

function payments(reg: TestRegister, saleId: string): number[] {
  return (
    reg.db.prepare('SELECT amount_minor AS a FROM payments WHERE document_pk = (SELECT pk FROM documents WHERE id = ?) ORDER BY id').all(saleId) as {
      a: number;
    }[]
  ).map((r) => r.a);
}

describe('money calls through the runner', () => {
  it('lists exactly the contract calls that move money', () => {
    const moving = Object.entries(calls)
      .filter(([, def]) => def.movesMoney)
      .map(([name]) => name)
      .sort();
    expect([...moneyCalls].sort()).toEqual(moving);
  });

  it('a double click sends one request with one key, and both presses get the one receipt', async () => {
    const { reg, saleId } = await saleWithWater();
    const { invoke, sent } = recorded(reg);
    const runner = createCallRunner<'sale.tenderCash'>(invoke);
    const [first, second] = await Promise.all([
      runner.run('sale.tenderCash', { saleId, tenderedMinor: 500 }),
      runner.run('sale.tenderCash', { saleId, tenderedMinor: 500 }),
    ]);
    expect(first.ok && second.ok && first.value.receiptNo).toBe(1);
    expect(second.ok && second.value.receiptNo).toBe(1);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.input.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    expect(completions(reg)).toBe(1);
  });

  it('pressing again after a lost answer resends the same key, and main answers with the first completion', async () => {
    const { reg, saleId } = await saleWithWater();
    const { invoke, sent } = recorded(reg);
    let dropNext = true;
    // The request reaches main, which completes the sale; the answer is lost on the way back.
    const lossy: RingupApi['invoke'] = async (name, input) => {
      const result = await invoke(name, input);
      if (!dropNext) return result;
      dropNext = false;
      return { ok: false, error: { code: 'request.transport_failed', params: {} } };
    };
    const runner = createCallRunner<'sale.tenderCash'>(lossy);
    const lost = await runner.run('sale.tenderCash', { saleId, tenderedMinor: 500 });
    expect(lost).toEqual({ ok: false, error: { code: 'request.transport_failed', params: {} } });
    expect(runner.snapshot().error?.code).toBe('request.transport_failed');

    // Keys in another order are the same input.
    const retried = await runner.run('sale.tenderCash', { tenderedMinor: 500, saleId });
    expect(retried.ok && retried.value.receiptNo).toBe(1);
    expect(retried.ok && retried.value.changeMinor).toBe(300);
    expect(sent.map((s) => s.input.idempotencyKey)).toEqual([sent[0]?.input.idempotencyKey, sent[0]?.input.idempotencyKey]);
    expect(completions(reg)).toBe(1);
    expect(runner.snapshot()).toMatchObject({ busy: false, error: null });
  });

  it('a success spends the key: the same part payment pressed again is a second payment', async () => {
    const { reg, saleId } = await saleWithWater();
    const { invoke, sent } = recorded(reg);
    const runner = createCallRunner<'sale.tenderCash'>(invoke);
    const part = { saleId, tenderedMinor: 50, partial: true };
    // Even with nothing else changed: the first action is over, so this press is a new one.
    expect((await runner.run('sale.tenderCash', part, 'paid:0')).ok).toBe(true);
    expect((await runner.run('sale.tenderCash', part, 'paid:0')).ok).toBe(true);
    expect(sent[0]?.input.idempotencyKey).not.toBe(sent[1]?.input.idempotencyKey);
    expect(payments(reg, saleId)).toEqual([50, 50]);
  });

  it('another amount, or another intent, is another action with its own key', async () => {
    const { reg, saleId } = await saleWithWater();
    const { invoke, sent } = recorded(reg);
    const runner = createCallRunner<'sale.tenderCash'>(invoke);
    const short = await runner.run('sale.tenderCash', { saleId, tenderedMinor: 100 });
    expect(short.ok ? null : short.error).toEqual({ code: 'sale.tender_insufficient', params: { dueMinor: 200 } });
    expect(runner.snapshot()).toEqual({ busy: false, error: { code: 'sale.tender_insufficient', params: { dueMinor: 200 } }, value: null });
    await runner.run('sale.tenderCash', { saleId, tenderedMinor: 100, partial: true }, 'paid:0');
    const keys = sent.map((s) => s.input.idempotencyKey);
    expect(new Set(keys).size).toBe(2);
  });

  it('calls that move no money are sent as they are, without a key', async () => {
    const { reg, saleId } = await saleWithWater();
    const { invoke, sent } = recorded(reg);
    const runner = createCallRunner<'sale.get'>(invoke);
    const result = await runner.run('sale.get', { saleId });
    expect(result.ok && result.value.lines).toHaveLength(1);
    expect(sent).toEqual([{ name: 'sale.get', input: { saleId } }]);
    expect(runner.snapshot().value?.id).toBe(saleId);
  });
});

describe('what the runner shows', () => {
  /** Holds each answer until the test lets it through, so answers can arrive out of order. */
  function gated(reg: TestRegister) {
    const gates: (() => void)[] = [];
    const invoke: RingupApi['invoke'] = async (name, input) => {
      const result = await reg.call(name, input);
      await new Promise<void>((release) => gates.push(release));
      return result;
    };
    const waitForGates = async (count: number) => {
      while (gates.length < count) await new Promise((r) => setTimeout(r, 5));
    };
    return { invoke, gates, waitForGates };
  }

  it('busy while awaited; a slow answer to an earlier search never replaces a later one', async () => {
    const { reg } = await saleWithWater();
    const { invoke, gates, waitForGates } = gated(reg);
    const runner = createCallRunner<'catalog.search'>(invoke);
    const early = runner.run('catalog.search', { query: '农夫' });
    const late = runner.run('catalog.search', { query: '蒙牛' });
    expect(runner.snapshot().busy).toBe(true);
    await waitForGates(2);
    gates[1]?.();
    await late;
    expect(runner.snapshot().busy).toBe(false);
    expect(runner.snapshot().value?.map((p) => p.nameZh)).toEqual(['蒙牛纯牛奶 250ml']);
    gates[0]?.();
    const earlyResult = await early;
    // The caller still gets its own answer; the screen keeps the later one.
    expect(earlyResult.ok && earlyResult.value.map((p) => p.nameZh)).toEqual(['农夫山泉 550ml']);
    expect(runner.snapshot().value?.map((p) => p.nameZh)).toEqual(['蒙牛纯牛奶 250ml']);
  });

  it('reset forgets the last answer and any still on its way', async () => {
    const { reg } = await saleWithWater();
    const { invoke, gates, waitForGates } = gated(reg);
    const runner = createCallRunner<'catalog.search'>(invoke);
    const pending = runner.run('catalog.search', { query: '农夫' });
    runner.reset();
    expect(runner.snapshot()).toEqual({ busy: false, error: null, value: null });
    await waitForGates(1);
    gates[0]?.();
    await pending;
    expect(runner.snapshot()).toEqual({ busy: false, error: null, value: null });
  });

  it("refuse shows the window's own refusal and keeps main's last value; main's refusal clears it", async () => {
    const { reg, saleId } = await saleWithWater();
    const runner = createCallRunner<'sale.get'>((name, input) => reg.call(name, input));
    await runner.run('sale.get', { saleId });
    runner.refuse({ code: 'sale.empty', params: {} });
    expect(runner.snapshot()).toMatchObject({ busy: false, error: { code: 'sale.empty' }, value: { id: saleId } });
    await runner.run('sale.get', { saleId: '00000000-0000-4000-8000-000000000000' });
    expect(runner.snapshot()).toEqual({
      busy: false,
      error: { code: 'sale.not_found', params: { saleId: '00000000-0000-4000-8000-000000000000' } },
      value: null,
    });
  });

  it('tells subscribers of each change and keeps one snapshot object between changes', async () => {
    const { reg, saleId } = await saleWithWater();
    const runner = createCallRunner<'sale.get'>((name, input) => reg.call(name, input));
    const seen: boolean[] = [];
    const stop = runner.subscribe(() => seen.push(runner.snapshot().busy));
    const before = runner.snapshot();
    expect(runner.snapshot()).toBe(before);
    await runner.run('sale.get', { saleId });
    expect(seen).toEqual([true, false]);
    stop();
    runner.reset();
    expect(seen).toEqual([true, false]);
  });

  it('a transport that throws is a lost answer, not a stuck busy flag', async () => {
    const runner = createCallRunner<'sale.current'>(() => Promise.reject(new Error('bridge gone')));
    const result: Result<unknown> = await runner.run('sale.current', {});
    expect(result).toEqual({ ok: false, error: { code: 'request.transport_failed', params: {} } });
    expect(runner.snapshot()).toEqual({ busy: false, error: { code: 'request.transport_failed', params: {} }, value: null });
  });
});
