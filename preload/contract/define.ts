import type { z } from 'zod';

/**
 * One call of the contract: its input schema (validated in main) and its result type
 * (carried as a phantom so the renderer gets it without importing zod at run time).
 */
export interface CallDef<I extends z.ZodType, R> {
  input: I;
  /** Calls that move money must carry `idempotencyKey`; a repeat returns the first result. */
  movesMoney: boolean;
  /** Type-only marker; never read at run time. */
  readonly __result?: R;
}

/** `call<DocumentView>()(schema)` - curried so the result type is given and the input inferred. */
export function call<R>() {
  return <I extends z.ZodType>(input: I, options: { movesMoney?: boolean } = {}): CallDef<I, R> => ({
    input,
    movesMoney: options.movesMoney ?? false,
  });
}
