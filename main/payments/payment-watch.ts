// What the register is paying right now, for windows that did not start it. A pay call belongs to
// the page that made it: when that page is reloaded (or another window opens), the call runs on in
// main but its answer has nowhere to go. The watch keeps, per sale, the newest live step and how
// the last pay call ended, and announces the ending as `payment.ended` for whichever window shows it.
import type {
  GiveBackProgressView,
  PaymentEndedView,
  PaymentInProgressView,
  PaymentKind,
  SalePaymentProgressView,
} from '../../preload/contract/payment-progress-views';
import type { EventPayloads } from '../../preload/contract/events';
import { fail, ok, type Result } from '../../preload/contract/result';
import type { CompletionView } from '../../preload/contract/views';
import type { EventBus } from '../common/event-bus';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { openIntentFor } from '../card/card-intents';
import { openAttemptFor } from '../scan-pay/scan-attempts';
import { documentView, findDocument } from '../documents/document-view';
import { sql } from '../ledger/statements';
import { saleExchange } from '../exchange/sale-exchange';

/** Endings (and steps) kept for windows that come back late; a reload takes seconds, not a hundred sales. */
const ENDINGS_KEPT = 32;

interface Live {
  kind: PaymentKind;
  startedAt: number;
}

interface Step {
  key: string;
  deadlineAt: number | null;
}

/** Drops a map's oldest entries (maps keep insertion order) beyond `keep`. */
function trim(map: Map<string, unknown>, keep: number): void {
  for (const oldest of map.keys()) {
    if (map.size <= keep) return;
    map.delete(oldest);
  }
}

export class PaymentWatch {
  private readonly live = new Map<string, Live>();
  private readonly steps = new Map<string, Step>();
  private readonly endings = new Map<string, PaymentEndedView>();

  constructor(
    private readonly events: EventBus,
    private readonly clock: () => number,
  ) {
    // Steps of attempts settled in the background (after a restart) are heard as well as live ones.
    events.subscribe((event, payload) => {
      if (event !== 'payment.step') return;
      const p = payload as EventPayloads['payment.step'];
      this.steps.delete(p.saleId);
      this.steps.set(p.saleId, { key: p.key, deadlineAt: p.deadlineAt ?? null });
      // Refunds given back to a card step too, with no pay call to clear them: keep the newest only.
      trim(this.steps, ENDINGS_KEPT);
    });
  }

  /**
   * Runs a pay call and remembers how it ends. A second call for a sale already being paid is
   * only passed through: main refuses it (busy, unresolved), and its refusal must not end the
   * running payment in the eyes of a window following it.
   */
  follow(saleId: string, kind: PaymentKind, pay: () => CompletionView | Promise<CompletionView>): Promise<CompletionView> {
    if (this.live.has(saleId)) return Promise.resolve().then(pay);
    const mine: Live = { kind, startedAt: this.clock() };
    this.live.set(saleId, mine);
    this.steps.delete(saleId);
    this.endings.delete(saleId);
    const running = Promise.resolve().then(pay);
    running.then(
      (value) => this.end(saleId, mine, ok(value)),
      (error: unknown) =>
        this.end(saleId, mine, error instanceof ServiceError ? fail<CompletionView>(error.code, error.params) : fail<CompletionView>('internal')),
    );
    return running;
  }

  /**
   * A payment the register settled on its own, with no pay call waiting on it: recovery after a
   * restart or a lost line. Windows that showed it running (or load later) learn its ending as
   * they would a live one. While a pay call runs for the sale, that call's answer is the ending.
   */
  settled(saleId: string, kind: PaymentKind, outcome: CompletionView | ServiceError): void {
    if (this.live.has(saleId)) return;
    const result = outcome instanceof ServiceError ? fail<CompletionView>(outcome.code, outcome.params) : ok(outcome);
    this.end(saleId, { kind, startedAt: this.clock() }, result);
  }

  private end(saleId: string, mine: Live, result: Result<CompletionView>): void {
    if (this.live.get(saleId) === mine) this.live.delete(saleId);
    this.steps.delete(saleId);
    const ended: PaymentEndedView = { saleId, kind: mine.kind, result, endedAt: this.clock() };
    this.endings.delete(saleId);
    this.endings.set(saleId, ended);
    trim(this.endings, ENDINGS_KEPT);
    this.events.emit('payment.ended', ended);
  }

