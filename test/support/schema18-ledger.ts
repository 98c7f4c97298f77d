// A ledger as schema 18 stored it, for the tests of the migrations after it (19: document keys,
// 20: the compact journal): the schema migrations 1..18 make, a later ledger turned back into it
// row for row, and a document's digest read the way schema 18's SQL read it.
import Database from 'better-sqlite3';
import {
  documentDigestOfRows,
  DIGEST_DOCUMENT_COLUMNS,
  DIGEST_LINE_COLUMNS,
  DIGEST_LINE_EXTENSION_COLUMNS,
  DIGEST_PAYMENT_COLUMNS,
  type DigestValue,
} from '../../main/journal-chain/document-digest-rows';
import { migrations } from '../../main/ledger/migrations';

/** The schema as migrations 1..18 leave it: what a ledger of the last release holds. */
export function schema18(): Map<string, string> {
  const ref = new Database(':memory:');
  for (const m of migrations.filter((x) => x.version <= 18)) ref.exec(m.sql);
  const rows = ref.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'").all() as {
    type: string;
    name: string;
    sql: string;
  }[];
  ref.close();
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, r.sql]));
}

/** SQL text as sqlite_master keeps it, with a renamed table's name unquoted. */
export const normal = (sql: string) => sql.replace(/^CREATE TABLE "(\w+)"/, 'CREATE TABLE $1');

/**
 * Turns a schema-19 ledger back into what schema 18 stored, row for row: the three tables with the
 * document's UUID in every line and payment, their indexes and triggers as migrations 1..18 made
 * them. Written here, independently of migration 019, and checked against a ledger migrated to 18.
 */
export function backTo18(file: string): void {
  const ref = schema18();
  const db = new Database(file);
  db.pragma('foreign_keys = OFF');
  const table = (name: string, as: string) => normal(ref.get(`table ${name}`) ?? '').replace(/^CREATE TABLE \w+/, `CREATE TABLE ${as}`);
  const cols = (name: string) => (db.prepare(`SELECT name FROM pragma_table_info('${name}_old') ORDER BY cid`).pluck().all() as string[]).join(', ');
  db.transaction(() => {
    db.exec(`${table('documents', 'documents_old')}; ${table('document_lines', 'document_lines_old')}; ${table('payments', 'payments_old')};`);
    db.exec(`INSERT INTO documents_old (rowid, ${cols('documents')}) SELECT pk, ${cols('documents')} FROM documents`);
    for (const t of ['document_lines', 'payments']) {
      const own = cols(t)
        .split(', ')
        .map((c) => (c === 'document_id' ? '(SELECT id FROM documents d WHERE d.pk = t.document_pk)' : `t.${c}`))
        .join(', ');
      db.exec(`INSERT INTO ${t}_old (${cols(t)}) SELECT ${own} FROM ${t} t`);
    }
    db.exec('DROP TABLE payments; DROP TABLE document_lines; DROP TABLE documents;');
    // Schema 20 stores the journal's hash as bytes and reads at and kind from the payload: back to the text columns.
    if (db.prepare("SELECT 1 FROM pragma_table_xinfo('journal') WHERE name = 'hash_bytes'").get() !== undefined) {
      db.exec(`DROP VIEW journal_chain; DROP INDEX journal_kind; ${table('journal', 'journal_old')};`);
      db.exec('INSERT INTO journal_old (seq, at, kind, payload, hash) SELECT seq, at, kind, payload, hash FROM journal; DROP TABLE journal;');
      db.exec('ALTER TABLE journal_old RENAME TO journal;');
    }
    db.exec(
      'ALTER TABLE documents_old RENAME TO documents; ALTER TABLE document_lines_old RENAME TO document_lines; ALTER TABLE payments_old RENAME TO payments;',
    );
    // Schema 21 says how each product is sold.
    if (db.prepare("SELECT 1 FROM pragma_table_info('products') WHERE name = 'sold_by'").get() !== undefined)
      db.exec('ALTER TABLE products DROP COLUMN sold_by');
    // Schema 22 keeps a rollup's category's English name too.
    if (db.prepare("SELECT 1 FROM pragma_table_info('product_rollups') WHERE name = 'category_en'").get() !== undefined)
      db.exec('ALTER TABLE product_rollups DROP COLUMN category_en');
    // Schema 24 keeps a chosen exchange beside its open sale.
    db.exec('DROP TABLE IF EXISTS exchange_drafts');
    for (const [what, sql] of ref) {
      const [type, name] = what.split(' ');
      if (type === 'table') continue;
      const on = type === 'view' ? name : (/ ON "?(\w+)"?/.exec(sql) ?? [])[1];
      if (on === 'documents' || on === 'document_lines' || on === 'payments' || on === 'journal' || on === 'journal_chain') {
        if (db.prepare('SELECT 1 FROM sqlite_master WHERE name = ?').get(name) === undefined) db.exec(sql);
      }
    }
    db.pragma('user_version = 18');
  })();
  db.close();
}

export function schemaOf(file: string): Map<string, string> {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%'").all() as {
    type: string;
    name: string;
    sql: string;
  }[];
  db.close();
  return new Map(rows.map((r) => [`${r.type} ${r.name}`, normal(r.sql)]));
}

/** A document's digest read as schema 18 stored it (lines and payments by the document's UUID). */
export function digestAt18(db: Database.Database, id: string): string {
  const doc = db
    .prepare(`SELECT ${DIGEST_DOCUMENT_COLUMNS.join(', ')}, training FROM documents WHERE id = ?`)
    .raw()
    .get(id) as DigestValue[];
  const lines = db
    .prepare(`SELECT ${[...DIGEST_LINE_COLUMNS, ...DIGEST_LINE_EXTENSION_COLUMNS].join(', ')} FROM document_lines WHERE document_id = ?`)
    .raw()
    .all(id) as DigestValue[][];
  const payments = db
    .prepare(`SELECT ${DIGEST_PAYMENT_COLUMNS.join(', ')} FROM payments WHERE document_id = ?`)
    .raw()
    .all(id) as DigestValue[][];
  return documentDigestOfRows({ document: doc.slice(0, -1), training: Number(doc[doc.length - 1]), lines, payments });
}
