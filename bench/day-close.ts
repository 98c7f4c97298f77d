// Day-close figures on a one-year ledger: ~1,400 sales a day with lines and payments (cash, card,
// split), a few refunds, voids and cash movements, one shift a day. The year is written straight
// into the ledger's tables (documents open → lines → payments → completed, the way the document
// core does it, so every trigger runs, but without the router and the journal, which would take an
// hour); then every day is closed through the router (`dayClose.close`), which times the Z for one
// day, and the month and year summaries are asked for through the router too.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openRegister, ledgerPathIn, type Register } from '../main/register';
import { nextDay } from '../main/business-day/business-day';
import { computeSale } from '../main/money/sale-totals';
import type { Db } from '../main/ledger/database';
import { shiftCashTerms } from '../main/shift/shift-cash-terms';
import type { CallInput, CallName, CallResult } from '../preload/contract';
import { figure, fmt, percentile } from './stats';
import { newDocumentId } from '../main/documents/document-id';
import { size } from './scale';

const DAYS = Number(process.env.RINGUP_BENCH_DAYS ?? size(365, 3));
const SALES_PER_DAY = size(1400, 20);
const FIRST_DAY = '2025-01-01';
const REPEATS = size(30, 2);

/** A small deterministic generator, so every run writes the same year. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const RATES = [1300, 1300, 900, 600, 0];
const BRANDS = ['VISA', 'Mastercard', 'UnionPay', 'JCB'];

interface Writer {
  day(day: string, shiftId: number, operators: number[]): void;
}

function writer(db: Db): Writer {
  const rnd = random(20250101);
  const insertDoc = db.prepare(
    "INSERT INTO documents (id, kind, status, register_id, operator_id, opened_at, prices_include_tax, original_document_id, reason) VALUES (?, ?, 'open', 'R1', ?, ?, 1, ?, ?)",
  );
  const insertLine = db.prepare(
    `INSERT INTO document_lines (document_pk, position, sku, name, qty_milli, unit_price_minor, tax_rate_bp, gross_minor, line_discount_minor, order_discount_minor, total_minor, tax_minor)
     VALUES ((SELECT pk FROM documents WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertPayment = db.prepare(
    'INSERT INTO payments (document_pk, method, amount_minor, tendered_minor, change_minor, card, created_at, original_payment_id) VALUES ((SELECT pk FROM documents WHERE id = ?), ?, ?, ?, ?, ?, ?, ?)',
  );
  const complete = db.prepare(
    `UPDATE documents SET status = 'completed', receipt_no = ?, business_day = ?, shift_id = ?, completed_at = ?, gross_minor = ?, discount_minor = ?, tax_minor = ?,
       total_minor = ?, rounding_minor = 0, change_minor = ?, grand_total_minor = ? WHERE id = ?`,
  );
  const move = db.prepare(
    "INSERT INTO cash_movements (shift_id, register_id, kind, amount_minor, reason, operator_id, at) VALUES (?, 'R1', ?, ?, 'bench', ?, ?)",
  );
  let receiptNo = 0;
  let grand = 0;
  let terminalNo = 0;
  return {
    day(day, shiftId, operators) {
      const open = Date.parse(`${day}T08:00:00+08:00`);
      const sales: {
        id: string;
        lines: { name: string; qty: number; price: number; rate: number; total: number; tax: number }[];
        payment: number;
        total: number;
        tax: number;
        corrected: boolean;
      }[] = [];
      const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
      for (let i = 0; i < SALES_PER_DAY; i++) {
        const at = open + Math.floor((i / SALES_PER_DAY) * 14 * 3_600_000);
        const id = newDocumentId(at);
        const operator = pick(operators);
        const count = 1 + Math.floor(rnd() * 5);
        const inputs = Array.from({ length: count }, () => ({
          qtyMilli: 1000 * (1 + Math.floor(rnd() * 3)),
          unitPriceMinor: 100 + Math.floor(rnd() * 4900),
          taxRateBp: pick(RATES),
          discount: null,
        }));
        const discounted = rnd() < 0.05;
        const amounts = computeSale(inputs, discounted ? { kind: 'percent', rateBp: 1000 } : null, true);
        insertDoc.run(id, 'sale', operator, at, null, null);
        const lines = inputs.map((l, k) => {
          const a = amounts.lines[k] ?? { grossMinor: 0, lineDiscountMinor: 0, orderDiscountMinor: 0, totalMinor: 0, taxMinor: 0 };
          insertLine.run(
            id,
            k + 1,
            `SKU-${k}`,
            '商品',
            l.qtyMilli,
            l.unitPriceMinor,
            l.taxRateBp,
            a.grossMinor,
            a.lineDiscountMinor,
            a.orderDiscountMinor,
            a.totalMinor,
            a.taxMinor,
          );
          return { name: '商品', qty: l.qtyMilli, price: l.unitPriceMinor, rate: l.taxRateBp, total: a.totalMinor, tax: a.taxMinor };
        });
        const total = amounts.totals.totalMinor;
        const tender = rnd();
        let change = 0;
        let paymentId: number;
        const card = () => JSON.stringify({ brand: pick(BRANDS), terminalReceiptNo: String(++terminalNo), maskedPan: '476173******0119', authCode: '123456' });
        if (tender < 0.55) {
          const handed = Math.ceil(total / 1000) * 1000;
          change = handed - total;
          paymentId = Number(insertPayment.run(id, 'cash', total, handed, change, null, at, null).lastInsertRowid);
        } else if (tender < 0.92) {
          paymentId = Number(insertPayment.run(id, 'card', total, total, 0, card(), at, null).lastInsertRowid);
        } else {
          const part = Math.floor(total / 2);
          paymentId = Number(insertPayment.run(id, 'cash', part, part, 0, null, at, null).lastInsertRowid);
          insertPayment.run(id, 'card', total - part, total - part, 0, card(), at, null);
        }
        grand += total;
        complete.run(++receiptNo, day, shiftId, at, amounts.totals.grossMinor, amounts.totals.discountMinor, amounts.totals.taxMinor, total, change, grand, id);
        sales.push({ id, lines, payment: paymentId, total, tax: amounts.totals.taxMinor, corrected: false });
        // About one sale in a hundred comes back the same day (a line refunded to cash), one in three hundred is voided.
        if (i > 10 && rnd() < 0.013) {
          const orig = sales[Math.floor(rnd() * (sales.length - 1))];
          const line = orig?.lines[0];
          if (orig && line && !orig.corrected) {
            orig.corrected = true;
            const kind = rnd() < 0.25 ? 'void' : 'refund';
            const docLines = kind === 'void' ? orig.lines : [line];
            const back = docLines.reduce((s, l) => s + l.total, 0);
            const tax = docLines.reduce((s, l) => s + l.tax, 0);
            const rid = newDocumentId(at + 1000);
            insertDoc.run(rid, kind, operator, at + 1000, orig.id, 'not_wanted');
            docLines.forEach((l, k) => insertLine.run(rid, k + 1, null, l.name, l.qty, l.price, l.rate, l.total, 0, 0, l.total, l.tax));
            insertPayment.run(rid, 'cash', back, back, 0, null, at + 1000, orig.payment);
            grand -= back;
            complete.run(++receiptNo, day, shiftId, at + 1000, back, 0, tax, back, 0, grand, rid);
          }
        }
      }
      for (const [kind, amount] of [
        ['paid_out', 1550],
        ['safe_drop', 200_000],
        ['float_top_up', 5_000],
      ] as const)
        move.run(shiftId, kind, amount, pick(operators), open + 6 * 3_600_000);
      db.prepare('UPDATE register_counters SET last_receipt_no = ?, grand_total_minor = ? WHERE register_id = ?').run(receiptNo, grand, 'R1');
    },
  };
}

export interface DayCloseFigures {
  z_day_ms: number;
  z_month_ms: number;
  z_year_ms: number;
  /** The sales report (report.sales: by day, operators, tenders, products) of a month and of the year. */
  report_month_ms: number;
  report_year_ms: number;
}

