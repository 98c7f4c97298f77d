// Opening a scan-to-pay attempt: whose code it is, whether the sale may take it, and the attempt
// row (with its order number) committed before the provider hears of anything.
import { randomBytes } from 'node:crypto';
import { classifyCode, maskPaymentCode } from '../../preload/contract/payment-code';
import { ServiceError } from '../common/service-error';
import { partAmount } from '../payments/part-amount';
import { openIntentFor } from '../card/card-intents';
import { documentView, findDocument } from '../documents/document-view';
import { refuseWhileExchangeWaits } from '../documents/exchange-wait';
import { getSettings } from '../settings/settings';
import { requireOpenShift } from '../shift/shift-rows';
import type { Actor } from '../sale/sale';
import type { PaymentProvider } from '../providers/provider';
import { createAttempt, openAttemptFor, type AttemptRow } from './scan-attempts';
import type { ScanPaymentDeps } from './scan-payment-context';

export interface ScanPayInput {
  saleId: string;
  code: string;
  provider?: PaymentProvider | undefined;
  amountMinor?: number | undefined;
  idempotencyKey: string;
}

function outTradeNo(registerId: string, id: number): string {
  // ≤ 32 characters of letters, digits and "_": both providers' rule. Unique by the attempt id and
  // a random tail (two registers with the same id, or a ledger restored from a backup, never collide).
  const reg = registerId.replace(/[^A-Za-z0-9]/g, '').slice(0, 8);
  return `RU${reg}_${id.toString(36)}_${randomBytes(6).toString('hex')}`.slice(0, 32);
}

/** The scanned code's digits and whose it is; throws when it is no payment code or no provider the register takes. */
export function readPaymentCode(input: ScanPayInput): { digits: string; providerId: PaymentProvider } {
  const code = classifyCode(input.code);
  if (code.kind !== 'payment') throw new ServiceError('scanpay.not_a_payment_code');
  let providerId: PaymentProvider;
  if (code.provider === 'unionpay') throw new ServiceError('scanpay.provider_unsupported', { provider: 'unionpay' });
  if (code.provider === 'unknown') {
    // A prefix the register does not know: the cashier says whose it is (or the provider will answer).
    if (!input.provider) throw new ServiceError('scanpay.provider_unknown', { maskedCode: maskPaymentCode(code.digits) });
    providerId = input.provider;
  } else providerId = code.provider;
  return { digits: code.digits, providerId };
}

/** Commits the attempt for what the sale still owes (or `amountMinor` of it), after every check a booking needs. */
export function openAttempt(deps: ScanPaymentDeps, actor: Actor, input: ScanPayInput, digits: string, providerId: PaymentProvider): AttemptRow {
  const { db } = deps;
  return db.transaction(() => {
    const doc = findDocument(db, input.saleId);
    if (doc.status !== 'open' || doc.kind !== 'sale')
      throw new ServiceError(doc.status === 'completed' ? 'sale.already_paid' : 'sale.not_open', { saleId: input.saleId });
    if (doc.held_at !== null) throw new ServiceError('sale.held', { saleId: input.saleId });
    refuseWhileExchangeWaits(db, input.saleId);
    const view = documentView(db, input.saleId);
    if (view.lines.length === 0) throw new ServiceError('sale.empty');
    if (view.remainingMinor <= 0) throw new ServiceError('sale.already_paid');
    const amount = partAmount(view.remainingMinor, input.amountMinor, 'scanpay.amount_exceeds_due');
    // Checked before the provider hears of it: a payment that could not be booked would have to be reversed.
    requireOpenShift(db, doc.register_id);
    const card = openIntentFor(db, input.saleId);
    if (card) throw new ServiceError('terminal.intent_unresolved', { intentId: card.id });
    const open = openAttemptFor(db, input.saleId);
    if (open) throw new ServiceError('scanpay.attempt_unresolved', { attemptId: open.id });
    const next = (db.prepare('SELECT COALESCE(MAX(id), 0) + 1 AS n FROM scan_attempts').get() as { n: number }).n;
    return createAttempt(
      db,
      {
        saleId: input.saleId,
        provider: providerId,
        outTradeNo: outTradeNo(getSettings(db).registerId, next),
        idempotencyKey: input.idempotencyKey,
        amountMinor: amount,
        maskedCode: maskPaymentCode(digits),
        operatorId: actor.id,
      },
      deps.clock(),
    );
  })();
}
