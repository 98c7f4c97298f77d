import type { Db } from './db';
import { LedgerOpenError } from './open-error';
import { foundation } from './migrations/001-foundation';
import { printing } from './migrations/002-printing';
import { cardPayments } from './migrations/003-card-payments';
import { corrections } from './migrations/004-corrections';
import { scanPay } from './migrations/005-scan-pay';
import { leanLedger } from './migrations/006-lean-ledger';
import { dayClose } from './migrations/007-day-close';
import { catalog } from './migrations/008-catalog';
import { badges } from './migrations/009-badges';
import { sync } from './migrations/010-sync';
import { fraudAndReports } from './migrations/011-fraud-and-reports';
import { scaleLabels } from './migrations/012-scale-labels';
import { training } from './migrations/013-training';
import { heldSales } from './migrations/014-held-sales';
import { exchanges } from './migrations/015-exchanges';
import { priceOverrides } from './migrations/016-price-overrides';
import { searchKeysV2 } from './migrations/017-search-keys-v2';
import { leanStorage } from './migrations/018-lean-storage';
import { documentKeys } from './migrations/019-document-keys';
import { journalCompact } from './migrations/020-journal-compact';
import { soldBy } from './migrations/021-sold-by';
import { rollupCategoryEn } from './migrations/022-rollup-category-en';
import { operatorNumbers } from './migrations/023-operator-numbers';
import { exchangeDrafts } from './migrations/024-exchange-drafts';

/**
 * Numbered schema steps keyed on PRAGMA user_version. Append only: a migration that has shipped
 * is never edited, because tills in shops already ran it.
 */
export interface Migration {
  version: number;
  name: string;
  sql: string;
  /**
   * Rebuilds a table other tables point at (SQLite cannot change a CHECK in place): run with
   * foreign keys off, as SQLite's documented rebuild does, and check them all before committing.
   */
  rebuildsTables?: true;
}

export const migrations: readonly Migration[] = [
  { version: 1, name: 'foundation', sql: foundation },
  { version: 2, name: 'printing', sql: printing },
  { version: 3, name: 'card-payments', sql: cardPayments },
  { version: 4, name: 'corrections', sql: corrections },
  { version: 5, name: 'scan-pay', sql: scanPay, rebuildsTables: true },
  { version: 6, name: 'lean-ledger', sql: leanLedger },
  { version: 7, name: 'day-close', sql: dayClose },
  { version: 8, name: 'catalog', sql: catalog },
  { version: 9, name: 'badges', sql: badges },
  { version: 10, name: 'sync', sql: sync },
  { version: 11, name: 'fraud-and-reports', sql: fraudAndReports },
  { version: 12, name: 'scale-labels', sql: scaleLabels },
  { version: 13, name: 'training', sql: training },
  { version: 14, name: 'held-sales', sql: heldSales },
  { version: 15, name: 'exchanges', sql: exchanges },
  { version: 16, name: 'price-overrides', sql: priceOverrides },
  { version: 17, name: 'search-keys-v2', sql: searchKeysV2 },
  { version: 18, name: 'lean-storage', sql: leanStorage },
  { version: 19, name: 'document-keys', sql: documentKeys, rebuildsTables: true },
  { version: 20, name: 'journal-compact', sql: journalCompact },
  { version: 21, name: 'sold-by', sql: soldBy },
  { version: 22, name: 'rollup-category-en', sql: rollupCategoryEn },
  { version: 23, name: 'operator-numbers', sql: operatorNumbers },
  { version: 24, name: 'exchange-drafts', sql: exchangeDrafts },
];

// Versions must run 1, 2, 3... with no gap: a gap would mean a ledger skipped a schema step.
migrations.forEach((m, i) => {
  if (m.version !== i + 1) throw new Error(`migration list is not contiguous at ${m.name}`);
});

export const LATEST_VERSION = migrations.length;

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > LATEST_VERSION) {
    throw new LedgerOpenError(
      'ledger.newer_than_code',
      `This ledger was written by a newer Ringup (schema ${current}; this version knows up to ${LATEST_VERSION}). Update Ringup before opening it.`,
    );
  }
  for (const step of migrations) {
    if (step.version <= current) continue;
    // foreign_keys cannot change inside a transaction, so it is switched around it.
    if (step.rebuildsTables) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(step.sql);
        if (step.rebuildsTables) {
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length > 0) throw new Error(`migration ${step.name} would break ${broken.length} foreign keys`);
        }
        db.pragma(`user_version = ${step.version}`);
      })();
    } finally {
      if (step.rebuildsTables) db.pragma('foreign_keys = ON');
    }
  }
}
