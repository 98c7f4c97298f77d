// Waiting for the emulator to reach a count (jobs printed, pulses, status answers): tests await it.

/**
 * Resolves with `value()` taken the moment `reached()` holds (checked now and whenever one of
 * `listeners` fires); rejects with `failure()` after `timeoutMs`.
 */
export function waitUntil<T, A>(
  listeners: Set<(arg: A) => void>,
  reached: () => boolean,
  value: () => T,
  timeoutMs: number,
  failure: () => string,
): Promise<T> {
  if (reached()) return Promise.resolve(value());
  return new Promise((resolve, reject) => {
    const check = (): void => {
      if (!reached()) return;
      clearTimeout(timer);
      listeners.delete(check);
      resolve(value());
    };
    const timer = setTimeout(() => {
      listeners.delete(check);
      reject(new Error(failure()));
    }, timeoutMs);
    listeners.add(check);
  });
}