export async function benchDayClose(): Promise<DayCloseFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-bench-z-'));
  let clock = Date.parse(`${FIRST_DAY}T07:00:00+08:00`);
  const reg: Register = openRegister({
    ledgerFile: ledgerPathIn(dir),
    demo: false,
    clock: () => clock,
    log: { info: () => undefined, error: (m, e) => console.error(m, e) },
  });
  const must = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<N>> => {
    const r = await reg.dispatch(name, input);
    if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error)}`);
    return r.value as CallResult<N>;
  };
  try {
    const owner = await must('setup.createOwner', { name: 'Bench', pin: '4826' });
    await must('settings.update', { timeZone: 'Asia/Shanghai' });
    const a = await must('operator.create', { name: 'Cashier A', pin: '1357', role: 'cashier' });
    const b = await must('operator.create', { name: 'Cashier B', pin: '2468', role: 'cashier' });
    const operators = [a.id, b.id, owner.operator?.id ?? 1];
    const { db } = reg;
    db.prepare("INSERT INTO register_counters (register_id) VALUES ('R1') ON CONFLICT(register_id) DO NOTHING").run();
    const write = writer(db);
    const openShift = db.prepare(
      "INSERT INTO shifts (register_id, business_day, operator_id, opened_at, float_minor, float_source, state) VALUES ('R1', ?, ?, ?, 50000, 'counted', 'open')",
    );
    const closeShift = db.prepare(
      "UPDATE shifts SET state = 'closed', expected_minor = ?, expected = ?, counted_minor = ?, difference_minor = ?, closed_at = ?, closed_by = ? WHERE id = ?",
    );
    const zTimes: number[] = [];
    // CPU time of the Z alone: on a shared machine the wall clock also counts other people's work.
    const zCpu: number[] = [];
    let generateMs = 0;
    let day = FIRST_DAY;
    for (let d = 0; d < DAYS; d++, day = nextDay(day)) {
      const t0 = performance.now();
      db.transaction(() => {
        const at = Date.parse(`${day}T07:30:00+08:00`);
        const shiftId = Number(openShift.run(day, operators[d % 2] ?? 1, at).lastInsertRowid);
        write.day(day, shiftId, operators);
        const expected = shiftCashTerms(db, { id: shiftId, float_minor: 50_000 });
        const counted = expected.expectedMinor - (d % 7 === 0 ? 50 : 0);
        closeShift.run(
          expected.expectedMinor,
          JSON.stringify(expected),
          counted,
          counted - expected.expectedMinor,
          at + 15 * 3_600_000,
          operators[d % 2] ?? 1,
          shiftId,
        );
      })();
      generateMs += performance.now() - t0;
      clock = Date.parse(`${day}T23:00:00+08:00`);
      const z0 = performance.now();
      const c0 = process.cpuUsage();
      await must('dayClose.close', { businessDay: day, idempotencyKey: randomUUID().replaceAll('-', '') });
      const c1 = process.cpuUsage(c0);
      zTimes.push(performance.now() - z0);
      zCpu.push((c1.user + c1.system) / 1000);
    }
    const lastDay = day;
    const month = { from: `${FIRST_DAY.slice(0, 7)}-01`, to: `${FIRST_DAY.slice(0, 7)}-31` };
    const year = { from: FIRST_DAY, to: lastDay };
    const time = async (run: () => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < REPEATS; i++) {
        const t0 = performance.now();
        await run();
        times.push(performance.now() - t0);
      }
      return times;
    };
    const monthTimes = await time(() => must('report.summary', month));
    const yearTimes = await time(() => must('report.summary', year));
    const reportMonthTimes = await time(() => must('report.sales', { ...month, groupBy: 'day' }));
    const reportYearTimes = await time(() => must('report.sales', { ...year, groupBy: 'month' }));
    // For comparison: the same year's figures straight from the documents, which the rollups avoid.
    const r0 = performance.now();
    db.prepare(
      "SELECT d.kind, l.tax_rate_bp, SUM(l.total_minor), SUM(l.tax_minor), COUNT(*) FROM documents d JOIN document_lines l ON l.document_pk = d.pk WHERE d.register_id = 'R1' AND d.status = 'completed' AND d.business_day BETWEEN ? AND ? GROUP BY 1, 2",
    ).all(year.from, year.to);
    const rawYearMs = performance.now() - r0;
    const counts = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    const sales = (db.prepare("SELECT COUNT(*) AS n FROM documents WHERE kind = 'sale'").get() as { n: number }).n;
    db.pragma('wal_checkpoint(TRUNCATE)');
    const sizeMb = statSync(ledgerPathIn(dir)).size / 2 ** 20;
    const figures: DayCloseFigures = {
      z_day_ms: figure(percentile(zTimes, 50), 2),
      z_month_ms: figure(percentile(monthTimes, 50), 2),
      z_year_ms: figure(percentile(yearTimes, 50), 2),
      report_month_ms: figure(percentile(reportMonthTimes, 50), 2),
      report_year_ms: figure(percentile(reportYearTimes, 50), 2),
    };
    console.log(`\nDay close (${DAYS} days of ${SALES_PER_DAY} sales; ledger ${fmt(sizeMb, 0)} MB, written in ${fmt(generateMs / 1000, 1)} s)`);
    console.log(
      `  ledger rows                ${sales.toLocaleString('en')} sales, ${(counts('documents') - sales).toLocaleString('en')} refunds/voids, ${counts('document_lines').toLocaleString('en')} lines, ${counts('payments').toLocaleString('en')} payments, ${counts('z_reports')} Zs, ${counts('day_rollups').toLocaleString('en')} rollup rows`,
    );
    console.log(
      `  Z for one day (router)     p50 ${fmt(figures.z_day_ms, 2)} ms  p95 ${fmt(percentile(zTimes, 95), 2)} ms  (n=${zTimes.length}; goal < 20 ms); CPU p50 ${fmt(percentile(zCpu, 50), 2)} ms`,
    );
    console.log(`  month summary (router)     p50 ${fmt(figures.z_month_ms, 2)} ms  p95 ${fmt(percentile(monthTimes, 95), 2)} ms  (n=${REPEATS}; goal < 5 ms)`);
    console.log(`  year summary (router)      p50 ${fmt(figures.z_year_ms, 2)} ms  p95 ${fmt(percentile(yearTimes, 95), 2)} ms  (n=${REPEATS}; goal < 50 ms)`);
    console.log(
      `  month sales report (router) p50 ${fmt(figures.report_month_ms, 2)} ms  p95 ${fmt(percentile(reportMonthTimes, 95), 2)} ms  (by day; goal < 5 ms)`,
    );
    console.log(
      `  year sales report (router)  p50 ${fmt(figures.report_year_ms, 2)} ms  p95 ${fmt(percentile(reportYearTimes, 95), 2)} ms  (by month; goal < 50 ms)`,
    );
    console.log(`  year from the documents    ${fmt(rawYearMs, 0)} ms  (one raw scan without rollups, for comparison)`);
    // The build machines are shared: the load says how much of the spread is other people's work.
    console.log(
      `  load average during the run ${loadavg()
        .map((l) => fmt(l, 1))
        .join(' / ')} (1 / 5 / 15 min)`,
    );
    return figures;
  } finally {
    reg.close();
    if (process.env.RINGUP_BENCH_KEEP) console.log(`kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void benchDayClose();
