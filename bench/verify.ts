// Journal verification over 500,000 entries. The reference is the least any verification must
// do, measured in the same run on the same rows: read every entry (the same columns, the same
// order) and SHA-256 the hash before it || its payload. verify_ratio is that reference's time over
// verifyJournal's time (1 = verifying costs nothing beyond reading and hashing).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openLedger } from '../main/ledger/database';
import { appendJournal, entryHash, verifyJournal } from '../main/ledger/journal';
import type { DocumentCompleted } from '../main/documents/document-journal';
import { figure, fmt } from './stats';
import { size } from './scale';

export interface VerifyFigures {
  verify_ratio: number;
  verify_500k_s: number;
}

const ENTRIES = Number(process.env.RINGUP_BENCH_JOURNAL_ENTRIES ?? size(500_000, 2_000));
const BATCH = size(10_000, 500);

/** A completed sale's entry as the register writes it: the document named and its digest. */
function saleEntry(i: number): DocumentCompleted {
  return {
    saleId: `019cc229-${(i >>> 16).toString(16).padStart(4, '0')}-7${(i & 0xfff).toString(16).padStart(3, '0')}-8d5d-4b2bfca53420`,
    receiptNo: i,
    documentSha256: entryHash(String(i), 'document'),
  };
}

/** Reads every entry as verifyJournal does and hashes it: the floor of any verification. */
function readAndHash(db: ReturnType<typeof openLedger>): number {
  let n = 0;
  let prev = '0'.repeat(64);
  // What a chain needs read: the payload and the hash (at and kind are read from the payload since schema 20).
  const rows = db.prepare('SELECT seq, payload, hash FROM journal ORDER BY seq').raw().iterate() as IterableIterator<[number, string, string]>;
  for (const row of rows) {
    if (entryHash(prev, row[1]).length === 64) n += 1;
    prev = row[2];
  }
  return n;
}

export function benchVerify(log: (line: string) => void): VerifyFigures {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-bench-verify-'));
  const db = openLedger(join(dir, 'journal.sqlite'));
  try {
    // Built quickly (one transaction per batch, no fsync): what is measured is reading it back.
    db.pragma('synchronous = OFF');
    const at0 = Date.parse('2026-01-01T08:00:00Z');
    for (let start = 0; start < ENTRIES; start += BATCH) {
      db.transaction(() => {
        for (let i = start; i < Math.min(ENTRIES, start + BATCH); i++) appendJournal(db, 'sale.completed', saleEntry(i + 1), at0 + i * 60_000);
      })();
    }
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.pragma('synchronous = FULL');
    const bytes = (db.prepare('SELECT SUM(length(payload)) FROM journal').pluck().get() as number) / ENTRIES;

    // Alternate the two, twice each, and keep each one's best: both then run on a warm page cache.
    let verifyMs = Infinity;
    let floorMs = Infinity;
    for (let r = 0; r < 2; r++) {
      let t0 = performance.now();
      const n = readAndHash(db);
      floorMs = Math.min(floorMs, performance.now() - t0);
      t0 = performance.now();
      const result = verifyJournal(db);
      verifyMs = Math.min(verifyMs, performance.now() - t0);
      if (!result.ok || result.entries !== ENTRIES || n !== ENTRIES) throw new Error(`journal did not verify: ${JSON.stringify(result)}`);
    }
    const figures: VerifyFigures = {
      verify_ratio: figure(floorMs / verifyMs),
      verify_500k_s: figure((verifyMs / 1000) * (500_000 / ENTRIES)),
    };
    log(`\nJournal verification (${ENTRIES.toLocaleString('en')} sale.completed entries, payload ${fmt(bytes, 0)} bytes on average)`);
    log(`  read + SHA-256 every entry (floor)   ${fmt(floorMs / 1000, 2)} s   ${fmt(ENTRIES / (floorMs / 1000), 0)} entries/s`);
    log(`  verifyJournal                        ${fmt(verifyMs / 1000, 2)} s   ${fmt(ENTRIES / (verifyMs / 1000), 0)} entries/s`);
    log(`  floor ÷ verify                       ${fmt(figures.verify_ratio)}  (goal ≥ 0.8)`);
    return figures;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
