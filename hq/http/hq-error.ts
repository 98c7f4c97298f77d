import type { HqErrorCode } from '../../preload/contract/hq-wire';

/** A refusal with a stable code, the HTTP status that carries it, and what the register may show. */
export class HqError extends Error {
  constructor(
    readonly code: HqErrorCode,
    readonly status: number,
    readonly params: Record<string, string | number | boolean | null> = {},
  ) {
    super(code);
  }
}