  /** The sale's payment under way (from the ledger's open intent or attempt, and the live call) and its last ending. */
  view(db: Db, saleId: string): SalePaymentProgressView {
    findDocument(db, saleId);
    const running = this.running(db, saleId);
    return { running, ended: running ? null : (this.endings.get(saleId) ?? null), exchange: saleExchange(db, saleId) };
  }

  /**
   * The newest correction of `saleId` that gives money back to a card: running, or how it ended.
   * An ending from before this start is read from the correction itself (completed, or cancelled
   * because the terminal refused), worded as the refund call words it.
   */
  giveBackView(db: Db, saleId: string, since = 0): GiveBackProgressView | null {
    findDocument(db, saleId);
    const row = sql(
      db,
      `SELECT d.id, d.status FROM documents d WHERE d.original_document_id = ? AND d.opened_at >= ?
          AND EXISTS (SELECT 1 FROM card_intents i WHERE i.sale_id = d.id AND i.kind <> 'payment')
        ORDER BY d.opened_at DESC, d.rowid DESC LIMIT 1`,
    ).get(saleId, since) as { id: string; status: string } | undefined;
    if (!row) return null;
    const { running, ended } = this.view(db, row.id);
    if (running || ended) return { correctionId: row.id, saleId, running, ended };
    return { correctionId: row.id, saleId, running: null, ended: this.endedFromLedger(db, row.id, row.status) };
  }

  private endedFromLedger(db: Db, correctionId: string, status: string): PaymentEndedView | null {
    const at = this.clock();
    if (status === 'completed') {
      const sale = documentView(db, correctionId);
      return { saleId: correctionId, kind: 'card', result: ok({ sale, receiptNo: sale.receiptNo, changeMinor: 0 }), endedAt: at };
    }
    if (status !== 'cancelled') return null;
    const intent = sql(db, 'SELECT reason FROM card_intents WHERE sale_id = ? ORDER BY id DESC LIMIT 1').get(correctionId) as { reason: string | null };
    return { saleId: correctionId, kind: 'card', result: fail('terminal.declined', { reason: intent.reason ?? 'terminal.result.declined' }), endedAt: at };
  }

  private running(db: Db, saleId: string): PaymentInProgressView | null {
    const live = this.live.get(saleId) ?? null;
    const step = this.steps.get(saleId) ?? null;
    const attempt = openAttemptFor(db, saleId);
    if (attempt) {
      const isLive = live?.kind === 'scanpay';
      return {
        saleId,
        kind: 'scanpay',
        amountMinor: attempt.amount_minor,
        step: step?.key ?? (attempt.state === 'reversing' ? 'scanpay.step.reversing' : 'scanpay.step.checking'),
        deadlineAt: step?.deadlineAt ?? null,
        provider: attempt.provider,
        startedAt: attempt.started_at,
        live: isLive,
        // Once the register decided to close the order with the provider, it goes through with it.
        cancellable: isLive && attempt.state !== 'reversing',
      };
    }
    const intent = openIntentFor(db, saleId);
    // An intent left `unknown` with no call on it waits for a supervisor: that is not a payment running.
    // A payment, or money going back to a card for a correction (its intent is on the correction).
    if (intent && (live?.kind === 'card' || intent.state !== 'unknown')) {
      return {
        saleId,
        kind: 'card',
        amountMinor: intent.amount_minor,
        step: step?.key ?? intent.last_step,
        deadlineAt: null,
        provider: null,
        startedAt: intent.started_at,
        live: live?.kind === 'card',
        cancellable: live?.kind === 'card' && intent.state !== 'unknown',
      };
    }
    if (!live) return null;
    // A practice payment (training), or a call about to write its intent: what the sale still owes.
    return {
      saleId,
      kind: live.kind,
      amountMinor: documentView(db, saleId).remainingMinor,
      step: step?.key ?? null,
      deadlineAt: step?.deadlineAt ?? null,
      provider: null,
      startedAt: live.startedAt,
      live: true,
      cancellable: true,
    };
  }
}
