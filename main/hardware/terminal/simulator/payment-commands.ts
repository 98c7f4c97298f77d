// Authorization (06 01) and Refund (06 31): the customer steps, the bank's decision as scripted,
// the booking in the batch, and the receipt; also the refusal of a payment in another currency.
import { setTimeout as sleep } from 'node:timers/promises';
import { CURRENCY } from '../commands';
import { RESULT, STEP } from '../codes';
import { maskPan } from '../pan';
import { ptBuild } from '../pt-messages';
import type { StatusInformation } from '../status-info';
import { DECLINE_CODES, type SimBehaviour } from './behaviour';
import { must, type PtExchange } from './pt-exchange';
import { money, type ReceiptWords } from './receipt-text';
import { hhmmss, mmdd, pad } from './time-fields';

type Phase = 'accept' | 'card' | 'decision';

/** A payment in a currency this terminal does not have: accepted, then aborted with 6F and our CC. */
export async function refuseWrongCurrency(x: PtExchange): Promise<void> {
  const b = x.sim.nextBehaviour();
  await x.accept(b);
  await x.sendAwait(ptBuild.abort(RESULT.wrongCurrency, x.sim.currency), b);
}

async function interrupt(x: PtExchange, phase: Phase, b: SimBehaviour): Promise<boolean> {
  if (b.disconnectAfter === phase) {
    await x.dropLine();
    return true;
  }
  return b.silentAfter === phase;
}

export async function payment(x: PtExchange, amountMinor: number, kind: 'payment' | 'refund'): Promise<void> {
  const sim = x.sim;
  const b = sim.nextBehaviour(amountMinor);
  sim.transactionsStarted++;
  const state = { abort: false };
  await x.accept(b);
  if (await interrupt(x, 'accept', b)) return;

  await x.step(STEP.insertCard, b, state);
  await x.customerWait(b.cardDelayMs, state);
  if (await interrupt(x, 'card', b)) return;
  if (state.abort || b.outcome === 'customer_cancel') {
    await x.sendAwait(ptBuild.abort(RESULT.aborted), b);
    return;
  }
  await x.step(STEP.enterPin, b, state);
  await x.customerWait(b.pinDelayMs, state);
  if (state.abort) {
    await x.sendAwait(ptBuild.abort(RESULT.aborted), b);
    return;
  }
  await x.step(STEP.pleaseWait, b, state);
  // From here the bank has the request: an abort is no longer honoured.
  sim.scriptedDelayTotalMs += b.bankDelayMs;
  if (b.bankDelayMs) await sleep(b.bankDelayMs);

  const at = sim.now();
  const approved = b.outcome === 'approve';
  // A faulty terminal may book and report something other than what it was asked for.
  const bookedMinor = b.answerAmountMinor ?? amountMinor;
  const currency = b.answerCurrency ?? sim.currency;
  const trace = ++sim.traceCounter;
  const receiptNo = approved ? ++sim.receiptCounter : null;
  const maskedPan = maskPan(b.card.pan);
  const authCode = approved ? String(100000 + ((trace * 7919) % 900000)) : null;
  const status: Partial<StatusInformation> & { resultCode: number } = {
    resultCode: approved ? 0 : DECLINE_CODES[b.declineReason],
    amountMinor: bookedMinor,
    currency,
    trace,
    receiptNo,
    turnoverNo: trace,
    time: hhmmss(at),
    date: mmdd(at),
    maskedPan,
    cardType: b.card.cardType,
    cardName: b.card.brand,
    authCode,
    terminalId: sim.terminalId,
    vuNumber: sim.merchantNo,
    entryMode: b.entryMode,
    signatureRequired: approved && b.signatureRequired,
  };
  const lines = receiptLines(sim.words(), kind, status, approved, b);
  // Booked the moment the bank decides: if the register never hears about it, recovery must find it.
  if (approved && receiptNo !== null && authCode) {
    sim.batch.add({
      kind,
      receiptNo,
      trace,
      amountMinor: bookedMinor,
      currency,
      brand: b.card.brand,
      maskedPan,
      authCode,
      at,
      reversed: false,
      reversesReceiptNo: null,
    });
  }
  sim.last = { status, lines };
  if (await interrupt(x, 'decision', b)) return;

  await x.sendAwait(must(ptBuild.status(status)), b);
  if (b.receiptFormat === 'block') {
    lines.forEach((line) => sim.noteLine(line));
    await x.sendAwait(must(ptBuild.textBlock('customer', lines, sim.charset)), b);
  } else for (const line of lines) await x.print(line, b);
  if (approved) {
    await x.step(STEP.removeCard, b, state);
    await x.sendAwait(must(ptBuild.completion(sim.terminalId)), b);
  } else {
    await x.sendAwait(ptBuild.abort(status.resultCode), b);
  }
}

function receiptLines(w: ReceiptWords, kind: 'payment' | 'refund', s: Partial<StatusInformation>, approved: boolean, b: SimBehaviour): string[] {
  const lines = [
    kind === 'payment' ? w.payment : w.refund,
    `${s.cardName ?? ''}  ${s.maskedPan ?? ''}`,
    `${w.terminalId} ${s.terminalId}   ${w.trace} ${pad(s.trace ?? 0, 6)}`,
    `${w.amount} ${money(s.amountMinor ?? 0, s.currency ?? CURRENCY.EUR)}`,
  ];
  if (approved) {
    lines.push(`${w.receiptNo} ${pad(s.receiptNo ?? 0, 4)}  ${w.authCode} ${s.authCode}`, w.approved);
    if (b.signatureRequired) lines.push(w.signature, '______________________');
  } else lines.push(w.declined);
  return lines;
}
