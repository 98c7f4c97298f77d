// The bookkeeping behind useCall, kept free of React and of the transport so that a test can
// drive it against a real register: which answer is the one to show, whether it is still
// awaited, and which idempotency key a money call carries.
import type { CallError, CallInput, CallName, CallResult, Result, RingupApi } from '../../../preload/contract';
import { createActionKeys } from './idempotency';
import { isMoneyCall, type RunInput } from './money-calls';

export interface CallSnapshot<T> {
  /** An answer is awaited, and it will be shown when it comes. */
  busy: boolean;
  /** The last refusal, from main or from the window's own check; null once a call succeeds. */
  error: CallError | null;
  /** What main last answered; null before that, after main refused, and after reset(). */
  value: T | null;
}

export interface CallRunner<N extends CallName> {
  /**
   * Sends the call and resolves to its Result, always: a money call's outcome must reach
   * whoever is still there to act on it. `intent` adds what the cashier saw when they pressed
   * (the amount still owed, say) to what makes two presses one action.
   */
  run<M extends N>(name: M, input: RunInput<M>, intent?: string): Promise<Result<CallResult<M>>>;
  /** A refusal found in the window before anything is sent; main's last value stays. */
  refuse(error: CallError): void;
  /** Forgets the last answer, and any still on its way. */
  reset(): void;
  subscribe(listener: () => void): () => void;
  /** The same object until something changes (what useSyncExternalStore needs). */
  snapshot(): CallSnapshot<CallResult<N>>;
}

const IDLE: CallSnapshot<never> = { busy: false, error: null, value: null };

/** A transport that throws (a torn-down Electron bridge) fails like a dropped socket. */
const TRANSPORT_FAILED: CallError = { code: 'request.transport_failed', params: {} };

export function createCallRunner<N extends CallName>(invoke: RingupApi['invoke']): CallRunner<N> {
  let state: CallSnapshot<CallResult<N>> = IDLE;
  // Each run, refusal and reset takes a number; only the newest may change what is shown, so a
  // slow answer to an earlier search never replaces a later one.
  let newest = 0;
  const listeners = new Set<() => void>();
  const keys = createActionKeys();
  // A money call pressed again while its first answer is awaited waits for that same answer.
  const awaited = new Map<string, Promise<Result<unknown>>>();

  const show = (next: CallSnapshot<CallResult<N>>) => {
    state = next;
    for (const listener of listeners) listener();
  };

  const send = async <M extends N>(name: M, input: CallInput<M>): Promise<Result<CallResult<M>>> => {
    try {
      return await invoke(name, input);
    } catch {
      return { ok: false, error: TRANSPORT_FAILED };
    }
  };

  const sendMoney = <M extends N>(name: M, input: RunInput<M>, intent: string | undefined): Promise<Result<CallResult<M>>> => {
    // Same call, same input, same intent: the same key, until a success spends it. A refused or
    // lost answer keeps it, so pressing again after a dropped connection replays the first
    // request instead of charging twice.
    const key = keys.keyFor(fingerprint(name, input, intent));
    const pending = awaited.get(key) as Promise<Result<CallResult<M>>> | undefined;
    if (pending) return pending;
    const answer = send(name, { ...(input as object), idempotencyKey: key } as CallInput<M>);
    awaited.set(key, answer);
    void answer.then((result) => {
      awaited.delete(key);
      if (result.ok) keys.settle(key);
    });
    return answer;
  };

  return {
    run(name, input, intent) {
      const ticket = ++newest;
      show({ busy: true, error: null, value: state.value });
      const answer = isMoneyCall(name) ? sendMoney(name, input, intent) : send(name, input as CallInput<typeof name>);
      return answer.then((result) => {
        if (ticket === newest) show(result.ok ? { busy: false, error: null, value: result.value } : { busy: false, error: result.error, value: null });
        return result;
      });
    },
    refuse(error) {
      newest++;
      show({ busy: false, error, value: state.value });
    },
    reset() {
      newest++;
      show(IDLE);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    snapshot: () => state,
  };
}

/** The call, what was asked and the cashier's intent, with object keys sorted so order never matters. */
function fingerprint(name: CallName, input: unknown, intent: string | undefined): string {
  return JSON.stringify([name, intent ?? null, sortKeys(input)]);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => [k, sortKeys(v)]),
  );
}
