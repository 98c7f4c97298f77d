import { z } from 'zod';
import { call } from './define';
import { id, idempotencyKey, positiveAmountMinor, uuid } from './primitives';
import type { CardAbortView, CardIntentView, TerminalBatchView, TerminalConfigView } from './card-views';
import type { CompletionView } from './views';

export const terminalConfig = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('none') }).strict(),
  z
    .object({
      kind: z.literal('serial'),
      path: z.string().trim().min(1).max(200),
      baudRate: z.number().int().min(1200).max(115_200).optional(),
      // ZVT's default line is 8N2; some terminals are set up otherwise.
      parity: z.enum(['none', 'even', 'odd']).optional(),
      stopBits: z.union([z.literal(1), z.literal(2)]).optional(),
    })
    .strict(),
  z
    .object({
      kind: z.literal('tcp'),
      host: z
        .string()
        .trim()
        .min(1)
        .max(253)
        .regex(/^[A-Za-z0-9.:_-]+$/),
      port: z.number().int().min(1).max(65_535),
    })
    .strict(),
]);

export const cardCalls = {
  /**
   * Pay what is still owed on the sale by card, or `amountMinor` of it (the rest by another tender;
   * more than is owed is refused before the terminal hears of it). Resolves when the terminal has
   * finished: the payment is recorded (completing the sale when it covers the rest) or the call
   * fails with the terminal's translated reason. Steps arrive meanwhile as `payment.step` events.
   */
  'card.pay': call<CompletionView>()(z.object({ saleId: uuid, amountMinor: positiveAmountMinor.optional(), idempotencyKey }).strict(), { movesMoney: true }),
  /** Ask the terminal to stop the running card payment of this sale (the terminal decides). */
  'card.abort': call<CardAbortView>()(z.object({ saleId: uuid }).strict()),
  /** The cashier checked the customer's signature on the merchant copy (journalled). */
  'card.confirmSignature': call<CardIntentView[]>()(z.object({ saleId: uuid }).strict()),
  /** Card authorizations a supervisor must settle: outcome unknown, or approved but not booked. */
  'card.unresolved': call<CardIntentView[]>()(z.object({}).strict()),
  /** A supervisor's verdict after checking the terminal (its journal or receipt). */
  'card.resolve': call<CardIntentView>()(
    z
      .object({
        intentId: id,
        outcome: z.enum(['approved', 'declined']),
        authCode: z
          .string()
          .trim()
          .max(16)
          .regex(/^[A-Za-z0-9 ]*$/)
          .optional(),
        idempotencyKey,
      })
      .strict(),
    { movesMoney: true },
  ),
  'terminal.getConfig': call<TerminalConfigView>()(z.object({}).strict()),
  'terminal.setConfig': call<TerminalConfigView>()(z.object({ config: terminalConfig }).strict()),
  /** Close the terminal's batch and keep its totals for the day close. */
  'terminal.endOfDay': call<TerminalBatchView>()(z.object({}).strict()),
  'terminal.batches': call<TerminalBatchView[]>()(
    z
      .object({
        businessDay: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
      })
      .strict(),
  ),
};

/** Card terminal and card payment refusals. Each needs its translation in assets/locales (errors.json). */
export const cardErrors = [
  'terminal.not_configured',
  'terminal.not_connected',
  'terminal.busy',
  'terminal.declined',
  'terminal.aborted',
  'terminal.failed',
  'terminal.outcome_unknown',
  // The register restarted before a card payment or refund finished, and the terminal never booked it.
  'terminal.interrupted',
  'terminal.intent_unresolved',
  'terminal.intent_not_found',
  'terminal.intent_settled',
  'terminal.approved_not_booked',
  'terminal.approval_mismatch',
  'terminal.approval_mismatch_not_bookable',
  'terminal.no_signature_pending',
  'terminal.end_of_day_failed',
  'terminal.bad_serial_path',
  'terminal.amount_exceeds_due',
] as const;
