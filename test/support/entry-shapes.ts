// Ledgers whose completed documents' entries have the shapes registers wrote before the slim entry
// (main/documents/document-journal.ts): the lines copied (before the digest), or the totals copied
// beside the digest. The register writes only the slim entry now, so a test rewrites its journal
// as an older register would have written it: every entry re-chained from the first, with the
// journal's own canonical form and hash, the chosen documents' entries in the older shape. Run it
// before anything reads the journal (an upload, a backup); the feed's subscribers do not run.
import type Database from 'better-sqlite3';
import type { LegacyDocumentCompleted, TotalsDocumentCompleted } from '../../main/documents/document-journal';
import { documentView } from '../../main/documents/document-view';
import { canonicalJson } from '../../main/journal-chain/canonical-json';
import { entryHash, GENESIS_HASH } from '../../main/journal-chain/chain';

export type EntryShape = 'slim' | 'totals' | 'legacy';

function totalsEntry(db: Database.Database, id: string, receiptNo: number): TotalsDocumentCompleted {
  const v = documentView(db, id);
  const row = db.prepare('SELECT shift_id, override_minor FROM documents WHERE id = ?').get(id) as { shift_id: number; override_minor: number | null };
  return {
    saleId: id,
    registerId: v.registerId,
    receiptNo,
    businessDay: v.businessDay ?? '',
    shiftId: row.shift_id,
    operatorId: v.operatorId,
    totalMinor: v.totals.totalMinor,
    taxMinor: v.totals.taxMinor,
    discountMinor: v.totals.discountMinor,
    ...((row.override_minor ?? 0) > 0 ? { overrideMinor: row.override_minor ?? 0 } : {}),
    roundingMinor: v.roundingMinor,
    taxes: v.totals.taxBreakdown.map((t) => ({ rateBp: t.rateBp, baseMinor: t.baseMinor, taxMinor: t.taxMinor })),
    payments: v.payments.map((p) => ({ method: p.method, amountMinor: p.amountMinor })),
    grandTotalMinor: v.grandTotalMinor ?? 0,
    documentSha256: '',
    ...(v.training ? { training: true as const } : {}),
    ...(v.kind === 'sale' ? {} : { correction: { originalDocumentId: v.originalDocumentId, reason: v.reason, approverId: v.approverId } }),
  };
}

function legacyEntry(db: Database.Database, id: string, receiptNo: number): LegacyDocumentCompleted {
  const v = documentView(db, id);
  return {
    saleId: id,
    registerId: v.registerId,
    receiptNo,
    businessDay: v.businessDay ?? '',
    operatorId: v.operatorId,
    lines: v.lines.map((l) => ({
      sku: l.sku,
      name: l.name,
      qtyMilli: l.qtyMilli,
      unitPriceMinor: l.unitPriceMinor,
      taxRateBp: l.taxRateBp,
      totalMinor: l.totalMinor,
      taxMinor: l.taxMinor,
    })),
    totalMinor: v.totals.totalMinor,
    taxMinor: v.totals.taxMinor,
    discountMinor: v.totals.discountMinor,
    roundingMinor: v.roundingMinor,
    payments: v.payments.map((p) => ({
      method: p.method,
      amountMinor: p.amountMinor,
      tenderedMinor: p.tenderedMinor,
      changeMinor: p.changeMinor,
      authCode: p.card?.authCode ?? null,
    })),
    grandTotalMinor: v.grandTotalMinor ?? 0,
    ...(v.kind === 'sale' ? {} : { correction: { originalDocumentId: v.originalDocumentId, reason: v.reason, approverId: v.approverId } }),
  };
}

/**
 * Rewrites the journal with the completed entries of the documents `shapeOf` names in an older
 * shape (the others stay slim); returns the shape each document's entry now has, by document id.
 */
export function reshapeCompletedEntries(db: Database.Database, shapeOf: (documentId: string, index: number) => EntryShape): Map<string, EntryShape> {
  const rows = db.prepare('SELECT seq, at, kind, payload FROM journal ORDER BY seq').all() as { seq: number; at: number; kind: string; payload: string }[];
  const triggers = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'journal'").pluck().all() as string[];
  const shapes = new Map<string, EntryShape>();
  db.transaction(() => {
    for (const name of db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'journal'").pluck().all() as string[])
      db.exec(`DROP TRIGGER ${name}`);
    db.exec('DELETE FROM journal');
    let prev = GENESIS_HASH;
    // at and kind are read from the payload (migration 20); the hash is stored as its bytes.
    const insert = db.prepare('INSERT INTO journal (seq, payload, hash_bytes) VALUES (?, ?, ?)');
    for (const row of rows) {
      let payload = row.payload;
      if (row.kind.endsWith('.completed') && ['sale', 'refund', 'void'].includes(row.kind.split('.')[0] ?? '')) {
        const { data } = JSON.parse(row.payload) as { data: { saleId: string; receiptNo: number; documentSha256: string } };
        const shape = shapeOf(data.saleId, shapes.size);
        shapes.set(data.saleId, shape);
        if (shape !== 'slim') {
          const older =
            shape === 'legacy'
              ? legacyEntry(db, data.saleId, data.receiptNo)
              : { ...totalsEntry(db, data.saleId, data.receiptNo), documentSha256: data.documentSha256 };
          payload = canonicalJson({ seq: row.seq, at: row.at, kind: row.kind, data: older });
        }
      }
      const hash = entryHash(prev, payload);
      insert.run(row.seq, payload, Buffer.from(hash, 'hex'));
      prev = hash;
    }
    for (const sql of triggers) db.exec(sql);
  })();
  return shapes;
}
