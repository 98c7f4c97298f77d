import { describe, expect, it } from 'vitest';
import { buildReceipt } from '../../main/hardware/printer/receipt-model';
import { renderReceiptText } from '../../main/hardware/printer/render';
import { defaultPrinterProfile } from '../../main/hardware/printer/printer-profile';
import { refundFixture, saleFixture, timeZone } from '../support/printer-fixtures';
import { storeEn, storeZh } from '../support/store-profiles';
import { printedColumns } from '../support/printer-columns';

// An exchange prints its two documents as usual; each names the other, so either paper leads to the other.

const paper = { ...defaultPrinterProfile, paper: '58mm' as const };

describe('exchange receipts', () => {
  it('the new sale names its return and the return names its new sale, in the store language, within 32 columns', () => {
    const pair = { registerId: 'R1', receiptNo: 43 };
    const sale = renderReceiptText(buildReceipt(saleFixture('zh-CN'), storeZh, { timeZone, exchangeWith: pair }), paper);
    const refund = renderReceiptText(buildReceipt(refundFixture('zh-CN'), storeZh, { timeZone, exchangeWith: pair }), paper);
    expect(sale).toMatch(/换货退货小票 +R1-000043/);
    expect(refund).toMatch(/换货新销售小票 +R1-000043/);
    const en = renderReceiptText(buildReceipt(refundFixture('en'), storeEn, { timeZone, exchangeWith: pair }), paper);
    expect(en).toMatch(/New goods receipt +R1-000043/);
    // The new sale names the receipt its goods came back on, in words a customer reads as such.
    const enSale = renderReceiptText(buildReceipt(saleFixture('en'), storeEn, { timeZone, exchangeWith: pair }), paper);
    expect(enSale).toMatch(/Returned goods receipt +R1-000043/);
    for (const text of [sale, refund, en, enSale]) expect(Math.max(...text.split('\n').map(printedColumns))).toBeLessThanOrEqual(32);
  });

  it("prints the returned goods' credit as its own line (换货抵扣 / Exchange credit), not as a second cash tender", () => {
    const exchangeSale = (locale: 'zh-CN' | 'en') => {
      const sale = saleFixture(locale);
      const due = sale.payments.reduce((s, p) => s + p.amountMinor, 0);
      const credit = 2000;
      const cashPart = {
        id: 22,
        method: 'cash' as const,
        amountMinor: due - credit,
        tenderedMinor: 10_000,
        changeMinor: 10_000 - (due - credit),
        card: null,
        originalPaymentId: null,
        scan: null,
      };
      const creditPart = {
        id: 21,
        method: 'cash' as const,
        amountMinor: credit,
        tenderedMinor: credit,
        changeMinor: 0,
        card: null,
        originalPaymentId: null,
        scan: null,
      };
      return { ...sale, payments: [creditPart, cashPart], changeMinor: cashPart.changeMinor };
    };
    const pair = { registerId: 'R1', receiptNo: 43, creditPaymentId: 21 };
    const zh = renderReceiptText(buildReceipt(exchangeSale('zh-CN'), storeZh, { timeZone, exchangeWith: pair }), paper);
    expect(zh).toMatch(/换货抵扣 +￥20\.00/);
    expect(zh).toMatch(/现金 +￥100\.00/);
    // One cash tender line (现金舍入, the rounding row, is not a tender).
    expect(zh.match(/^现金 /gm)).toHaveLength(1);
    const en = renderReceiptText(buildReceipt(exchangeSale('en'), storeEn, { timeZone, exchangeWith: pair }), paper);
    expect(en).toMatch(/Exchange credit +￥20\.00/);
    expect(en.match(/^Cash /gm)).toHaveLength(1);
    for (const text of [zh, en]) expect(Math.max(...text.split('\n').map(printedColumns))).toBeLessThanOrEqual(32);
  });

  it("prints the return's credit as gone into the new sale (转入换货新销售), not as cash refunded", () => {
    // The whole return paid for new goods: no cash left the drawer, so no cash line at all.
    const whole = (locale: 'zh-CN' | 'en') => {
      const refund = refundFixture(locale);
      const pair = { registerId: 'R1', receiptNo: 43, creditedMinor: refund.totals.totalMinor };
      return renderReceiptText(buildReceipt(refund, locale === 'en' ? storeEn : storeZh, { timeZone, exchangeWith: pair }), paper);
    };
    const zh = whole('zh-CN');
    expect(zh).toMatch(/转入换货新销售 +-￥4\.00\n +R1-000043\n/);
    expect(zh).not.toMatch(/退回现金/);
    const en = whole('en');
    expect(en).toMatch(/To exchange sale +-￥4\.00\n +R1-000043\n/);
    expect(en).not.toMatch(/Cash refunded/);
    for (const text of [zh, en]) expect(Math.max(...text.split('\n').map(printedColumns))).toBeLessThanOrEqual(32);
  });

  it('prints only what the customer got back beyond the new goods as cash refunded', () => {
    // A cheaper exchange: ¥4.00 back, ¥2.50 of it spent on the new goods, ¥1.50 handed over in cash.
    const zh = renderReceiptText(
      buildReceipt(refundFixture('zh-CN'), storeZh, { timeZone, exchangeWith: { registerId: 'R1', receiptNo: 43, creditedMinor: 250 } }),
      paper,
    );
    expect(zh).toMatch(/转入换货新销售 +-￥2\.50/);
    expect(zh).toMatch(/退回现金 +-￥1\.50/);
    const en = renderReceiptText(
      buildReceipt(refundFixture('en'), storeEn, { timeZone, exchangeWith: { registerId: 'R1', receiptNo: 43, creditedMinor: 250 } }),
      paper,
    );
    expect(en).toMatch(/To exchange sale +-￥2\.50/);
    expect(en).toMatch(/Cash refunded +-￥1\.50/);
  });

  it('keeps a large credit and a practice number within 32 columns', () => {
    const refund = refundFixture('en');
    const big = { ...refund, totals: { ...refund.totals, totalMinor: 9_999_999 }, payments: [{ ...refund.payments[0]!, amountMinor: 9_999_999 }] };
    const text = renderReceiptText(
      buildReceipt(big, storeEn, { timeZone, exchangeWith: { registerId: 'R1', receiptNo: -43, creditedMinor: 9_999_999 } }),
      paper,
    );
    expect(text).toMatch(/To exchange sale +-￥99,999\.99\n +R1-T-000043\n/);
    expect(Math.max(...text.split('\n').map(printedColumns))).toBeLessThanOrEqual(32);
  });

  it('prints no exchange row on a document that is not part of one', () => {
    const text = renderReceiptText(buildReceipt(saleFixture('zh-CN'), storeZh, { timeZone }), paper);
    expect(text).not.toMatch(/换货退货单|换货新销售/);
  });
});
