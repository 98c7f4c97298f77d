// Every error code the register can return, gathered from the domain contract files so that a
// feature adds its codes beside its calls. locales.test.ts checks each has a translation.
import { backupErrors } from './backup';
import { cardErrors } from './card';
import { dayCloseErrors } from './day-close';
import { shiftErrors } from './shift';
import { fraudErrors } from './fraud';
import { catalogErrors } from './catalog';
import { printerErrors } from './printer';
import { refundErrors } from './refund';
import { exchangeErrors } from './exchange';
import { scanPayErrors } from './scan-pay';
import { saleErrors } from './sale';
import { sessionErrors } from './session';
import { settingsErrors } from './settings';
import { selfCheckErrors } from './self-check';
import { syncErrors } from './sync';
import { trainingErrors } from './training';

/** The router's and the transport's own refusals; each domain lists its codes in its contract file. */
export const requestErrors = [
  'request.unknown_call',
  'request.invalid_input',
  'request.idempotency_key_reused',
  'request.transport_failed',
  'request.too_large',
  'request.no_token',
  'request.stale_token',
  'internal',
  // The ledger could not be written (SQLite's FULL, IOERR, READONLY): nothing of the call was kept.
  'ledger.disk_full',
  'ledger.io_error',
] as const;

export const errorCodes = [
  ...requestErrors,
  ...sessionErrors,
  ...catalogErrors,
  ...saleErrors,
  ...settingsErrors,
  ...printerErrors,
  ...cardErrors,
  ...refundErrors,
  ...exchangeErrors,
  ...scanPayErrors,
  ...backupErrors,
  ...shiftErrors,
  ...dayCloseErrors,
  ...selfCheckErrors,
  ...syncErrors,
  ...fraudErrors,
  ...trainingErrors,
] as const;

export type ErrorCode = (typeof errorCodes)[number];
