// The ledger as the register starts on it: opened, then checked (quick_check, the journal's tail,
// the last bundle's head), or, if SQLite cannot read it at all, an empty stand-in that refuses to sell.
import { dirname } from 'node:path';
import type { LedgerCheckView } from '../../preload/contract/backup-views';
import { openLedger, type Db } from '../ledger/database';
import type { Logger } from '../log';
import { readAnchor } from './backup-store';
import { selfCheck } from './ledger-check';

/**
 * Opens the ledger and checks it. A ledger SQLite cannot even read is not a reason to stay dark: the
 * register starts on an empty in-memory ledger that refuses to sell, so that the owner can read why
 * and restore the last bundle. The unreadable file is left where it is until a restore moves it aside.
 */
export function openCheckedLedger(file: string, log: Logger): { db: Db; check: LedgerCheckView } {
  const anchor = file === ':memory:' ? null : readAnchor(dirname(file));
  try {
    const db = openLedger(file);
    const check = selfCheck(db, anchor);
    if (!check.ok) log.error(`ledger check failed: ${check.problem} ${check.seq ?? ''} ${check.detail ?? ''}`);
    return { db, check };
  } catch (error) {
    const code = (error as { code?: string }).code ?? '';
    if (!/^SQLITE_(CORRUPT|NOTADB)/.test(code)) throw error;
    log.error(`ledger ${file} cannot be read`, error);
    const check: LedgerCheckView = {
      ok: false,
      problem: 'unreadable',
      seq: null,
      detail: (error as Error).message.slice(0, 200),
      entries: 0,
      full: false,
      lastBundle: anchor?.file ?? null,
    };
    return { db: openLedger(':memory:'), check };
  }
}
