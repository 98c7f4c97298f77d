import { describe, expect, it } from 'vitest';
import { buildMerchantSlip, buildReceipt, buildReceiptDocuments, ReceiptModelError } from '../../main/hardware/printer/receipt-model';
import { renderReceiptSvg, renderReceiptText } from '../../main/hardware/printer/render';
import type { PrinterProfile } from '../../main/hardware/printer/printer-profile';
import { formatDateTime, formatMoney, formatQty, formatRateBp } from '../../main/hardware/printer/receipt-format';
import { maskPan } from '../../main/hardware/printer/card-slip';
import { withSoldDiscounts } from '../../main/hardware/printer/return-discounts';
import type { ReceiptDocument } from '../../main/hardware/printer/receipt-document';
import { discountedReturnFixture, refundFixture, saleFixture, scanRefundFixture, scanSaleFixture, timeZone } from '../support/printer-fixtures';
import { storeEn, storeZh } from '../support/store-profiles';
import { expectGolden, paperProfile } from '../support/printer-golden';
import { printedColumns } from '../support/printer-columns';

const profile = paperProfile;

function renderAll(docs: ReceiptDocument[], p: PrinterProfile): string {
  return docs.map((d) => renderReceiptText(d, p)).join('=== cut ===\n');
}

const cases = [
  { locale: 'zh-CN', store: storeZh, paper: '58mm', cols: 32 },
  { locale: 'zh-CN', store: storeZh, paper: '80mm', cols: 48 },
  { locale: 'en', store: storeEn, paper: '58mm', cols: 32 },
  { locale: 'en', store: storeEn, paper: '80mm', cols: 48 },
] as const;

describe('receipt golden text', () => {
  for (const c of cases) {
    it(`sale receipt ${c.locale} ${c.paper} matches the golden file and fits ${c.cols} columns`, () => {
      const doc = buildReceipt(saleFixture(c.locale, 'cash'), c.store, { timeZone });
      const text = renderReceiptText(doc, profile(c.paper));
      expectGolden(`sale-${c.locale}-${c.paper}.txt`, text);
      for (const line of text.split('\n')) expect(printedColumns(line), line).toBeLessThanOrEqual(c.cols);
    });

    it(`card sale with merchant copy, refund and duplicate ${c.locale} ${c.paper} fit ${c.cols} columns`, () => {
      const card = buildReceiptDocuments(saleFixture(c.locale, 'card'), c.store, { timeZone });
      const refund = buildReceipt(refundFixture(c.locale), c.store, { timeZone, refundOf: { registerId: 'R01', receiptNo: 1024 } });
      // A return of discounted goods prints the discount shares of the sale it takes back, as the sale's receipt printed them.
      const discounted = buildReceipt(withSoldDiscounts(discountedReturnFixture(c.locale), saleFixture(c.locale, 'cash')), c.store, {
        timeZone,
        refundOf: { registerId: 'R01', receiptNo: 1024 },
      });
      const dup = buildReceipt(saleFixture(c.locale, 'mixed'), c.store, { timeZone, duplicateCopy: 2 });
      const text = renderAll([...card, refund, discounted, dup], profile(c.paper));
      expectGolden(`card-refund-duplicate-${c.locale}-${c.paper}.txt`, text);
      for (const line of text.split('\n')) expect(printedColumns(line), line).toBeLessThanOrEqual(c.cols);
    });

    it(`scan-to-pay sale, part payment with cash and refund ${c.locale} ${c.paper} fit ${c.cols} columns`, () => {
      const wechat = buildReceipt(scanSaleFixture(c.locale, 'wechat'), c.store, { timeZone });
      const mixed = buildReceipt(scanSaleFixture(c.locale, 'alipay-and-cash'), c.store, { timeZone });
      const refund = buildReceipt(scanRefundFixture(c.locale), c.store, { timeZone, refundOf: { registerId: 'R01', receiptNo: 1024 } });
      const text = renderAll([wechat, mixed, refund], profile(c.paper));
      expectGolden(`scan-pay-${c.locale}-${c.paper}.txt`, text);
      for (const line of text.split('\n')) expect(printedColumns(line), line).toBeLessThanOrEqual(c.cols);
    });
  }
});

