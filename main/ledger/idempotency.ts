// The first result of every money-moving request, kept under its idempotency key so that a
// repeat (a double click, a retried message) returns it and records nothing.
import { hash } from 'node:crypto';
import { canonicalJson } from '../journal-chain/canonical-json';
import type { Db } from './db';
import { sql } from './statements';

export interface StoredResult {
  call: string;
  inputHash: string;
  /** What was kept: the result itself, or (when `rebuild`) what the call's handler rebuilds it from. */
  result: unknown;
  rebuild: boolean;
}

/** Hash of a request without its key: the same key with another request is refused. */
export function requestHash(call: string, input: Record<string, unknown>): string {
  return hash('sha256', canonicalJson({ call, input }), 'hex');
}

export function storedResult(db: Db, key: string): StoredResult | null {
  const row = sql(db, 'SELECT call, input_hash, result, rebuild FROM idempotency WHERE key = ?').get(key) as
    { call: string; input_hash: string; result: string; rebuild: number } | undefined;
  return row ? { call: row.call, inputHash: row.input_hash, result: JSON.parse(row.result) as unknown, rebuild: row.rebuild === 1 } : null;
}

/**
 * Call inside the transaction of the request's effect, so that both commit or neither. `rebuild`
 * says that `kept` is not the result but a reference to what the ledger holds anyway (a completed
 * document), from which the handler rebuilds the same result for a repeat.
 */
export function storeResult(db: Db, key: string, call: string, inputHash: string, kept: unknown, at: number, rebuild = false): void {
  sql(db, 'INSERT INTO idempotency (key, call, input_hash, result, at, rebuild) VALUES (?, ?, ?, ?, ?, ?)').run(
    key,
    call,
    inputHash,
    JSON.stringify(kept),
    at,
    rebuild ? 1 : 0,
  );
}

/**
 * How long a key is kept. A repeat comes from the same window within seconds (a double click, a
 * message sent again after the connection dropped); a day covers the longest an open sale's
 * screen could sit with an unanswered payment. A repeat after that finds no key and runs again,
 * and the sale refuses it (`sale.already_paid`, a card intent already resolved): no money moves
 * twice, the caller only gets a refusal instead of the first answer.
 */
export const IDEMPOTENCY_KEEP_MS = 24 * 60 * 60 * 1000;

/** Drops the keys stored before `before` (epoch ms); returns how many. */
export function pruneIdempotency(db: Db, before: number): number {
  return sql(db, 'DELETE FROM idempotency WHERE at < ?').run(before).changes;
}
