// Which version of a kind wins when two are pulled: the later-published one, from its moment on.
// A version is superseded when a version of the same kind published after it (a higher number)
// takes effect at or before its moment: a catalog version is then not applied at all (the later
// price list already replaced it); a settings version applies only the keys no such later
// version sets. Operators versions follow their stated order as before.
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';

export interface Supersession {
  /** The newest version that supersedes it, or null. */
  by: number | null;
  /** Settings keys set by the superseding versions (left out when applying an older settings version). */
  keys: Set<string>;
}

export function supersession(db: Db, v: { version: number; kind: string; effective_at: number }): Supersession {
  if (v.kind === 'operators') return { by: null, keys: new Set() };
  const later = sql(db, 'SELECT version, body FROM sync_versions WHERE kind = ? AND version > ? AND effective_at <= ? ORDER BY version').all(
    v.kind,
    v.version,
    v.effective_at,
  ) as { version: number; body: string }[];
  const keys = new Set<string>();
  if (v.kind === 'settings') {
    for (const l of later) {
      const body = JSON.parse(l.body) as { settings?: Record<string, unknown> };
      for (const k of Object.keys(body.settings ?? {})) keys.add(k);
    }
  }
  return { by: later.at(-1)?.version ?? null, keys };
}
