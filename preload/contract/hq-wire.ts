// What registers and HQ say to each other over HTTP, defined once for both ends (main/sync and
// hq/). Every answer is the same envelope as the register's calls: { ok, value } or
// { ok: false, error: { code, params } }. Amounts are integer minor units; documents are stored
// positive and their kind says which way the money went. The messages
// themselves live beside this file, one file for each thing that travels; this one re-exports them.

/** Paths of HQ's API. Register calls other than enrolment are signed (see journal-chain/request-signature). */
export const hqPaths = {
  enrol: '/api/enrol',
  upload: '/api/upload',
  down: '/api/down',
  /** The owner's read-only overview, asked for through an enrolled register (signed like its uploads). */
  overview: '/api/owner/overview',
  /** The till's owner takes the register out of the chain (signed; hq/auth/withdraw.ts). */
  withdraw: '/api/withdraw',
} as const;

/** Headers of a signed request. */
export const hqHeaders = {
  register: 'x-ringup-register',
  time: 'x-ringup-time',
  nonce: 'x-ringup-nonce',
  signature: 'x-ringup-signature',
} as const;

/** HQ's refusals, translated in the register's locales because the upload status shows them. */
export const hqErrors = [
  'hq.invalid_input',
  'hq.unsigned',
  'hq.bad_signature',
  'hq.replayed',
  'hq.clock_skew',
  'hq.unknown_register',
  'hq.enrol_code_invalid',
  'hq.enrol_code_expired',
  'hq.gap',
  'hq.fork',
  'hq.tampered',
  'hq.record_missing',
  'hq.record_mismatch',
  'hq.too_large',
  'hq.forbidden',
  'hq.not_found',
  'hq.invalid_range',
  'hq.internal',
  // A register taken out of the chain (at the till or at HQ): its key is refused from then on.
  'hq.register_withdrawn',
] as const;
export type HqErrorCode = (typeof hqErrors)[number];

export type HqResult<T> = { ok: true; value: T } | { ok: false; error: { code: HqErrorCode; params: Record<string, string | number | boolean | null> } };

export { hqId } from './hq-wire-fields';
export * from './hq-wire-enrol';
export * from './hq-wire-upload';
export * from './hq-wire-records';
export * from './hq-wire-down';
export * from './hq-wire-down-checks';
export * from './hq-wire-overview';
