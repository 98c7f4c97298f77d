// One key per user action: a retry of the same action (same sale, same amount) reuses it so
// main can answer with the first result instead of charging twice.

export function newIdempotencyKey(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

export interface ActionKeys {
  /** The key for this action; the same one again while the fingerprint is unchanged. */
  keyFor(fingerprint: string): string;
  /**
   * The action that carried `key` succeeded: the next one gets a fresh key. A key that is no
   * longer the current one is left alone, so a late success cannot reset a newer action.
   */
  settle(key: string): void;
}

export function createActionKeys(): ActionKeys {
  let current: { fingerprint: string; key: string } | null = null;
  return {
    keyFor(fingerprint) {
      if (!current || current.fingerprint !== fingerprint) current = { fingerprint, key: newIdempotencyKey() };
      return current.key;
    },
    settle(key) {
      if (current?.key === key) current = null;
    },
  };
}