describe('receipt content', () => {
  it('a cash total rounded up prints its rounding with a plus: the customer pays more than the total', () => {
    const up = { ...saleFixture('zh-CN'), roundingMinor: 2 };
    const rounding = renderReceiptText(buildReceipt(up, storeZh, { timeZone }), profile('80mm'))
      .split('\n')
      .find((line) => line.startsWith('现金舍入'));
    expect(rounding?.trim().endsWith('+￥0.02')).toBe(true);
  });

  it('has the store header, each line as qty × unit price, discounts, tax by rate, tenders and change (zh-CN)', () => {
    const text = renderReceiptText(buildReceipt(saleFixture('zh-CN'), storeZh, { timeZone }), profile('80mm'));
    for (const s of [
      '林记便利店',
      '税号：91310104MA1FR0XX3K',
      '收银机',
      'R01-001024',
      '2026-03-14 14:21:37',
      '王小明',
      '1.25 × ￥12.80',
      '折扣 10%',
      '-￥1.60',
      '整单折扣',
      '-￥2.72',
      '税率 9% 计税 ￥13.68',
      '税率 13% 计税 ￥41.90',
      '合计',
      '￥55.58',
      '现金舍入',
      '-￥0.08',
      '现金',
      '￥100.00',
      '找零',
      '￥44.50',
      '谢谢惠顾，欢迎再来！',
    ]) {
      expect(text).toContain(s);
    }
  });

  it('English receipt uses English labels and the same amounts', () => {
    const text = renderReceiptText(buildReceipt(saleFixture('en'), storeEn, { timeZone }), profile('80mm'));
    for (const s of ['RECEIPT', 'Cashier', 'Amy Wang', '1.25 x ￥12.80', 'Order discount', 'TOTAL', '￥55.58', 'Change', '￥44.50', 'VAT 13% on ￥41.90']) {
      expect(text).toContain(s);
    }
    expect(text).not.toMatch(/[合计找零]/);
  });

  it('prints the price a line was rung up at under a price override (改价), in the receipt language, within the paper', () => {
    for (const c of cases) {
      const sale = saleFixture(c.locale);
      const overridden = { ...sale, lines: sale.lines.map((l, i) => (i === 0 ? { ...l, listUnitPriceMinor: 250 } : l)) };
      const text = renderReceiptText(buildReceipt(overridden, c.store, { timeZone }), profile(c.paper));
      expect(text).toContain(c.locale === 'zh-CN' ? '原价 ￥2.50（改价）' : 'Was ￥2.50 (price override)');
      // Only the overridden line says so.
      expect(text.split(c.locale === 'zh-CN' ? '原价' : 'Was ').length).toBe(2);
      for (const line of text.split('\n')) expect(printedColumns(line), line).toBeLessThanOrEqual(c.cols);
    }
  });

  it('keeps "¥" on paper whose code page has it (cp437) and the QR carries the receipt id', () => {
    const doc = buildReceipt(saleFixture('en'), storeEn, { timeZone });
    expect(renderReceiptText(doc, { ...profile('80mm'), encoding: 'cp437' })).toContain('¥55.58');
    expect(doc.blocks).toContainEqual({ kind: 'qr', data: saleFixture('en').id });
  });

  it('marks reprints as DUPLICATE / 重印 with the copy number and never opens the drawer for them', () => {
    const dup = buildReceipt(saleFixture('en'), storeEn, { timeZone, duplicateCopy: 3 });
    const text = renderReceiptText(dup, profile('58mm'));
    expect(text).toContain('DUPLICATE / 重印 #3');
    expect(dup.openDrawer).toBe(false);
    expect(buildReceipt(saleFixture('en'), storeEn, { timeZone }).openDrawer).toBe(true);
  });

  it('opens the drawer only for a cash tender with the setting on', () => {
    expect(buildReceipt(saleFixture('zh-CN', 'card'), storeZh, { timeZone }).openDrawer).toBe(false);
    expect(buildReceipt(saleFixture('zh-CN', 'mixed'), storeZh, { timeZone }).openDrawer).toBe(true);
    expect(buildReceipt(saleFixture('zh-CN', 'cash'), { ...storeZh, drawerOnCash: false }, { timeZone }).openDrawer).toBe(false);
  });

  it('adds a merchant copy with a signature line only when the card asked for a signature', () => {
    expect(buildReceiptDocuments(saleFixture('zh-CN', 'card'), storeZh, { timeZone }).map((d) => d.kind)).toEqual(['sale', 'merchant-slip']);
    expect(buildReceiptDocuments(saleFixture('zh-CN', 'mixed'), storeZh, { timeZone }).map((d) => d.kind)).toEqual(['sale']);
    const sale = saleFixture('en', 'card');
    // The terminal's own receipt lines travel with the payment; the slip prints them when the printer setting asks.
    const payment = { ...sale.payments[0]!, card: { ...sale.payments[0]!.card!, receiptLines: ['APPROVED 00', 'REF 998877'] } };
    const slip = buildMerchantSlip(sale, payment, storeEn, { timeZone, terminalLines: 'merchant' });
    const text = renderReceiptText(slip, profile('58mm'));
    expect(renderReceiptText(buildMerchantSlip(sale, payment, storeEn, { timeZone }), profile('58mm'))).not.toContain('APPROVED 00');
    for (const s of ['MERCHANT COPY', 'UnionPay', '622202******1234', 'A1B2C3', 'T0012345', '000123', 'APPROVED 00', 'REF 998877', 'Signature']) {
      expect(text).toContain(s);
    }
    expect(slip.blocks.some((b) => b.kind === 'signature')).toBe(true);
  });

  it('refund receipt names the original receipt and says refund', () => {
    const text = renderReceiptText(
      buildReceipt(refundFixture('zh-CN'), storeZh, { timeZone, refundOf: { registerId: 'R01', receiptNo: 1024 } }),
      profile('58mm'),
    );
    expect(text).toContain('退货单');
    expect(text).toContain('原小票');
    expect(text).toContain('R01-001024');
    expect(text).toMatch(/退款合计 +-￥4\.00/);
    expect(text).toMatch(/退回现金 +-￥4\.00/);
  });

  it('a return of a discounted line prints the price, its discount share and the order discount share, adding up to what goes back', () => {
    const sale = saleFixture('zh-CN', 'cash');
    const refund = discountedReturnFixture('zh-CN');
    const opts = { timeZone, refundOf: { registerId: 'R01', receiptNo: 1024 } };
    // As the ledger keeps it, the line reads 1.25 kg × ￥12.80 at the ￥13.68 given back, with no reason why.
    const bare = renderReceiptText(buildReceipt(refund, storeZh, opts), profile('58mm'));
    expect(bare).not.toMatch(/折扣/);
    const zh = renderReceiptText(buildReceipt(withSoldDiscounts(refund, sale), storeZh, opts), profile('58mm'));
    for (const re of [/-￥16\.00/, /折扣 10% +￥1\.60/, /小计 +-￥14\.40/, /整单折扣 +￥0\.72/, /退款合计 +-￥13\.68/, /退回现金 +-￥13\.68/])
      expect(zh).toMatch(re);
    const en = renderReceiptText(buildReceipt(withSoldDiscounts(discountedReturnFixture('en'), saleFixture('en', 'cash')), storeEn, opts), profile('58mm'));
    expect(en).toMatch(/Discount 10% +￥1\.60/);
    // Half the quantity back: half the price and half of each discount; the money back is unchanged.
    const half = { ...refund.lines[0]!, qtyMilli: 625, grossMinor: 684, totalMinor: 684 };
    const shown = withSoldDiscounts({ ...refund, lines: [half] }, sale).lines[0]!;
    expect(shown).toMatchObject({ grossMinor: 800, lineDiscountMinor: 80, orderDiscountMinor: 36, totalMinor: 684 });
  });

  it('names the scan-to-pay provider and prints its transaction id and payer masked, never whole (zh-CN and en)', () => {
    const zh = renderReceiptText(buildReceipt(scanSaleFixture('zh-CN', 'alipay-and-cash'), storeZh, { timeZone }), profile('58mm'));
    expect(zh).toMatch(/支付宝 +￥30\.00/);
    expect(zh).toMatch(/交易单号 +2026\*{4}901234/);
    expect(zh).toMatch(/付款账户 +138\*{4}5678/);
    expect(zh).not.toContain('银行卡');
    const en = renderReceiptText(buildReceipt(scanSaleFixture('en', 'wechat'), storeEn, { timeZone }), profile('58mm'));
    expect(en).toMatch(/WeChat Pay +￥55\.58/);
    expect(en).toMatch(/Transaction +4200\*{4}901234/);
    for (const text of [zh, en]) {
      expect(text).not.toContain('4200002026031412345678901234');
      expect(text).not.toContain('2026031422001412345678901234');
    }
    // A payer the provider sent unmasked is masked on paper all the same.
    const bare = scanSaleFixture('en', 'alipay-and-cash');
    bare.payments[0] = { ...bare.payments[0]!, scan: { ...bare.payments[0]!.scan!, payer: '13812345678' } };
    const printed = renderReceiptText(buildReceipt(bare, storeEn, { timeZone }), profile('58mm'));
    expect(printed).toMatch(/Payer +138\*{4}5678/);
    expect(printed).not.toContain('13812345678');
    // A refund back to Alipay says so, with the refund's number.
    const refund = renderReceiptText(buildReceipt(scanRefundFixture('zh-CN'), storeZh, { timeZone }), profile('58mm'));
    expect(refund).toMatch(/退回支付宝 +-￥4\.00/);
    expect(refund).toMatch(/退款单号 +RUR0\*{4}a2b_r1/);
  });

  it('refuses a document that is not completed', () => {
    expect(() => buildReceipt({ ...saleFixture('en'), status: 'open' }, storeEn, { timeZone })).toThrow(ReceiptModelError);
  });

  it('escapes receiptline markup in user text instead of obeying it', () => {
    const sale = saleFixture('en');
    sale.lines[0] = { ...sale.lines[0]!, name: 'A|B {c:x} ^^big^^ "q" _u_ ---' };
    const text = renderReceiptText(buildReceipt(sale, storeEn, { timeZone }), profile('80mm'));
    expect(text).toContain('A|B {c:x} ^^big^^ "q" _u_ ---');
  });

  it('renders an SVG preview with the receipt text', () => {
    const svg = renderReceiptSvg(buildReceipt(saleFixture('zh-CN'), storeZh, { timeZone }), profile('58mm'));
    expect(svg.startsWith('<svg')).toBe(true);
    expect(svg).toContain('width="384px"');
    expect(svg).toContain('林');
  });
});

