// Every paper job waits for a printer that says it can print, in queue order, over a real TCP
// socket to the virtual printer: with the paper out, an X, a paid-out slip and a Z wait behind the
// receipt that waited first, nothing is handed to the printer or marked printed, and all print in
// that order once the paper is back. The queue names each job as the owner looks for it.
import { describe, expect, it } from 'vitest';
import type { PrintJobView } from '../../preload/contract/printer';
import { tokenizeEscPos } from '../support/escpos-tokenizer';
import { key, openShop, SHANGHAI, shanghai, type Shop } from '../support/day-close-shop';
import { until } from '../support/until';
import { fast, profile, registers, transportFor, vp, usePrintingRig } from '../support/printing-rig';

usePrintingRig();

async function printingShop(printer: typeof fast = fast): Promise<Shop> {
  const s = await openShop(shanghai('2026-09-01', '10:00'), { printer });
  registers.push(s.reg);
  await s.as('owner');
  await s.reg.must('printer.setConfig', { enabled: true, transport: transportFor('tcp'), profile, timeZone: SHANGHAI });
  await s.as('cashier');
  return s;
}

function rows(s: Shop) {
  return s.reg.db.prepare('SELECT id, kind, state, reason, last_error FROM print_jobs ORDER BY id').all() as {
    id: number;
    kind: string;
    state: string;
    reason: string | null;
    last_error: string | null;
  }[];
}

/** What each printed job is, by the words on its paper, in the order the printer printed them. */
function printedPapers(from: number): string[] {
  return vp
    .jobs()
    .slice(from)
    .map((j) => {
      const text = tokenizeEscPos(j.bytes).lines.join('\n');
      if (text.includes('Z 日结报表 #1')) return 'Z';
      if (text.includes('X 报表')) return 'X';
      if (text.includes('现金存取凭单')) return 'slip';
      if (text.includes('商品 Item')) return 'receipt';
      return text.slice(0, 40);
    });
}

describe('paper waits for a printer that can print (TCP)', () => {
  it('paper out: the X, a paid-out slip and the Z wait behind the receipt, nothing is taken or marked printed, then all print in queue order', async () => {
    const s = await printingShop();
    vp.setStatus('paper_out');
    const from = vp.jobs().length;
    await s.cashSale([990], 1000);
    await until('the receipt waits for paper', () => rows(s).find((r) => r.kind === 'receipt' && r.last_error === 'printer.paper_out'));

    await s.as('supervisor');
    const x = await s.reg.must('report.printX', { scope: 'day' });
    await s.reg.must('cash.move', { kind: 'paid_out', amountMinor: 1550, reason: '买冰块', idempotencyKey: key() });
    const shiftId = (await s.reg.must('shift.current', {})).shift?.id ?? 0;
    await s.z({ forceClose: [{ shiftId, reason: '交班' }] });
    // Each paper job has looked at the printer and waits, named by why.
    const waiting = await until('every paper job waits for paper', () => {
      const paper = rows(s).filter((r) => r.kind !== 'drawer');
      return paper.length === 4 && paper.every((r) => r.state === 'queued' && r.last_error === 'printer.paper_out') ? paper : null;
    });
    expect(waiting.map((r) => r.reason)).toEqual([null, 'x:day', expect.stringMatching(/^cash:\d+$/), 'z:1']);
    expect(x).toMatchObject({ kind: 'report', state: 'queued' });
    // Nothing was handed to a printer that said it could not print: it holds no job, and none printed.
    expect(vp.heldJobs()).toBe(0);
    expect(vp.jobs().length).toBe(from);
    // The drawer kicks need no paper: the sale's and the paid-out's went out as the real-time pulse.
    expect(
      rows(s)
        .filter((r) => r.kind === 'drawer')
        .map((r) => r.state),
    ).toEqual(['printed', 'printed']);
    expect(
      vp
        .drawerPulses()
        .slice(-2)
        .map((p) => p.command),
    ).toEqual(['DLE DC4', 'DLE DC4']);

    // The owner finds each job by what it is.
    const names = (await s.reg.must('printer.jobs', {})).map((j: PrintJobView) => j.paper).reverse();
    expect(names).toEqual([
      { what: 'drawer', document: { kind: 'sale', receiptNo: 'R1-000001' } },
      { what: 'receipt', document: { kind: 'sale', receiptNo: 'R1-000001' } },
      { what: 'x', scope: 'day' },
      { what: 'cashDrawer', movement: 'paid_out', amountMinor: 1550 },
      { what: 'cashSlip', movement: 'paid_out', amountMinor: 1550 },
      { what: 'z', zNo: 1 },
    ]);

    vp.setStatus('ok');
    await vp.waitForJobs(from + 4);
    await until('all printed', () => (rows(s).every((r) => r.state === 'printed') ? true : null));
    expect(printedPapers(from)).toEqual(['receipt', 'X', 'slip', 'Z']);
  });

  it('a job due now does not go ahead of an older one still waiting out its backoff when the printer is back', async () => {
    // No poll comes to notice the paper is back: the X asked for now must take the receipt with it, first.
    const s = await printingShop({ ...fast, pollIntervalMs: 60_000, backoffMs: 60_000, maxBackoffMs: 60_000 });
    vp.setStatus('paper_out');
    const from = vp.jobs().length;
    await s.cashSale([990], 1000);
    await until('the receipt waits for paper', () => rows(s).find((r) => r.kind === 'receipt' && r.last_error === 'printer.paper_out'));
    vp.setStatus('ok');
    await s.as('supervisor');
    await s.reg.must('report.printX', { scope: 'shift' });
    await vp.waitForJobs(from + 2);
    expect(printedPapers(from)).toEqual(['receipt', 'X']);
    await until('both marked printed', () => (rows(s).every((r) => r.state === 'printed') ? true : null));
  });

  it('a Z copy and a reprint are named as such', async () => {
    const s = await printingShop();
    const sale = await s.cashSale([990], 1000);
    await s.as('supervisor');
    await s.reg.must('receipt.reprint', { saleId: sale.saleId });
    const shiftId = (await s.reg.must('shift.current', {})).shift?.id ?? 0;
    await s.z({ forceClose: [{ shiftId, reason: '交班' }] });
    await s.reg.must('zReport.reprint', { zNo: 1 });
    const jobs = (await s.reg.must('printer.jobs', {})).reverse();
    expect(jobs.map((j) => [j.paper, j.copyNo])).toEqual([
      [{ what: 'drawer', document: { kind: 'sale', receiptNo: 'R1-000001' } }, 0],
      [{ what: 'receipt', document: { kind: 'sale', receiptNo: 'R1-000001' } }, 0],
      [{ what: 'receipt', document: { kind: 'sale', receiptNo: 'R1-000001' } }, 1],
      [{ what: 'z', zNo: 1 }, 0],
      [{ what: 'z', zNo: 1 }, 1],
    ]);
  });
});
