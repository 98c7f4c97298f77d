// The envelope every call returns. Nothing throws across a transport: a failure is data
// with a stable code the UI translates (`errors.<code>` in assets/locales).

export type ErrorParams = Record<string, string | number | boolean | null>;

export interface CallError {
  code: ErrorCode;
  params: ErrorParams;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CallError };

/** Every error code the register can return. Adding one means adding its translation. */
export const errorCodes = [
  // transport and router
  'request.unknown_call',
  'request.invalid_input',
  'request.idempotency_key_reused',
  'request.transport_failed',
  'internal',
  // session and operators
  'session.not_logged_in',
  'session.forbidden',
  'session.wrong_pin',
  'session.locked',
  'setup.already_done',
  'operator.not_found',
  'operator.name_taken',
  'operator.pin_too_weak',
  'operator.cannot_change_self',
  // catalog
  'catalog.product_not_found',
  'catalog.csv_invalid',
  'catalog.duplicate_barcode',
  'catalog.duplicate_sku',
  'catalog.unknown_tax_rate',
  // sale
  'sale.not_found',
  'sale.not_open',
  'sale.line_not_found',
  'sale.empty',
  'sale.amount_too_large',
  'sale.discount_exceeds_amount',
  'sale.discount_needs_supervisor',
  'sale.approver_invalid',
  'sale.tender_insufficient',
  'sale.already_paid',
  'sale.not_fully_paid',
  'sale.has_payments',
  'receipt.not_found',
  // settings
  'settings.invalid',
  // printer, receipts and the drawer
  'printer.disabled',
  'printer.connect_timeout',
  'printer.connection_refused',
  'printer.unreachable',
  'printer.write_timeout',
  'printer.not_found',
  'printer.permission_denied',
  'printer.busy',
  'printer.io_error',
  'printer.paper_out',
  'printer.cover_open',
  'printer.offline',
  'printer.error',
  'printer.no_answer',
  'printer.job_not_found',
  'printer.job_not_retryable',
  'printer.job_not_cancellable',
  'printer.bad_serial_path',
  'printer.device_unsupported',
  'receipt.not_completed',
  'drawer.needs_supervisor',
  // card terminal and card payments
  'terminal.not_configured',
  'terminal.not_connected',
  'terminal.busy',
  'terminal.declined',
  'terminal.aborted',
  'terminal.failed',
  'terminal.outcome_unknown',
  'terminal.intent_unresolved',
  'terminal.intent_not_found',
  'terminal.intent_settled',
  'terminal.approved_not_booked',
  'terminal.no_signature_pending',
  'terminal.end_of_day_failed',
  'terminal.bad_serial_path',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, params: ErrorParams = {}): Result<T> {
  return { ok: false, error: { code, params } };
}
