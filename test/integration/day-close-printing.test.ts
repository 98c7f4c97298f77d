// X, Z and cash slips on the (virtual) receipt printer over TCP, in Chinese on 58 and 80 mm: a
// cash movement kicks the drawer and prints its slip; the Z prints itself when taken; a reprint
// is a numbered copy; no-sales and duplicates are counted in the Z.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultPrinterProfile, profileColumns, renderReceiptText } from '../../main/hardware/printer';
import { VirtualPrinter } from '../../main/hardware/printer/virtual-printer';
import { zReportPaper } from '../../main/day-close/report-paper';
import { getSettings } from '../../main/settings/settings';
import type { PrinterConfigView } from '../../preload/contract/printer';
import { commandsNamed, tokenizeEscPos } from '../support/escpos-tokenizer';
import { printedColumns } from '../support/printer-columns';
import { key, openShop, SHANGHAI, shanghai, type Shop } from '../support/day-close-shop';
import { until } from '../support/until';

let vp: VirtualPrinter;
const shops: Shop[] = [];
const fast = { pollIntervalMs: 100, statusTimeoutMs: 300, backoffMs: 100, maxBackoffMs: 400 };

beforeAll(async () => {
  vp = await VirtualPrinter.start({});
});
afterAll(async () => {
  await vp.close();
});
afterEach(() => {
  for (const s of shops.splice(0)) s.reg.cleanup();
});

async function printingShop(paper: '58mm' | '80mm'): Promise<Shop> {
  const s = await openShop(shanghai('2026-09-01', '10:00'), { printer: fast });
  shops.push(s);
  await s.as('owner');
  const config = {
    enabled: true,
    transport: { kind: 'tcp', host: '127.0.0.1', port: vp.port, connectTimeoutMs: 1000, writeTimeoutMs: 3000 },
    profile: { ...defaultPrinterProfile, paper },
    timeZone: SHANGHAI,
  } as PrinterConfigView;
  await s.reg.must('printer.setConfig', config);
  await s.reg.must('settings.update', { storeName: '林记便利店' });
  await s.as('cashier');
  return s;
}

function printed(s: Shop, n: number) {
  const jobs = s.reg.db.prepare('SELECT kind, state, reason, copy_no FROM print_jobs ORDER BY id').all() as {
    kind: string;
    state: string;
    reason: string | null;
    copy_no: number;
  }[];
  return jobs.length === n && jobs.every((j) => j.state === 'printed') ? jobs : null;
}

function textSince(from: number): string[] {
  return tokenizeEscPos(
    Buffer.concat(
      vp
        .jobs()
        .slice(from)
        .map((j) => j.bytes),
    ),
  ).lines;
}

describe.each(['58mm', '80mm'] as const)('reports on %s paper', (paper) => {
  it('a paid-out opens the drawer and prints its slip; the Z prints itself; reprints are numbered copies', async () => {
    const s = await printingShop(paper);
    let from = vp.jobs().length;
    await s.reg.must('cash.move', { kind: 'paid_out', amountMinor: 1550, reason: '买冰块', idempotencyKey: key() });
    const jobs = await until('drawer and slip printed', () => printed(s, 2));
    expect(jobs.map((j) => j.kind)).toEqual(['drawer', 'report']);
    const slip = await until('the slip on paper', () => {
      const t = tokenizeEscPos(
        Buffer.concat(
          vp
            .jobs()
            .slice(from)
            .map((j) => j.bytes),
        ),
      );
      return commandsNamed(t, 'GS V').length > 0 ? t : null;
    });
    expect(commandsNamed(slip, 'ESC p')).toHaveLength(1);
    const slipText = slip.lines.join('\n');
    for (const words of ['现金存取凭单', '支出', '￥15.50', '原因: 买冰块', '经手人签名']) expect(slipText).toContain(words);

    // A sale, a no-sale and a duplicate: the Z counts both.
    const sale = await s.cashSale([2000]);
    await s.as('supervisor');
    await s.reg.must('drawer.open', { reason: '换零钱' });
    await s.reg.must('receipt.reprint', { saleId: sale.saleId });
    const shiftId = (await s.reg.must('shift.current', {})).shift?.id ?? 0;
    await until('the sale, the no-sale and the duplicate printed', () => printed(s, 6));

    from = vp.jobs().length;
    await s.reg.must('report.printX', { scope: 'day' });
    await until('X printed', () => printed(s, 7));
    const x = await until('X on paper', () => (vp.jobs().length > from ? textSince(from) : null));
    expect(x.join('\n')).toContain('X 报表（未结账）');

    from = vp.jobs().length;
    s.clock.now = shanghai('2026-09-01', '22:00');
    const z = await s.z({ forceClose: [{ shiftId, reason: '交班' }] });
    expect(z.figures).toMatchObject({ noSales: 1, duplicates: 1 });
    await until('Z printed', () => printed(s, 8));
    const zText = await until('Z on paper', () => (vp.jobs().length > from ? textSince(from) : null));
    const expectedLines = renderReceiptText(zReportPaper(z, getSettings(s.reg.db), SHANGHAI, null), { ...defaultPrinterProfile, paper })
      .replace(/\n$/, '')
      .split('\n');
    expect(zText).toEqual(expectedLines);
    for (const words of ['林记便利店', 'Z 日结报表 #1', '营业日', '2026-09-01', '无销售开钱箱', '重印小票', '强制结班：交班', '累计总额（日结后）', '￥20.00'])
      expect(zText.join('\n')).toContain(words);
    expect(zText.join('\n')).not.toContain('副本');
    // Its only shift was closed without a count: no over/short, and the paper does not claim one.
    expect(zText.find((l) => l.includes('现金长短款合计'))).toContain('未清点');
    // Every line fits the paper, Chinese counted double.
    for (const line of zText) expect(printedColumns(line), line).toBeLessThanOrEqual(profileColumns({ ...defaultPrinterProfile, paper }));

    for (const copy of [1, 2]) {
      from = vp.jobs().length;
      const job = await s.reg.must('zReport.reprint', { zNo: 1 });
      expect(job).toMatchObject({ kind: 'report', copyNo: copy });
      await until(`copy ${copy} printed`, () => printed(s, 8 + copy));
      const copyText = (await until('copy on paper', () => (vp.jobs().length > from ? textSince(from) : null))).join('\n');
      expect(copyText).toContain(`副本 COPY #${copy}`);
      expect(copyText).toContain('Z 日结报表 #1');
    }
    expect((await s.reg.must('zReport.list', {}))[0]).toMatchObject({ zNo: 1, reprints: 2 });
    const reprints = s.reg.db.prepare("SELECT payload FROM journal WHERE kind = 'z.reprinted' ORDER BY seq").all() as { payload: string }[];
    expect(reprints.map((r) => (JSON.parse(r.payload) as { data: { copyNo: number } }).data.copyNo)).toEqual([1, 2]);
  });
});

