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
    expect(sale).toMatch(/换货退货单 +R1-000043/);
    expect(refund).toMatch(/换货新销售 +R1-000043/);
    const en = renderReceiptText(buildReceipt(refundFixture('en'), storeEn, { timeZone, exchangeWith: pair }), paper);
    expect(en).toMatch(/Exchange, new goods on +R1-000043/);
    for (const text of [sale, refund, en]) expect(Math.max(...text.split('\n').map(printedColumns))).toBeLessThanOrEqual(32);
  });

  it('prints no exchange row on a document that is not part of one', () => {
    const text = renderReceiptText(buildReceipt(saleFixture('zh-CN'), storeZh, { timeZone }), paper);
    expect(text).not.toMatch(/换货退货单|换货新销售/);
  });
});
