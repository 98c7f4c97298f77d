// Reversal (06 30) and End of Day (06 50): the commands that work on what the batch already holds.
import { RESULT, STEP } from '../codes';
import { ptBuild } from '../pt-messages';
import type { StatusInformation } from '../status-info';
import { must, type PtExchange } from './pt-exchange';
import { money } from './receipt-text';
import { hhmmss, mmdd, pad } from './time-fields';

export async function reversal(x: PtExchange, receiptNo: number | null): Promise<void> {
  const sim = x.sim;
  const b = sim.nextBehaviour();
  await x.accept(b);
  // A hung terminal: silent once it has taken the command (nothing reversed), or once the
  // reversal is booked (never reported; a status enquiry or repeat receipt still finds it).
  if (b.silentAfter === 'accept') return;
  const original = receiptNo === null ? undefined : sim.batch.findPayment(receiptNo);
  // A scripted decline stands for a terminal or host that cannot reverse (any more).
  if (!original || original.reversed || b.outcome !== 'approve') {
    await x.sendAwait(ptBuild.abort(original?.reversed ? RESULT.alreadyReversed : RESULT.reversalNotPossible), b);
    return;
  }
  const at = sim.now();
  original.reversed = true; // findPayment returns the stored entry itself
  const trace = ++sim.traceCounter;
  const newReceipt = ++sim.receiptCounter;
  sim.batch.add({ ...original, kind: 'reversal', receiptNo: newReceipt, trace, at, reversed: false, reversesReceiptNo: original.receiptNo });
  const status: Partial<StatusInformation> & { resultCode: number } = {
    resultCode: 0,
    amountMinor: original.amountMinor,
    currency: original.currency,
    trace,
    originalTrace: original.trace,
    receiptNo: newReceipt,
    time: hhmmss(at),
    date: mmdd(at),
    maskedPan: original.maskedPan,
    cardName: original.brand,
    authCode: original.authCode,
    terminalId: sim.terminalId,
  };
  const w = sim.words();
  const lines = [w.reversal, `${w.receiptNo} ${pad(original.receiptNo, 4)} ${w.reversed}`, `${w.amount} ${money(original.amountMinor, original.currency)}`];
  sim.last = { status, lines };
  if (b.silentAfter === 'decision') return;
  await x.sendAwait(must(ptBuild.status(status)), b);
  for (const line of lines) await x.print(line, b);
  await x.sendAwait(must(ptBuild.completion(sim.terminalId)), b);
}

export async function endOfDay(x: PtExchange): Promise<void> {
  const sim = x.sim;
  const b = sim.nextBehaviour();
  await x.accept(b);
  await x.step(STEP.pleaseWait, b, { abort: false });
  const at = sim.now();
  const totals = sim.batch.totals();
  const net = sim.batch.netMinor();
  // The batch is settled with the host before the result is reported, as on a real terminal.
  sim.batch.clear();
  const status = {
    resultCode: 0,
    amountMinor: Math.max(0, net),
    trace: ++sim.traceCounter,
    time: hhmmss(at),
    date: mmdd(at),
    terminalId: sim.terminalId,
    totals,
  };
  await x.sendAwait(must(ptBuild.status(status)), b);
  const w = sim.words();
  const lines = [
    w.endOfDay,
    ...totals.brands.filter((t) => t.count).map((t) => `${t.brand} ${t.count}x ${money(t.amountMinor, sim.currency)}`),
    `${w.total} ${money(net, sim.currency)}`,
  ];
  for (const line of lines) await x.print(line, b);
  await x.sendAwait(must(ptBuild.completion(sim.terminalId)), b);
}
