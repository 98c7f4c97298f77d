// The first result of every money-moving request, kept under its idempotency key so that a
// repeat (a double click, a retried message) returns it and records nothing.
import { createHash } from 'node:crypto';
import { canonicalJson } from '../journal-chain/canonical-json';
import type { Db } from './db';
import { sql } from './statements';

export interface StoredResult {
  call: string;
  inputHash: string;
  result: unknown;
}

/** Hash of a request without its key: the same key with another request is refused. */
export function requestHash(call: string, input: Record<string, unknown>): string {
  return createHash('sha256').update(canonicalJson({ call, input })).digest('hex');
}

export function storedResult(db: Db, key: string): StoredResult | null {
  const row = sql(db, 'SELECT call, input_hash, result FROM idempotency WHERE key = ?').get(key) as
    { call: string; input_hash: string; result: string } | undefined;
  return row ? { call: row.call, inputHash: row.input_hash, result: JSON.parse(row.result) as unknown } : null;
}

/** Call inside the transaction of the request's effect, so that both commit or neither. */
export function storeResult(db: Db, key: string, call: string, inputHash: string, result: unknown, at: number): void {
  sql(db, 'INSERT INTO idempotency (key, call, input_hash, result, at) VALUES (?, ?, ?, ?, ?)').run(key, call, inputHash, JSON.stringify(result), at);
}
