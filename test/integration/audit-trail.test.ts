// The audit trail on a real ledger: the journal filtered by kind, operator, document and time and
// read a page at a time; the chain checked in steps to a verdict, naming the first entry changed
// behind the triggers' back; the CSV export checkable row by row against its head.
import { createHash } from 'node:crypto';
import Papa from 'papaparse';
import { afterEach, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { defaultPrinterProfile } from '../../main/hardware/printer';
import { verifyJournal } from '../../main/ledger/journal';
import { journalCsv, journalFileName } from '../../renderer/src/screens/audit/journal-csv';
import type { JournalEntryView } from '../../preload/contract/audit-views';
import { key, openShop, SHANGHAI, shanghai, type Shop } from '../support/day-close-shop';
import { SUPERVISOR_PIN } from '../support/register-fixture';

const GENESIS = '0'.repeat(64);
let shops: Shop[] = [];
afterEach(() => {
  for (const s of shops) s.reg.cleanup();
  shops = [];
});

async function day(): Promise<Shop> {
  const s = await openShop(shanghai('2026-11-29', '10:00'));
  shops.push(s);
  await s.cashSale([1_000]);
  s.clock.now = shanghai('2026-11-29', '11:00');
  const second = await s.cashSale([2_000]);
  await s.reg.must('void.sale', {
    saleId: second.saleId,
    reason: 'cashier_error',
    approval: { operatorId: s.staff.supervisorId, pin: SUPERVISOR_PIN },
    idempotencyKey: key(),
  });
  await s.as('supervisor');
  return s;
}

describe('journal.list', () => {
  it('filters by kind, operator, document and time, and pages on', async () => {
    const s = await day();
    const sales = await s.reg.must('journal.list', { kinds: ['sale.completed'] });
    expect(sales.entries.map((e) => [e.kind, e.operatorName, e.registerId])).toEqual([
      ['sale.completed', 'Cai 小蔡', 'R1'],
      ['sale.completed', 'Cai 小蔡', 'R1'],
    ]);
    expect(sales.kinds).toContain('void.completed');
    expect(sales.head?.seq).toBe(s.reg.db.prepare('SELECT MAX(seq) FROM journal').pluck().get());

    const voided = sales.entries[1]?.documentId ?? '';
    const aboutIt = await s.reg.must('journal.list', { documentId: voided });
    expect(aboutIt.entries.map((e) => e.kind)).toEqual(['sale.completed', 'void.completed']);
    // Each names its document as the receipt does, with the total the digest binds (the entry carries neither total).
    expect(aboutIt.entries.map((e) => e.document)).toEqual([
      { registerId: 'R1', receiptNo: 2, training: false, totalMinor: 2_000 },
      { registerId: 'R1', receiptNo: 3, training: false, totalMinor: 2_000 },
    ]);
    // The owner types the receipt number the list shows (as printed, bare, or full-width from a
    // Chinese input method) and finds the same entries as by the document's id.
    for (const typed of ['R1-000002', 'R1-2', '2', '２', 'Ｒ１－０００００２']) {
      expect(
        (await s.reg.must('journal.list', { documentId: typed })).entries.map((e) => e.kind),
        typed,
      ).toEqual(['sale.completed', 'void.completed']);
    }
    // Text that names no receipt is refused with what was typed; nothing is listed.
    expect(await s.reg.call('journal.list', { documentId: 'abc' })).toMatchObject({
      ok: false,
      error: { code: 'receipt.not_found', params: { receiptNo: 'abc' } },
    });
    expect(await s.reg.call('journal.list', { documentId: 'R1-000099' })).toMatchObject({ ok: false, error: { code: 'receipt.not_found' } });
    const login = (await s.reg.must('journal.list', { kinds: ['session.login'] })).entries[0];
    expect(login?.document).toBeNull();

    const byCashier = await s.reg.must('journal.list', { operatorId: s.staff.cashierId });
    expect(byCashier.entries.every((e) => e.operatorId === s.staff.cashierId)).toBe(true);
    expect(byCashier.entries.map((e) => e.kind)).toContain('session.login');

    const late = await s.reg.must('journal.list', { fromAt: shanghai('2026-11-29', '10:30'), kinds: ['sale.completed'] });
    expect(late.entries).toHaveLength(1);

    const all = await s.reg.must('journal.list', { limit: 5000 });
    const first = await s.reg.must('journal.list', { limit: 3 });
    expect(first.more).toBe(true);
    const next = await s.reg.must('journal.list', { limit: 3, afterSeq: first.entries.at(-1)?.seq ?? 0 });
    expect([...first.entries, ...next.entries].map((e) => e.seq)).toEqual(all.entries.slice(0, 6).map((e) => e.seq));
  });
});

describe('journal.list by register', () => {
  it('keeps the entries that name no register with the register that wrote them, under the number it had then', async () => {
    const s = await day();
    await s.as('owner');
    // A printer (into a file) kicks the drawer.
    await s.reg.must('printer.setConfig', {
      enabled: true,
      transport: { kind: 'file', path: join(s.reg.dir, 'printer.bin') },
      profile: defaultPrinterProfile,
      timeZone: SHANGHAI,
    });
    // Entries of R1 that name no register: a drawer opened without a sale and a settings change.
    await s.reg.must('drawer.open', { reason: '换零钱' });
    await s.reg.must('settings.update', { receiptFooter: '谢谢惠顾' });
    await s.as('cashier');
    await s.closeShift();
    await s.as('supervisor');
    await s.z();
    // The ledger goes on as R2: the renaming is R1's last entry.
    s.clock.now = shanghai('2026-11-30', '09:00');
    await s.as('owner');
    await s.reg.must('settings.update', { registerId: 'R2' });
    await s.as('cashier');
    await s.openShift();
    await s.cashSale([500]);
    await s.as('supervisor');
    await s.reg.must('drawer.open', { reason: '找零' });

    const r1 = (await s.reg.must('journal.list', { registerId: 'R1', limit: 5000 })).entries;
    const r2 = (await s.reg.must('journal.list', { registerId: 'R2', limit: 5000 })).entries;
    const all = (await s.reg.must('journal.list', { limit: 5000 })).entries;
    // Every entry is one register's and says which: R1's up to its renaming, R2's after it.
    const renaming = all.find((e) => e.kind === 'settings.changed' && JSON.stringify(e.data).includes('"registerId"'));
    expect(renaming?.data).toMatchObject({ changes: { registerId: { from: 'R1', to: 'R2' } } });
    const at = renaming?.seq ?? 0;
    expect(r1.map((e) => e.seq)).toEqual(all.filter((e) => e.seq <= at).map((e) => e.seq));
    expect(r2.map((e) => e.seq)).toEqual(all.filter((e) => e.seq > at).map((e) => e.seq));
    expect(r1.every((e) => e.registerId === 'R1') && r2.every((e) => e.registerId === 'R2')).toBe(true);
    // Among R1's: the drawer it opened, the footer it changed; R2's shift, sale and drawer.
    const said = (entries: JournalEntryView[]) => entries.map((e) => `${e.kind} ${JSON.stringify(e.data)}`);
    expect(said(r1).filter((x) => x.startsWith('drawer.opened'))).toEqual([expect.stringContaining('换零钱')]);
    expect(said(r1).filter((x) => x.includes('"to":"谢谢惠顾"'))).toHaveLength(1);
    expect(r2.map((e) => e.kind).filter((k) => k === 'drawer.opened' || k === 'sale.completed' || k === 'shift.opened')).toEqual([
      'shift.opened',
      'sale.completed',
      'drawer.opened',
    ]);
    // A completed document's entry is its document's register, whatever the register is called now.
    expect(r1.filter((e) => e.kind === 'sale.completed').map((e) => e.registerId)).toEqual(['R1', 'R1']);
    // The filter combines with the others.
    const drawerR2 = await s.reg.must('journal.list', { registerId: 'R2', kinds: ['drawer.opened'] });
    expect(drawerR2.entries.map((e) => (e.data as { reason: string }).reason)).toEqual(['找零']);
  });
});

describe('journal.verifyStep', () => {
  async function walk(s: Shop, max: number) {
    let at = { seq: 1, prevHash: GENESIS };
    const steps = [];
    for (;;) {
      const r = await s.reg.must('journal.verifyStep', { fromSeq: at.seq, prevHash: at.prevHash, max });
      steps.push(r);
      if (!r.next) return steps;
      at = r.next;
    }
  }

  it('walks the chain in steps to the same verdict as the whole check, and names the first entry changed', async () => {
    const s = await day();
    const total = verifyJournal(s.reg.db).entries;
    const steps = await walk(s, 4);
    expect(steps.length).toBe(Math.ceil(total / 4));
    expect(steps.map((x) => x.checked)).toEqual(steps.map((_, i) => Math.min(total, (i + 1) * 4)));
    expect(steps.at(-1)).toEqual({ checked: total, total, next: null, bad: null });

    // Someone with the file changes a sale's entry behind the triggers' back.
    const target = s.reg.db.prepare("SELECT seq, payload FROM journal WHERE kind = 'sale.completed' ORDER BY seq LIMIT 1").get() as {
      seq: number;
      payload: string;
    };
    s.reg.db.exec('DROP TRIGGER journal_no_update');
    const forged = target.payload.replace(/"receiptNo":(\d+)/, (_, n: string) => `"receiptNo":${Number(n) + 1}`);
    expect(forged).not.toBe(target.payload);
    s.reg.db.prepare('UPDATE journal SET payload = ? WHERE seq = ?').run(forged, target.seq);
    const broken = await walk(s, 4);
    expect(broken.at(-1)?.bad).toEqual({ seq: target.seq, reason: 'hash_mismatch' });
    expect(verifyJournal(s.reg.db).firstBadSeq).toBe(target.seq);
  });
});

describe('journal CSV export', () => {
  it('every row recomputes to its hash, chained to the one before, up to the head', async () => {
    const s = await day();
    const page = await s.reg.must('journal.list', { limit: 5000 });
    const csv = journalCsv(page.entries, page.head, { timeZone: SHANGHAI, atHeader: 'at (store time)' });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    // The file is named by the store's days (as its time column) and the seq range it holds.
    const [first, last] = [page.entries[0], page.entries.at(-1)];
    const storeDayOf = (at: number) => new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
    const days = [...new Set([first, last].map((e) => storeDayOf(e?.at ?? 0)))].join('_');
    expect(journalFileName(page.entries, page.head, SHANGHAI)).toBe(`ringup-journal-${days}-seq${first?.seq}-${last?.seq}.csv`);
    expect(journalFileName([], page.head, SHANGHAI)).toBe(`ringup-journal-empty-head${page.head?.seq}.csv`);
    const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: true }).data;
    expect(rows[0]).toEqual(['seq', 'at (store time)', 'kind', 'operator_id', 'register_id', 'document_id', 'payload', 'prev_hash', 'hash']);
    // Each time is the store's clock with its offset, naming the very moment the entry was written.
    for (const [i, row] of rows.slice(1, -1).entries()) {
      expect(row[1]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/);
      expect(Date.parse(row[1] ?? '')).toBe(page.entries[i]?.at);
    }
    let prev = GENESIS;
    for (const row of rows.slice(1, -1)) {
      const [, , , , , , payload = '', prevHash = '', hash = ''] = row;
      expect(prevHash).toBe(prev);
      expect(
        createHash('sha256')
          .update(prevHash + payload)
          .digest('hex'),
      ).toBe(hash);
      prev = hash;
    }
    expect(rows.at(-1)).toEqual(['head', '', '', '', '', '', '', String(page.head?.seq), prev]);
    const entries: JournalEntryView[] = page.entries;
    expect(rows.length - 2).toBe(entries.length);
  });
});