describe('receipt formatting', () => {
  it('formats money exactly from integer minor units', () => {
    expect(formatMoney(5558, 'CNY', 'zh-CN')).toBe('¥55.58');
    expect(formatMoney(-8, 'CNY', 'en')).toBe('-¥0.08');
    expect(formatMoney(9_999_999_999, 'CNY', 'en')).toBe('¥99,999,999.99');
    expect(formatMoney(1, 'JPY', 'en')).toBe('¥1');
  });
  it('formats quantities, rates and dates deterministically', () => {
    expect([formatQty(1000), formatQty(1250), formatQty(5)]).toEqual(['1', '1.25', '0.005']);
    expect([formatRateBp(1300), formatRateBp(650), formatRateBp(0)]).toEqual(['13%', '6.5%', '0%']);
    expect(formatDateTime(Date.UTC(2026, 0, 1, 16, 0, 0), 'Asia/Shanghai')).toBe('2026-01-02 00:00:00');
    expect(formatDateTime(Date.UTC(2026, 0, 1, 16, 0, 0), 'UTC')).toBe('2026-01-01 16:00:00');
  });
  it('never prints more than the first 6 and last 4 digits of a card number', () => {
    expect(maskPan('6222021234567890123')).toBe('622202*********0123');
    expect(maskPan('****1234')).toBe('****1234');
    expect(maskPan('622202******1234')).toBe('622202******1234');
  });
});

