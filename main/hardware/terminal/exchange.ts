// One ZVT exchange, start to end: the command goes out, the PT acknowledges it, then (as master)
// talks until Completion or Abort while the ECR answers every message. What arrived is gathered
// into one outcome; a failure after the command left marks a payment's outcome unknown.
import type { Apdu } from './apdu';
import type { StepCallback, TerminalReceipt } from './client-types';
import type { ZvtLink } from './link';
import type { MasterRights } from './master-rights';
import { ackApdu, nackApdu, parsePtMessage, type PtContext } from './pt-messages';
import { fail, ok, type TerminalErrorParams, type TerminalResult } from './result';
import type { StatusInformation } from './status-info';
import { RESULT } from './codes';
import type { StatusEnquiryCompletion } from './status-enquiry';
import { CHARSET, type Charset } from './text';

export interface RunOptions {
  onStep?: StepCallback;
  /** Payment commands: failures after sending leave the outcome unknown, to be recovered. */
  payment: boolean;
  /** Log-off ends with the PT's acknowledgement; there is no completion. */
  endsWithAck?: boolean;
  /** Which command the 06 0F completes, where that changes its layout. */
  completes?: PtContext['completes'];
}

export interface RunOutcome {
  status: StatusInformation | null;
  receipt: TerminalReceipt;
  steps: string[];
  terminalId: string | null;
  charset: Charset;
  enquiry: StatusEnquiryCompletion | null;
}

/** What an exchange needs from the client that runs it. */
export interface ExchangeSession {
  /** Character set of print commands, as the terminal accepted it at registration. */
  charset: () => Charset;
  rights: MasterRights;
  /** Answers a message that is no reply to this command (so the terminal is never left waiting). */
  answerUnsolicited: (link: ZvtLink, a: Apdu) => Promise<void>;
  /** Whether the cashier asked to abort: an abort the terminal then reports was theirs. */
  abortRequested: () => boolean;
}

export async function runExchange(link: ZvtLink, cmd: Apdu, opts: RunOptions, session: ExchangeSession): Promise<TerminalResult<RunOutcome>> {
  const unknown = (extra: TerminalErrorParams = {}): TerminalErrorParams => (opts.payment ? { outcome: 'unknown', ...extra } : extra);
  // Leftovers from an earlier, interrupted exchange are answered now, not mistaken for replies.
  for (let a = link.inbox.poll(); a; a = link.inbox.poll()) await session.answerUnsolicited(link, a);

  const sent = await link.send(cmd);
  if (!sent.ok) {
    // No link-level ACK: the frame may or may not have reached the terminal.
    return fail(sent.error.code, unknown({ phase: 'send' }));
  }
  const outcome: RunOutcome = { status: null, receipt: { lines: [], blocks: [] }, steps: [], terminalId: null, charset: CHARSET.cp437, enquiry: null };
  const ctx: PtContext = { charset: session.charset(), ...(opts.completes ? { completes: opts.completes } : {}) };

  // Phase 1: the PT acknowledges the command within T3.
  for (;;) {
    const r = await link.receive(link.timeouts.commandAckMs);
    if (!r.ok) return fail(r.error.code, unknown({ phase: 'command_ack' }));
    const m = parsePtMessage(r.value, ctx);
    if (!m.ok) continue;
    if (m.value.kind === 'ack') break;
    if (m.value.kind === 'nack') {
      // 84 83/9C = the PT is busy with something else; the command was not started.
      const busy = m.value.resultCode === RESULT.functionNotPossible || m.value.resultCode === RESULT.pleaseWait;
      return fail(busy ? 'terminal.busy' : 'terminal.rejected', { reason: m.value.result, resultCode: m.value.resultCode });
    }
    if (m.value.kind === 'abort') {
      await link.send(ackApdu());
      return abortResult(m.value.resultCode, m.value.result, session.abortRequested());
    }
    await session.answerUnsolicited(link, r.value);
  }
  if (opts.endsWithAck) return ok(outcome);
  session.rights.handToTerminal();

  // Phase 2: the PT is master and talks until Completion or Abort; the ECR only answers.
  let protocolError: string | null = null;
  for (;;) {
    const r = await link.receive(link.timeouts.masterSilenceMs);
    if (!r.ok) {
      return fail(
        r.error.code,
        unknown({ phase: 'terminal_master', receiptNo: outcome.status?.receiptNo ?? null, resultCode: outcome.status?.resultCode ?? null }),
      );
    }
    const m = parsePtMessage(r.value, ctx);
    if (!m.ok) {
      // Acknowledge anyway: a NAK would make the PT resend the same unparseable bytes.
      protocolError = m.error.code;
      await link.send(ackApdu());
      continue;
    }
    const msg = m.value;
    if (msg.kind === 'ack' || msg.kind === 'nack') continue;
    if (msg.kind === 'other') {
      await link.send(nackApdu(RESULT.functionNotPossible));
      continue;
    }
    const answered = await link.send(ackApdu());
    switch (msg.kind) {
      case 'intermediate':
        outcome.steps.push(msg.step);
        try {
          opts.onStep?.({ key: msg.step, status: msg.status });
        } catch {
          // a UI callback must never break the protocol exchange
        }
        break;
      case 'status':
        outcome.status = msg.info;
        break;
      case 'print_line':
        outcome.receipt.lines.push(msg.line);
        break;
      case 'text_block':
        outcome.receipt.blocks.push({ receiptType: msg.receiptType, lines: msg.lines });
        break;
      case 'completion':
        session.rights.takeBack();
        outcome.terminalId = msg.terminalId;
        outcome.charset = msg.charset;
        outcome.enquiry = msg.enquiry;
        if (protocolError && opts.payment) return fail('terminal.protocol', unknown({ reason: protocolError }));
        return ok(outcome);
      case 'abort':
        session.rights.takeBack();
        return abortResult(msg.resultCode, msg.result, session.abortRequested());
    }
    if (!answered.ok) return fail(answered.error.code, unknown({ phase: 'terminal_master' }));
  }
}

function abortResult(resultCode: number, reason: string, byCashier: boolean): TerminalResult<never> {
  if (resultCode === RESULT.aborted) return fail('terminal.aborted', { reason, resultCode, byCashier });
  return fail('terminal.declined', { reason, resultCode });
}

export function receiptText(r: TerminalReceipt): string {
  return [...r.lines, ...r.blocks.flatMap((b) => b.lines)].map((l) => l.text).join('\n');
}
