// Receipt figures: build + encode time for a 10-line Chinese receipt, bytes per receipt, and how
// long those bytes occupy a 9600-baud serial line. Run alone: `tsx bench/printer.ts`.
import { performance } from 'node:perf_hooks';
import type { LineView, DocumentView, StoreSettings } from '../preload/contract/views';
import { buildReceipt } from '../main/hardware/printer/receipt-model';
import { encodeReceipt } from '../main/hardware/printer/encoder';
import { defaultPrinterProfile, type PrinterProfile } from '../main/hardware/printer/printer-profile';
import { storeZh } from '../test/support/store-profiles';
import { figure, fmt, percentile } from './stats';

// The receipt README's figure was measured with: the test store with a one-line footer.
const store: StoreSettings = { ...storeZh, receiptFooter: '谢谢惠顾，欢迎再来！' };

const names = [
  '农夫山泉 550ml',
  '红富士苹果',
  '德芙牛奶巧克力',
  '康师傅红烧牛肉面',
  '伊利纯牛奶 250ml',
  '旺旺雪饼',
  '青岛啤酒 500ml',
  '金龙鱼大米 5kg',
  '海天酱油',
  '维达抽纸',
];

function tenLineSale(): DocumentView {
  const lines: LineView[] = names.map((name, i) => {
    const gross = (i + 1) * 1150;
    return {
      id: i + 1,
      productId: i + 1,
      sku: `SKU${i}`,
      name,
      names: null,
      qtyMilli: 1000,
      unitPriceMinor: gross,
      listUnitPriceMinor: null,
      taxRateBp: 1300,
      discount: null,
      originalLineId: null,
      restock: null,
      scaleLabel: null,
      soldByWeight: false,
      grossMinor: gross,
      lineDiscountMinor: 0,
      orderDiscountMinor: 0,
      totalMinor: gross,
      taxMinor: Math.round((gross * 1300) / 11300),
    };
  });
  const total = lines.reduce((s, l) => s + l.totalMinor, 0);
  const tax = lines.reduce((s, l) => s + l.taxMinor, 0);
  return {
    id: '3f1c2a9e-7b4d-4e2a-9c1f-0a5b6c7d8e9f',
    kind: 'sale',
    training: false,
    originalDocumentId: null,
    reason: null,
    approverId: null,
    status: 'completed',
    registerId: 'R01',
    receiptNo: 42,
    businessDay: '2026-03-14',
    operatorId: 1,
    operatorName: '王小明',
    openedAt: 1_773_469_205_000,
    completedAt: 1_773_469_297_000,
    note: null,
    heldAt: null,
    orderDiscount: null,
    lines,
    totals: { grossMinor: total, discountMinor: 0, taxMinor: tax, totalMinor: total, taxBreakdown: [{ rateBp: 1300, baseMinor: total, taxMinor: tax }] },
    payments: [
      { id: 1, method: 'cash', amountMinor: total, tenderedMinor: 70_000, changeMinor: 70_000 - total, card: null, originalPaymentId: null, scan: null },
    ],
    paidMinor: total,
    remainingMinor: 0,
    cashDueMinor: 0,
    roundingMinor: 0,
    changeMinor: 70_000 - total,
    grandTotalMinor: null,
  };
}

export interface ReceiptFigures {
  receipt_encode_p50_ms: number;
  receipt_bytes: number;
}

export interface PrinterBenchRow {
  case: string;
  p50Ms: number;
  p99Ms: number;
  bytes: number;
  /** Before the state pass. */
  verbatimBytes: number;
  serial9600_8N1_s: number;
}

/** The 10-line Chinese receipt on 80 mm with a native QR: its encode time and its bytes. */
export function receiptFigures(rows: readonly PrinterBenchRow[]): ReceiptFigures {
  const row = rows[0];
  if (!row) throw new Error('no receipt figures');
  return { receipt_encode_p50_ms: figure(row.p50Ms), receipt_bytes: row.bytes };
}

export async function benchPrinter(iterations = 500, log: (line: string) => void = console.log): Promise<PrinterBenchRow[]> {
  const sale = tenLineSale();
  const cases: [string, PrinterProfile][] = [
    ['80mm gb18030, native QR', { ...defaultPrinterProfile, paper: '80mm', qr: 'native' }],
    ['58mm gb18030, native QR', { ...defaultPrinterProfile, paper: '58mm', qr: 'native' }],
    ['80mm gb18030, raster QR', { ...defaultPrinterProfile, paper: '80mm', qr: 'raster' }],
  ];
  const rows: PrinterBenchRow[] = [];
  for (const [name, profile] of cases) {
    let bytes = 0;
    for (let i = 0; i < 20; i++) bytes = encodeReceipt(buildReceipt(sale, store, { timeZone: 'Asia/Shanghai' }), profile).length;
    // What receiptline writes before escpos-state-pass.ts drops the commands that change nothing.
    const verbatim = encodeReceipt(buildReceipt(sale, store, { timeZone: 'Asia/Shanghai' }), profile, { keepRedundant: true }).length;
    const times: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      encodeReceipt(buildReceipt(sale, store, { timeZone: 'Asia/Shanghai' }), profile);
      times.push(performance.now() - t0);
    }
    // 8N1: start bit + 8 data bits + stop bit = 10 bits on the wire per byte.
    rows.push({
      case: name,
      p50Ms: percentile(times, 50),
      p99Ms: percentile(times, 99),
      bytes,
      verbatimBytes: verbatim,
      serial9600_8N1_s: (bytes * 10) / 9600,
    });
  }
  log('\nReceipt build + encode (10-line Chinese receipt, drawer kick, cut)');
  for (const r of rows) {
    log(
      `  ${r.case.padEnd(26)} p50 ${fmt(r.p50Ms)} ms  p99 ${fmt(r.p99Ms)} ms  ${String(r.bytes).padStart(5)} bytes (receiptline wrote ${r.verbatimBytes})  ${fmt(r.serial9600_8N1_s, 2)} s at 9600 baud 8N1`,
    );
  }
  return rows;
}

if (require.main === module) void benchPrinter();
