// The training simulator's answers: a practice card or scan-to-pay payment is approved here, in
// the register, for the amount due (or the part the cashier keyed), without a terminal, a
// provider or a network. The payment carries TRAINING where a real one carries the card or the provider's numbers, and the sale it
// completes is a training document (counted in no figure).
import { randomUUID } from 'node:crypto';
import type { CompletionView } from '../../preload/contract/views';
import type { PaymentProvider } from '../../preload/contract/payment-code';
import { documentView } from '../documents/document-view';
import { recordCardPayment, recordScanPayment } from '../sale/tender';
import type { SaleContext } from '../sale/sale';
import { partAmount } from '../payments/part-amount';

function amountDue(ctx: SaleContext, saleId: string): number {
  const sale = documentView(ctx.db, saleId, ctx.settings.cashRoundingStepMinor);
  return sale.totals.totalMinor - sale.paidMinor;
}

export function practiceCardPayment(ctx: SaleContext, saleId: string, amountMinor?: number): CompletionView {
  return recordCardPayment(ctx, {
    saleId,
    amountMinor: partAmount(amountDue(ctx, saleId), amountMinor, 'terminal.amount_exceeds_due'),
    card: {
      maskedPan: null,
      brand: 'TRAINING',
      authCode: 'TRAINING',
      trace: null,
      terminalReceiptNo: null,
      terminalId: 'TRAINING',
      entryMode: null,
      transaction: 'sale',
      signatureRequired: false,
    },
  });
}

export function practiceScanPayment(
  ctx: SaleContext,
  input: { saleId: string; provider?: PaymentProvider | undefined; amountMinor?: number | undefined },
): CompletionView {
  const { completion } = recordScanPayment(ctx, {
    saleId: input.saleId,
    amountMinor: partAmount(amountDue(ctx, input.saleId), input.amountMinor, 'scanpay.amount_exceeds_due'),
    scan: { provider: input.provider ?? 'wechat', transactionId: null, outTradeNo: `TRAINING-${randomUUID()}`, payer: null },
  });
  return completion;
}
