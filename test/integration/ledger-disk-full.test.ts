import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultPrinterProfile } from '../../main/hardware/printer';
import type { HardwareStatus } from '../../preload/contract/events';
import type { Db } from '../../main/ledger/database';
import { verifyJournal } from '../../main/ledger/journal';
import { storageFailure } from '../../main/ledger/storage-failure';
import { ledgerSnapshot } from '../support/ledger-snapshot';
import { CASHIER_PIN, makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { until } from '../support/until';

// A real ledger file that cannot grow: SQLite's max_page_count caps it at the pages it has, so the
// first write that needs one more page fails with SQLITE_FULL exactly as on a full disk.

const WATER = '6901234567892'; // 2.00
const MILK = '6904567890125'; // 3.80

const open: TestRegister[] = [];
function register(): TestRegister {
  const r = makeRegister();
  open.push(r);
  return r;
}
afterEach(() => {
  for (const r of open.splice(0)) r.cleanup();
});

function capAtCurrentSize(db: Db): void {
  const pages = db.pragma('page_count', { simple: true }) as number;
  db.pragma(`max_page_count = ${pages}`);
  expect(db.pragma('max_page_count', { simple: true })).toBe(pages);
}

function uncap(db: Db): void {
  db.pragma('max_page_count = 1073741823');
}

function completedReceipts(db: Db): number[] {
  return (db.prepare("SELECT receipt_no AS n FROM documents WHERE status = 'completed' ORDER BY receipt_no").all() as { n: number }[]).map((r) => r.n);
}

async function ringUp(reg: TestRegister): Promise<string> {
  const { id } = await reg.must('sale.current', {});
  await reg.must('sale.addProduct', { saleId: id, code: WATER });
  await reg.must('sale.addProduct', { saleId: id, code: MILK });
  return id;
}

/**
 * Rings up sales, capping the file at its size before each tender, until a tender needs a page
 * the file may not have. Each attempt before that commits into the slack of pages already there.
 */
async function tenderUntilFull(reg: TestRegister): Promise<{ saleId: string; key: string; before: string; answer: unknown; confirmed: number }> {
  let confirmed = 0;
  for (let i = 0; i < 200; i++) {
    const saleId = await ringUp(reg);
    capAtCurrentSize(reg.db);
    const before = ledgerSnapshot(reg.db);
    const key = `disk-full-${i}`;
    const answer = await reg.call('sale.tenderCash', { saleId, tenderedMinor: 1000, idempotencyKey: key });
    if (!answer.ok) return { saleId, key, before, answer, confirmed };
    confirmed += 1;
    uncap(reg.db);
  }
  throw new Error('200 sales fitted into a ledger capped at its size each time');
}

describe('a ledger that cannot be written', () => {
  it('refuses the sale with ledger.disk_full, keeps nothing of it, shows the banner, and takes the same sale once there is room', async () => {
    const reg = register();
    await withStaff(reg);
    const statuses: HardwareStatus[] = [];
    reg.events.subscribe((event, payload) => {
      if (event === 'hardware.status') statuses.push(payload as HardwareStatus);
    });
    // Two sales confirmed before the disk fills.
    for (const key of ['before-1', 'before-2']) await reg.must('sale.tenderCash', { saleId: await ringUp(reg), tenderedMinor: 1000, idempotencyKey: key });

    const full = await tenderUntilFull(reg);
    expect(full.answer).toEqual({ ok: false, error: { code: 'ledger.disk_full', params: {} } });
    // Nothing half-written: not the completion, not its journal entry, not its idempotency record.
    expect(ledgerSnapshot(reg.db)).toBe(full.before);
    const confirmedBefore = completedReceipts(reg.db);
    expect(confirmedBefore).toEqual(Array.from({ length: 2 + full.confirmed }, (_, i) => i + 1));
    expect(verifyJournal(reg.db)).toMatchObject({ ok: true });
    // SQLite's words stay in the log; the window gets the code.
    expect(reg.log.lines.some((l) => l.includes('SQLITE_FULL') || l.includes('database or disk is full'))).toBe(true);

    // Every window hears it, and it stays while the disk is full (reads still answer).
    expect(statuses.at(-1)?.ledger).toEqual({ state: 'error', problems: ['ledger.disk_full'] });
    expect((await reg.must('hardware.status', {})).ledger).toEqual({ state: 'error', problems: ['ledger.disk_full'] });
    expect((await reg.must('sale.current', {})).id).toBe(full.saleId);
    expect(reg.hardware.current().ledger.state).toBe('error');

    // Space is back: the cashier presses the same button again, and the register goes on.
    uncap(reg.db);
    const done = await reg.must('sale.tenderCash', { saleId: full.saleId, tenderedMinor: 1000, idempotencyKey: full.key });
    expect(done.receiptNo).toBe(confirmedBefore.length + 1);
    expect(done.sale.status).toBe('completed');
    expect(completedReceipts(reg.db)).toEqual([...confirmedBefore, confirmedBefore.length + 1]);
    expect(verifyJournal(reg.db)).toMatchObject({ ok: true });
    expect(statuses.at(-1)?.ledger).toEqual({ state: 'ok', problems: [] });
    // The next sale needs nothing special.
    const next = await reg.must('sale.tenderCash', { saleId: await ringUp(reg), tenderedMinor: 1000, idempotencyKey: 'after-full-1' });
    expect(next.receiptNo).toBe(confirmedBefore.length + 2);
  });

  it('answers ledger.io_error when SQLite refuses to write the file, and nothing of the sale is kept', async () => {
    const reg = register();
    await withStaff(reg);
    await reg.must('sale.tenderCash', { saleId: await ringUp(reg), tenderedMinor: 1000, idempotencyKey: 'io-sale-before' });
    const saleId = await ringUp(reg);
    const before = ledgerSnapshot(reg.db);
    // query_only makes every write fail with SQLITE_READONLY, as a file system remounted read-only would.
    reg.db.pragma('query_only = 1');
    const refused = await reg.call('sale.tenderCash', { saleId, tenderedMinor: 1000, idempotencyKey: 'io-sale-1' });
    expect(refused).toEqual({ ok: false, error: { code: 'ledger.io_error', params: {} } });
    expect(reg.hardware.current().ledger).toEqual({ state: 'error', problems: ['ledger.io_error'] });
    reg.db.pragma('query_only = 0');
    expect(ledgerSnapshot(reg.db)).toBe(before);
    const done = await reg.must('sale.tenderCash', { saleId, tenderedMinor: 1000, idempotencyKey: 'io-sale-1' });
    expect(done.receiptNo).toBe(2);
    expect(reg.hardware.current().ledger).toEqual({ state: 'ok', problems: [] });
  });

  it('shows the banner when a background writer (the print queue) finds the ledger unwritable, and clears it with the next committed call', async () => {
    const reg = makeRegister({ printer: { pollIntervalMs: 100, statusTimeoutMs: 300, backoffMs: 100, maxBackoffMs: 400 } });
    open.push(reg);
    const { ownerId, cashierId } = await withStaff(reg);
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    const paper = join(reg.dir, 'paper');
    // The folder comes later: until then the receipt waits in the queue and nothing is written.
    await reg.must('printer.setConfig', {
      enabled: true,
      transport: { kind: 'file', path: join(paper, 'receipts.bin') },
      profile: defaultPrinterProfile,
      timeZone: 'Asia/Shanghai',
    });
    await reg.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
    await reg.must('sale.tenderCash', { saleId: await ringUp(reg), tenderedMinor: 1000, idempotencyKey: 'background-1' });
    expect(reg.hardware.current().ledger.state).toBe('ok');

    // The file system turns read-only; then the printer's folder appears and the queue prints and
    // tries to record it. No call of the cashier's failed, yet the banner must show.
    reg.db.pragma('query_only = 1');
    mkdirSync(paper);
    await until('the ledger banner', () => reg.hardware.current().ledger.state === 'error', 10_000);
    expect(reg.hardware.current().ledger).toEqual({ state: 'error', problems: ['ledger.io_error'] });

    reg.db.pragma('query_only = 0');
    await ringUp(reg);
    expect(reg.hardware.current().ledger).toEqual({ state: 'ok', problems: [] });
    await until(
      'the receipt recorded as printed',
      () => (reg.db.prepare("SELECT count(*) AS n FROM print_jobs WHERE state = 'printed'").get() as { n: number }).n > 0,
      10_000,
    );
  });

  it('refuses a cash movement whose printed slip does not fit, instead of committing the rest of it piecemeal', async () => {
    // The slip is queued by a journal subscriber that keeps paper problems from stopping the
    // movement. Swallowing SQLITE_FULL there confirmed the movement with its drawer kick but no
    // slip to sign; where SQLite ends the whole transaction, the rest would commit piecemeal.
    const reg = register();
    const { ownerId } = await withStaff(reg);
    await reg.must('session.login', { operatorId: ownerId, pin: OWNER_PIN });
    await reg.must('printer.setConfig', {
      enabled: true,
      // A folder that does not exist: the jobs wait in the queue, and the worker writes nothing while they do.
      transport: { kind: 'file', path: join(reg.dir, 'no-such-folder', 'paper.bin') },
      profile: defaultPrinterProfile,
      timeZone: 'Asia/Shanghai',
    });
    const movements = () => (reg.db.prepare('SELECT count(*) AS n FROM cash_movements').get() as { n: number }).n;
    const stored = (key: string) => (reg.db.prepare('SELECT count(*) AS n FROM idempotency WHERE key = ?').get(key) as { n: number }).n;
    const move = { kind: 'paid_in', amountMinor: 1000, reason: '补零钱 coins for change', idempotencyKey: 'paid-in-full-1' } as const;
    // The slip is the write that needs room: a temporary trigger makes its row 200 kB, far more than the slack in the file.
    reg.db.exec(
      "CREATE TEMP TRIGGER slip_needs_room AFTER INSERT ON main.print_jobs WHEN NEW.kind = 'report' " +
        'BEGIN UPDATE main.print_jobs SET content = NEW.content || hex(randomblob(100000)) WHERE id = NEW.id; END',
    );
    capAtCurrentSize(reg.db);
    expect(await reg.call('cash.move', move)).toEqual({ ok: false, error: { code: 'ledger.disk_full', params: {} } });
    expect(movements()).toBe(0);
    expect(stored(move.idempotencyKey)).toBe(0);
    expect(verifyJournal(reg.db)).toMatchObject({ ok: true });

    reg.db.exec('DROP TRIGGER temp.slip_needs_room');
    uncap(reg.db);
    const retried = await reg.must('cash.move', move);
    expect(retried).toMatchObject({ kind: 'paid_in', amountMinor: 1000 });
    expect(movements()).toBe(1);
    expect(reg.db.prepare("SELECT count(*) AS n FROM print_jobs WHERE kind = 'report'").get()).toEqual({ n: 1 });
  });
});

describe('which SQLite errors are storage failures', () => {
  it('maps FULL to disk_full, every IOERR and READONLY variant to io_error, and nothing else', () => {
    // Extended result codes as SQLite names them (sqlite3.h), as better-sqlite3 puts them in `code`.
    expect(storageFailure({ code: 'SQLITE_FULL' })).toBe('ledger.disk_full');
    for (const code of ['SQLITE_IOERR', 'SQLITE_IOERR_WRITE', 'SQLITE_IOERR_FSYNC', 'SQLITE_IOERR_SHORT_READ', 'SQLITE_READONLY', 'SQLITE_READONLY_DBMOVED'])
      expect(storageFailure({ code }), code).toBe('ledger.io_error');
    for (const error of [
      { code: 'SQLITE_CONSTRAINT_TRIGGER' },
      { code: 'SQLITE_BUSY' },
      { code: 'SQLITE_IOERRX' },
      new Error('SQLITE_FULL'),
      null,
      'SQLITE_FULL',
    ])
      expect(storageFailure(error)).toBeNull();
  });
});
