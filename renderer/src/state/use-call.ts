import { useCallback, useState, useSyncExternalStore } from 'react';
import type { CallError, CallName, CallResult, Result } from '../../../preload/contract';
import { api } from '../transport/api';
import { createCallRunner, type CallSnapshot } from './call-runner';
import type { RunInput } from './money-calls';

/**
 * One call as a screen sees it: `busy` while its answer is awaited, main's refusal in `error`
 * (shown through ErrorNote, which translates it), main's answer in `value`. Money calls get their
 * idempotency key here. `run`, `reset` and `refuse` keep their identity, so effects may depend on them.
 */
export interface Call<N extends CallName> extends CallSnapshot<CallResult<N>> {
  run(input: RunInput<N>, intent?: string): Promise<Result<CallResult<N>>>;
  reset(): void;
  refuse(error: CallError): void;
}

/** Several calls that answer on one line of a screen (take cash: tender or complete): the newest answer is shown. */
export interface CallGroup<N extends CallName> extends CallSnapshot<CallResult<N>> {
  run<M extends N>(name: M, input: RunInput<M>, intent?: string): Promise<Result<CallResult<M>>>;
  reset(): void;
  refuse(error: CallError): void;
}

const invoke: typeof api.invoke = (name, input) => api.invoke(name, input);

export function useCallGroup<N extends CallName>(): CallGroup<N> {
  const [runner] = useState(() => createCallRunner<N>(invoke));
  // Subscribed only while mounted: an answer that arrives after the screen is gone changes nothing.
  const state = useSyncExternalStore(runner.subscribe, runner.snapshot);
  return { ...state, run: runner.run, reset: runner.reset, refuse: runner.refuse };
}

export function useCall<N extends CallName>(name: N): Call<N> {
  const group = useCallGroup<N>();
  const runGroup = group.run;
  const run = useCallback((input: RunInput<N>, intent?: string) => runGroup(name, input, intent), [runGroup, name]);
  return { ...group, run };
}
