// A ledger file at an older schema, as a register of that release left it: migrations 1..version
// run in order, a step that rebuilds tables with foreign keys off (as the register migrates).
// The tests of each later migration write rows into it the way that release wrote them.
import Database from 'better-sqlite3';
import { migrations } from '../../main/ledger/migrations';

export function ledgerAtSchema(file: string, version: number): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  for (const m of migrations.filter((x) => x.version <= version)) {
    db.pragma(`foreign_keys = ${m.rebuildsTables ? 'OFF' : 'ON'}`);
    db.exec(m.sql);
    db.pragma(`user_version = ${m.version}`);
  }
  return db;
}
