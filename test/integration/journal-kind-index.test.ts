// journal_kind leaves the document entries out (ledger/journal-kind-index.ts): it holds every other
// entry, and no statement the register runs finds entries by kind by reading the whole journal
// (SQLite uses a partial index only where the query states its condition).
import { afterEach, describe, expect, it } from 'vitest';
import { INDEXED_KINDS } from '../../main/ledger/journal-kind-index';
import { statementTexts } from '../../main/ledger/statements';
import { key, openShop, shanghai, type Shop } from '../support/day-close-shop';

const shops: Shop[] = [];
afterEach(() => {
  for (const s of shops.splice(0)) s.reg.cleanup();
});

describe('journal_kind', () => {
  it('holds every entry but the document ones, and every lookup by kind the register makes uses it or a range of seqs', async () => {
    const s = await openShop(shanghai('2026-03-10'));
    shops.push(s);
    await s.cashSale([1000, 250]);
    await s.cashSale([4000], 5000);
    await s.as('supervisor');
    await s.reg.must('report.x', { scope: 'day' });
    await s.reg.must('report.x', { scope: 'shift' });
    await s.closeShift();
    await s.reg.must('dayClose.close', { businessDay: '2026-03-10', idempotencyKey: key() });
    await s.reg.must('zReport.list', {});
    await s.reg.must('journal.list', { kinds: ['sale.completed'] });
    await s.as('owner');
    await s.reg.must('updates.check', {});
    await s.reg.must('selfcheck.run', {});

    const db = s.reg.db;
    const index = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'journal_kind'").pluck().get() as string;
    expect(index.endsWith(`WHERE ${INDEXED_KINDS}`)).toBe(true);
    const all = db.prepare('SELECT kind, COUNT(*) AS n FROM journal GROUP BY kind ORDER BY kind').all() as { kind: string; n: number }[];
    const inIndex = db.prepare(`SELECT kind, COUNT(*) AS n FROM journal INDEXED BY journal_kind WHERE ${INDEXED_KINDS} GROUP BY kind ORDER BY kind`).all();
    expect(all.find((r) => r.kind === 'sale.completed')?.n).toBe(2);
    expect(inIndex).toEqual(all.filter((r) => !r.kind.endsWith('.completed')));
    expect(all.map((r) => r.kind)).toContain('day.closed');

    // Every statement in the register's statement cache that picks journal entries by kind: none reads the whole table.
    const byKind = statementTexts(db).filter((t) => /\bjournal\b/.test(t) && /\bkind (=|IN)/.test(t));
    expect(byKind.length).toBeGreaterThan(3);
    const fullReads = byKind.filter((t) => {
      const params = (t.match(/\?/g) ?? []).map(() => 0);
      const plan = db.prepare(`EXPLAIN QUERY PLAN ${t}`).all(...params) as { detail: string }[];
      // Each step over the journal goes through the kind index or a range of seqs (the table's key).
      return plan.some(
        (p) => /^(SCAN|SEARCH) (journal|j)\b/.test(p.detail) && !/USING (COVERING )?INDEX journal_kind|USING INTEGER PRIMARY KEY/.test(p.detail),
      );
    });
    expect(fullReads).toEqual([]);
  });
});
