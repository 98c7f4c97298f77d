import { describe, expect, it } from 'vitest';
import { renderReceiptText } from '../../main/hardware/printer';
import { getPrinterConfig } from '../../main/printing/printer-config';
import { receiptDocuments } from '../../main/printing/receipt-output';
import { trainingShops } from '../support/training-shop';

// Back office → 小票 finds a receipt by what is printed on it. A practice receipt is printed
// R1-T-000001 and kept negated in the ledger; it must be found (to show or reprint it, marked),
// and never be mistaken for the real R1-000001.
const { shop, training } = trainingShops();

describe('the receipt lookup and practice receipts', () => {
  it('finds R1-T-000001 as printed, a bare 1 in the series of the operator’s mode, never the real one', async () => {
    const s = await shop();
    const real = await s.cashSale([1500]);
    await training(s, true);
    const practice = await s.cashSale([900]);

    // The trainee: the printed practice number and a bare number both name the practice receipt.
    const printed = await s.reg.must('receipt.preview', { code: 'R1-T-000001' });
    expect(printed.saleId).toBe(practice.saleId);
    expect((await s.reg.must('receipt.preview', { code: '1' })).saleId).toBe(practice.saleId);
    // The real series is still found when its number is typed as printed.
    expect((await s.reg.must('receipt.preview', { code: 'R1-000001' })).saleId).toBe(real.saleId);

    // The owner (not in training): a bare number is a real receipt, the printed practice one still the practice one.
    await s.as('owner');
    expect((await s.reg.must('receipt.preview', { code: '1' })).saleId).toBe(real.saleId);
    expect((await s.reg.must('receipt.preview', { code: 'R1-T-000001' })).saleId).toBe(practice.saleId);
    // A practice number that was never printed is not found, and names what was typed.
    const missing = await s.reg.call('receipt.preview', { code: 'R1-T-000009' });
    expect(missing.ok ? null : missing.error).toMatchObject({ code: 'receipt.not_found', params: { receiptNo: 'R1-T-000009' } });
    // The sale lookup by a printed practice code finds it too.
    expect((await s.reg.must('sale.byReceipt', { code: 'R1-T-000001' })).id).toBe(practice.saleId);
  });

  it('titles a practice receipt as practice, under its bar with a line between them', async () => {
    const s = await shop();
    await training(s, true);
    const practice = await s.cashSale([900]);
    const config = getPrinterConfig(s.reg.db);
    const text = receiptDocuments(s.reg.db, practice.saleId, 0, config)
      .map((d) => renderReceiptText(d, config.profile))
      .join('');
    const lines = text.split('\n').map((l) => l.trim());
    const bar = lines.indexOf('练习 TRAINING · 非销售凭证');
    expect(bar).toBeGreaterThan(0);
    expect(lines.slice(bar + 1, bar + 3)).toEqual(['', '销售小票（练习）']);
  });
});
