// One key per user action: a retry of the same action (same sale, same amount) reuses it so
// main can answer with the first result instead of charging twice.

export function newIdempotencyKey(): string {
  return crypto.randomUUID().replace(/-/g, '');
}

export interface ActionKeys {
  /** The key for this action; the same one again while the fingerprint is unchanged. */
  keyFor(fingerprint: string): string;
  /** The action is settled (succeeded): the next one gets a fresh key. */
  settle(): void;
}

export function createActionKeys(): ActionKeys {
  let current: { fingerprint: string; key: string } | null = null;
  return {
    keyFor(fingerprint) {
      if (!current || current.fingerprint !== fingerprint) current = { fingerprint, key: newIdempotencyKey() };
      return current.key;
    },
    settle() {
      current = null;
    },
  };
}
