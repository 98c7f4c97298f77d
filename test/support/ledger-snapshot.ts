import { createHash } from 'node:crypto';
import type { Db } from '../../main/ledger/database';

/** A fingerprint of every row of every table: equal snapshots mean nothing changed. */
export function ledgerSnapshot(db: Db): string {
  const hash = createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[];
  for (const { name } of tables) {
    hash.update(name);
    // Rows in a fixed order whatever the table's key (WITHOUT ROWID tables have no rowid).
    const rows = db
      .prepare(`SELECT * FROM "${name}"`)
      .all()
      .map((row) => JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('hex') : v)));
    for (const row of rows.sort()) hash.update(row);
  }
  return hash.digest('hex');
}
