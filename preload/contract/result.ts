// The envelope every call returns. Nothing throws across a transport: a failure is data
// with a stable code the UI translates (`errors.<code>` in assets/locales).

import type { ErrorCode } from './errors';

export type { ErrorCode } from './errors';

export type ErrorParams = Record<string, string | number | boolean | null>;

export interface CallError {
  code: ErrorCode;
  params: ErrorParams;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CallError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: ErrorCode, params: ErrorParams = {}): Result<T> {
  return { ok: false, error: { code, params } };
}
