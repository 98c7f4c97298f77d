// Schema 19 (issue 18: bytes per sale): lines and payments name their document by documents.pk
// instead of its UUID. A ledger as schema 18 stored it (cash, card and scan sales, a refund, an
// exchange, a sale still open) migrates and reads exactly as before: every document's view, its
// receipt, what is still returnable of each line, the X figures, the day's list, the HQ upload's
// records and each document's digest, which the journal chains and which still verifies.
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CURRENCY } from '../../main/hardware/terminal/commands';
import { exportBundle } from '../../main/backup/export-bundle';
import { verifyBundle } from '../../main/backup/verify-bundle';
import { openLedger } from '../../main/ledger/database';
import { LATEST_VERSION, migrations } from '../../main/ledger/migrations';
import { verifyJournal, type JournalEntry } from '../../main/ledger/journal';
import { namedRecordsFor, recordsFor } from '../../main/sync/upload-records';
import { documentDigest } from '../../main/documents/document-digest';
import { verifyDocuments } from '../../main/documents/verify-documents';
import { PaySimulator } from '../../main/providers/simulator/pay-simulator';
import { FAST_CLIENT_TIMEOUTS, TerminalFixture } from '../support/terminal-sim';
import { terminalReady } from '../support/card-register';
import { configureProviders, FAST_TIMINGS, wechatCode } from '../support/scan-rig';
import { CASHIER_PIN, makeRegister, OWNER_PIN, SUPERVISOR_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { readBundle } from '../support/backup-fixture';
import { backTo18, digestAt18, normal, schema18, schemaOf } from '../support/schema18-ledger';

const key = () => randomUUID().replaceAll('-', '');

let terminals: TerminalFixture;
let pay: PaySimulator;
let terminalAddress: string;

beforeAll(async () => {
  terminals = new TerminalFixture();
  const sim = await terminals.sim({ currency: CURRENCY.CNY });
  terminalAddress = sim.registerPath ?? '';
  pay = await PaySimulator.start({ passwordMs: 150 });
});
afterAll(async () => {
  await terminals.stopAll();
  await pay.stop();
});

function register(dir?: string): TestRegister {
  return makeRegister({
    ...(dir ? { dir } : {}),
    terminalAddress,
    terminal: { timeouts: FAST_CLIENT_TIMEOUTS, retryMs: 150, recoveryAttempts: 40, recoveryDelayMs: 100 },
    scanPay: { timings: FAST_TIMINGS, requestTimeoutMs: 2000, sweepMs: 100 },
    providerRefunds: { retryMs: 30, sweepMs: 100 },
  });
}

async function ringUp(reg: TestRegister, lines: [string, number, number][]): Promise<string> {
  const { id } = await reg.must('sale.current', {});
  for (const [name, qtyMilli, unitPriceMinor] of lines) await reg.must('sale.addCustomLine', { saleId: id, name, qtyMilli, unitPriceMinor });
  return id;
}

const entries = (reg: TestRegister) => reg.db.prepare('SELECT seq, at, kind, payload, prev_hash, hash FROM journal_chain ORDER BY seq').all() as JournalEntry[];

/** Everything the register shows or sends of its documents, read through its calls. */
async function whatItShows(reg: TestRegister, supervisorId: number, ids: readonly string[], codes: readonly string[]) {
  // The day's list is a supervisor's.
  await reg.must('session.login', { operatorId: supervisorId, pin: SUPERVISOR_PIN });
  const documents: unknown[] = [];
  for (const saleId of ids) {
    documents.push({
      view: await reg.must('sale.get', { saleId }),
      // The rendering names its SVG filter afresh each time.
      receipt: JSON.stringify(await reg.call('receipt.preview', { saleId })).replace(/receipt-[0-9a-f-]{36}/g, 'receipt-filter'),
      digest: documentDigest(reg.db, saleId),
    });
  }
  const returnable: unknown[] = [];
  for (const code of codes) returnable.push(await reg.must('refund.find', { code }));
  return {
    documents,
    returnable,
    list: await reg.must('documents.list', {}),
    today: await reg.must('refund.todaysSales', {}),
    // What the HQ upload carries of these entries, in both forms.
    upload: recordsFor(reg.db, entries(reg)),
    uploadNamed: namedRecordsFor(reg.db, entries(reg)),
    // The X report says when it was asked for; its figures are what must not change.
    xDay: { ...(await reg.must('report.x', { scope: 'day' })), at: null },
    xShift: { ...(await reg.must('report.x', { scope: 'shift' })), at: null },
  };
}

describe('schema 19', () => {
  it('keeps every index, trigger and view of schema 18, with the document key where lines and payments named the UUID', () => {
    // Schema 19 itself (migration 20 then changed the journal's kind index).
    const fresh = new Database(':memory:');
    fresh.pragma('foreign_keys = OFF');
    for (const m of migrations.filter((x) => x.version <= 19)) fresh.exec(m.sql);
    const now = new Map(
      (
        fresh.prepare("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND type <> 'table'").all() as {
          type: string;
          name: string;
          sql: string;
        }[]
      ).map((r) => [`${r.type} ${r.name}`, r.sql]),
    );
    fresh.close();
    const keyed = (sql: string) =>
      sql
        .replace('document_lines(document_id', 'document_lines(document_pk')
        .replace('payments(document_id)', 'payments(document_pk)')
        .replace(/WHERE id = (OLD|NEW)\.document_id/, 'WHERE pk = $1.document_pk');
    const before = new Map([...schema18()].filter(([k]) => !k.startsWith('table ')).map(([k, v]) => [k, keyed(v)]));
    expect(now).toEqual(before);
  });
});

describe('a ledger from schema 18 with sales, refunds and an exchange', () => {
  it('migrates to document keys and shows, prints, returns, reports and digests every document as before', async () => {
    let reg = register();
    const dir = reg.dir;
    try {
      await terminalReady(reg);
      const staff = await withStaff(reg);
      await configureProviders(reg, pay, staff.ownerId, staff.cashierId);

      const cashId = await ringUp(reg, [
        ['可乐 330ml', 2000, 350],
        ['T恤 M', 1000, 5000],
        ['面包', 1000, 1200],
        ['牛奶', 3000, 650],
        ['苹果', 1500, 990],
      ]);
      const cash = (await reg.must('sale.tenderCash', { saleId: cashId, tenderedMinor: 20_000, idempotencyKey: key() })).sale;
      const cardId = await ringUp(reg, [
        ['耳机', 1000, 12_900],
        ['数据线', 1000, 2500],
      ]);
      const card = (await reg.must('card.pay', { saleId: cardId, idempotencyKey: key() })).sale;
      const scanId = await ringUp(reg, [['咖啡豆', 1000, 6800]]);
      await reg.must('scanpay.pay', { saleId: scanId, code: wechatCode(), idempotencyKey: key() });
      const refund = await reg.must('refund.withReceipt', {
        saleId: cashId,
        lines: [{ lineId: cash.lines[0]?.id ?? 0, qtyMilli: 1000, restock: true }],
        reason: 'defective',
        idempotencyKey: key(),
      });
      const cardRefund = await reg.must('refund.withReceipt', {
        saleId: cardId,
        lines: [{ lineId: card.lines[1]?.id ?? 0, qtyMilli: 1000, restock: true }],
        reason: 'defective',
        idempotencyKey: key(),
      });
      const newGoods = await ringUp(reg, [['T恤 L', 1000, 5800]]);
      const exchange = await reg.must('exchange.complete', {
        saleId: newGoods,
        originalSaleId: cashId,
        lines: [{ lineId: cash.lines[1]?.id ?? 0, qtyMilli: 1000, restock: true }],
        reason: 'wrong_item',
        tenderedMinor: 1000,
        idempotencyKey: key(),
      });
      // A sale left open with lines and no payment: it goes on after the migration.
      const openId = await ringUp(reg, [
        ['口香糖', 1000, 500],
        ['矿泉水', 2000, 200],
      ]);

      const ids = [cashId, cardId, scanId, refund.sale.id, cardRefund.sale.id, exchange.refund.id, newGoods, openId];
      const codes = [cashId, cardId, scanId];
      const completed = (reg.db.prepare("SELECT COUNT(*) FROM documents WHERE status = 'completed'").pluck().get() as number) ?? 0;
      expect(completed).toBe(7);
      const before = await whatItShows(reg, staff.supervisorId, ids, codes);
      reg.close();

      backTo18(reg.file);
      // The file is now what migrations 1..18 make, with the rows of this shop.
      expect(schemaOf(reg.file)).toEqual(new Map([...schema18()].map(([k, v]) => [k, normal(v)])));
      const old = new Database(reg.file, { readonly: true });
      const at18 = new Map(ids.map((id) => [id, digestAt18(old, id)]));
      const lineCount = old.prepare('SELECT COUNT(*) FROM document_lines').pluck().get();
      const paymentCount = old.prepare('SELECT COUNT(*) FROM payments').pluck().get();
      old.close();

      reg = register(dir);
      await terminalReady(reg);
      expect(reg.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(reg.db.prepare("SELECT name FROM pragma_table_info('document_lines') WHERE name LIKE 'document_%'").pluck().all()).toEqual(['document_pk']);
      expect(reg.db.prepare('SELECT COUNT(*) FROM document_lines').pluck().get()).toBe(lineCount);
      expect(reg.db.prepare('SELECT COUNT(*) FROM payments').pluck().get()).toBe(paymentCount);
      expect(reg.db.pragma('foreign_key_check')).toEqual([]);
      expect(verifyJournal(reg.db).ok).toBe(true);
      expect(verifyDocuments(reg.db)).toEqual({ ok: true, checked: completed, firstBadSeq: null });
      for (const id of ids) expect(documentDigest(reg.db, id)).toBe(at18.get(id));

      expect(await whatItShows(reg, staff.supervisorId, ids, codes)).toEqual(before);
      await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });

      // The open sale goes on: a line, the cash, and its completed document verifies too.
      await reg.must('sale.addCustomLine', { saleId: openId, name: '纸巾', qtyMilli: 1000, unitPriceMinor: 300 });
      const done = await reg.must('sale.tenderCash', { saleId: openId, tenderedMinor: 1200, idempotencyKey: key() });
      expect(done.sale.lines.map((l) => l.name)).toEqual(['口香糖', '矿泉水', '纸巾']);
      expect(done.sale.status).toBe('completed');
      expect(verifyDocuments(reg.db)).toEqual({ ok: true, checked: completed + 1, firstBadSeq: null });
      // A completed document's lines and payments are still immutable.
      expect(() => reg.db.prepare('UPDATE document_lines SET qty_milli = 5000 WHERE id = ?').run(done.sale.lines[0]?.id)).toThrow(/immutable/);
      expect(() =>
        reg.db
          .prepare(
            "INSERT INTO payments (document_pk, method, amount_minor, tendered_minor, created_at) SELECT pk, 'cash', 1, 1, 0 FROM documents WHERE id = ?",
          )
          .run(openId),
      ).toThrow(/immutable/);
    } finally {
      reg.cleanup();
    }
  });
});