describe("the Z on paper lists the day's fraud alerts", () => {
  it.each(['58mm', '80mm'] as const)('on %s: each alert with its time, rule, whom it watched and whether it was checked', async (paper) => {
    const s = await printingShop(paper);
    // Five sales under ¥5.00 within ten minutes: the default burst rule raises per register and per operator.
    for (let i = 0; i < 5; i++) {
      s.clock.now = shanghai('2026-09-01', `10:0${2 * i}`);
      await s.cashSale([300]);
      // Each kick goes out before the clock moves on: one still waiting two minutes later is dropped (drawer-jobs.ts).
      await until(`sale ${i + 1}'s drawer kick and receipt printed`, () => printed(s, 2 * (i + 1)));
    }
    await s.as('owner');
    const alerts = await s.reg.must('fraud.alerts', {});
    expect(alerts.map((a) => [a.rule, a.scope.kind]).sort()).toEqual([
      ['small_sales_burst', 'operator'],
      ['small_sales_burst', 'register'],
    ]);
    const operatorAlert = alerts.find((a) => a.scope.kind === 'operator');
    await s.reg.must('fraud.acknowledge', { alertId: operatorAlert?.id ?? 0, note: '试吃活动' });

    const shiftId = (await s.reg.must('shift.current', {})).shift?.id ?? 0;
    const from = vp.jobs().length;
    s.clock.now = shanghai('2026-09-01', '22:00');
    await s.z({ forceClose: [{ shiftId, reason: '交班' }] });
    await until('Z printed', () => printed(s, 11));
    const zText = await until('Z on paper', () => (vp.jobs().length > from ? textSince(from) : null));
    const start = zText.findIndex((line) => line.includes('风控提醒（2 条）'));
    expect(start).toBeGreaterThan(0);
    const block = zText.slice(
      start + 1,
      zText.findIndex((line) => line.includes('累计总额（日结前）')),
    );
    // Each alert: the rule in words on its own line, then the time, whom it watched (the register,
    // or the cashier) and whether the owner checked it (the cashier's was acknowledged).
    expect(block.filter((line) => line === '短时间内多笔小额销售')).toHaveLength(2);
    const states = block.filter((line) => /^ {2}10:08/.test(line)).map((line) => line.trim().split(/\s{2,}/));
    expect(states.sort()).toEqual([
      ['10:08 Cai 小蔡', '已核查'],
      ['10:08 收银机 R1', '未处理'],
    ]);
    for (const line of zText) expect(printedColumns(line), line).toBeLessThanOrEqual(profileColumns({ ...defaultPrinterProfile, paper }));
  });
});

describe('printing reports', () => {
  it('is refused with the printer off, and nothing is journalled', async () => {
    const s = await openShop(shanghai('2026-09-02'));
    shops.push(s);
    await s.as('supervisor');
    expect(await s.reg.call('report.printX', { scope: 'shift' })).toMatchObject({ error: { code: 'printer.disabled' } });
    expect(s.reg.db.prepare("SELECT COUNT(*) AS n FROM journal WHERE kind = 'x.printed'").get()).toEqual({ n: 0 });
  });
});
