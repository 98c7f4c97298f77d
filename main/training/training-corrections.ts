// The training simulator's side of a practice correction (a return, void or price adjustment of a
// training sale, or a return without receipt by a trainee): the card and scan-to-pay parts are
// given back here, in the register, marked TRAINING, and the correction completes at once in the
// training series. No card intent, scan-to-pay refund or provider request is ever created for it.
import { randomUUID } from 'node:crypto';
import type { CompletionView, DocumentView, PaymentMethod, ScanDetailsView } from '../../preload/contract/views';
import type { StoreSettings } from '../../preload/contract/views';
import { businessDayRule } from '../business-day/business-day';
import { completeDocument } from '../documents/complete-document';
import { takePayment } from '../documents/document-payments';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';

interface Part {
  paymentId: number | null;
  method: PaymentMethod;
  amountMinor: number;
}

/** The provider the practice sale's payment code was "paid" with, so the practice refund names the same one. */
function providerOf(db: Db, paymentId: number | null): ScanDetailsView['provider'] {
  const row = sql(db, 'SELECT scan FROM payments WHERE id = ?').get(paymentId ?? -1) as { scan: string | null } | undefined;
  const scan = row?.scan ? (JSON.parse(row.scan) as Partial<ScanDetailsView>) : null;
  return scan?.provider === 'alipay' ? 'alipay' : 'wechat';
}

/** Takes the correction's card and scan-to-pay parts (its cash parts are already written) and completes it. */
export function practiseCorrection(
  ctx: { db: Db; now: number; settings: StoreSettings; actor: { id: number } },
  opened: DocumentView,
  parts: readonly Part[],
  roundingMinor: number,
  operatorName: string,
): CompletionView {
  let view = opened;
  for (const part of parts.filter((p) => p.method !== 'cash')) {
    const card =
      part.method === 'card'
        ? {
            maskedPan: null,
            brand: 'TRAINING',
            authCode: 'TRAINING',
            trace: null,
            terminalReceiptNo: null,
            terminalId: 'TRAINING',
            entryMode: null,
            transaction: 'refund' as const,
            signatureRequired: false,
          }
        : null;
    const scan =
      part.method === 'scan'
        ? { provider: providerOf(ctx.db, part.paymentId), transactionId: null, outTradeNo: `TRAINING-${randomUUID()}`, payer: null }
        : null;
    view = takePayment(
      ctx.db,
      view,
      { method: part.method, amountMinor: part.amountMinor, tenderedMinor: part.amountMinor, changeMinor: 0, card, scan, originalPaymentId: part.paymentId },
      ctx.now,
      ctx.settings.cashRoundingStepMinor,
    );
  }
  const done = completeDocument(ctx.db, view, {
    operatorId: ctx.actor.id,
    operatorName,
    roundingMinor,
    now: ctx.now,
    businessDay: businessDayRule(ctx.settings),
  });
  return { sale: done, receiptNo: done.receiptNo, changeMinor: 0 };
}