describe('backup bundles of a ledger from before and after document keys', () => {
  it('carry the same CSV and JSON, both verify, and the older one restores into a register that migrates it', async () => {
    const reg = register();
    const here = makeRegister();
    try {
      const staff = await withStaff(reg);
      const saleIds: string[] = [];
      for (let i = 0; i < 4; i++) {
        const id = await ringUp(reg, [
          ['可乐 330ml', 1000 + i * 1000, 350],
          ['面包', 1000, 1200 + i],
        ]);
        const done = await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 10_000, idempotencyKey: key() });
        saleIds.push(id);
        if (i === 2) {
          await reg.must('refund.withReceipt', {
            saleId: id,
            lines: [{ lineId: done.sale.lines[1]?.id ?? 0, qtyMilli: 1000, restock: true }],
            reason: 'defective',
            idempotencyKey: key(),
          });
        }
      }
      const view = await reg.must('sale.get', { saleId: saleIds[2] ?? '' });
      const day = view.businessDay ?? '';
      const now = Date.now();
      reg.close();
      backTo18(reg.file);
      const at19 = join(reg.dir, 'migrated.sqlite');
      copyFileSync(reg.file, at19);
      openLedger(at19).close();

      const bundles = join(reg.dir, 'bundles');
      const work = join(reg.dir, 'work');
      mkdirSync(join(bundles, '18'), { recursive: true });
      mkdirSync(join(bundles, '19'), { recursive: true });
      const job = { workDir: work, range: { from: day, to: day }, now, appVersion: 'test' };
      const old = await exportBundle({ ...job, ledgerFile: reg.file, folder: join(bundles, '18') });
      const migrated = await exportBundle({ ...job, ledgerFile: at19, folder: join(bundles, '19') });
      const a = await readBundle(old.file);
      const b = await readBundle(migrated.file);
      expect(a.manifest.snapshot.schemaVersion).toBe(18);
      expect(b.manifest.snapshot.schemaVersion).toBe(LATEST_VERSION);
      expect(b.names).toEqual(a.names);
      expect(a.manifest.tables.document_lines?.columns).toContain('document_id');
      expect(a.manifest.tables.documents?.columns).not.toContain('pk');
      expect(b.manifest.tables).toEqual(a.manifest.tables);
      expect(b.manifest.totals).toEqual(a.manifest.totals);
      for (const name of a.names.filter((n) => n.endsWith('.csv') || n.endsWith('.json')).filter((n) => n !== 'manifest.json')) {
        expect(b.files.get(name)?.equals(a.files.get(name) ?? Buffer.alloc(0)), name).toBe(true);
      }
      for (const bundle of [old.file, migrated.file]) {
        const report = await verifyBundle(bundle, { level: 'full', workDir: work, helperFromBytes: 0 });
        expect(report.problem).toBeNull();
        expect(report.ok).toBe(true);
      }

      await here.must('setup.createOwner', { name: 'Here', pin: OWNER_PIN });
      await here.must('backup.restore', { file: old.file, confirm: 'RESTORE' });
      expect(here.db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(verifyDocuments(here.db)).toEqual({ ok: true, checked: 5, firstBadSeq: null });
      await here.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
      expect(await here.must('sale.get', { saleId: saleIds[2] ?? '' })).toEqual(view);
    } finally {
      reg.cleanup();
      here.cleanup();
    }
  });
});