describe('weighed lines on the receipt', () => {
  it('prints the weight in kilograms and the price per kilogram, in the store language', () => {
    const weighed = (locale: 'zh-CN' | 'en') => {
      const sale = saleFixture(locale, 'cash');
      // The fixture's apples: 1.25 kg at 12.80 a kilogram, here rung up from a scale label.
      return { ...sale, lines: sale.lines.map((l, i) => (i === 1 ? { ...l, soldByWeight: true, scaleLabel: '2100001012508' } : l)) };
    };
    const zh = renderReceiptText(buildReceipt(weighed('zh-CN'), storeZh, { timeZone }), profile('80mm'));
    expect(zh).toContain('1.250 kg × ￥12.80/kg');
    const en = renderReceiptText(buildReceipt(weighed('en'), storeEn, { timeZone }), profile('80mm'));
    expect(en).toContain('1.250 kg x ￥12.80/kg');
  });
});

describe('training receipts', () => {
  it('carry the training mark at the top and the foot, a T number, and open no drawer', () => {
    for (const [locale, store, mark] of [
      ['zh-CN', storeZh, '练习 TRAINING · 非销售凭证'],
      ['en', storeEn, 'TRAINING - NOT A RECEIPT'],
    ] as const) {
      const sale = { ...saleFixture(locale, 'cash'), training: true };
      const doc = buildReceipt(sale, store, { timeZone });
      const text = renderReceiptText(doc, profile('58mm'));
      expect(text.split(mark).length - 1).toBe(2);
      expect(text).toContain('R01-T-');
      expect(doc.openDrawer).toBe(false);
      expect(buildReceipt(saleFixture(locale, 'cash'), store, { timeZone }).openDrawer).toBe(true);
    }
  });
});
