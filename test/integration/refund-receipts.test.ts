// Receipts of corrections as the printer gets them: a real register books returns, refunds and
// voids, the print path builds their bytes, and the test-side ESC/POS reader turns them back
// into the lines on paper. Amounts go back to the customer, so they print negative.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { defaultPrinterProfile, encodeReceipt } from '../../main/hardware/printer';
import { receiptDocuments } from '../../main/printing/receipt-output';
import type { PrinterConfigView } from '../../preload/contract/printer';
import { commandsNamed, tokenizeEscPos } from '../support/escpos-tokenizer';
import { key, payCard, settled, startCardRig, type CardRig } from '../support/card-register';
import { CASHIER_PIN, makeRegister, SUPERVISOR_PIN, withStaff, type TestRegister } from '../support/register-fixture';

const WATER = '6901234567892'; // 2.00, 13 %
const MILK = '6904567890125'; // 3.80, 9 %
const BREAD = '6905678901236'; // 8.50
const config: PrinterConfigView = {
  enabled: true,
  transport: null,
  profile: { ...defaultPrinterProfile, paper: '80mm' },
  timeZone: 'Asia/Shanghai',
  terminalReceiptLines: 'none',
};

/** What the printer prints for a document (copy 0: the original; n: the n-th duplicate), read back from its bytes. */
function paper(reg: TestRegister, documentId: string, copyNo = 0) {
  const bytes = Buffer.concat(receiptDocuments(reg.db, documentId, copyNo, config).map((d) => encodeReceipt(d, config.profile)));
  const printed = tokenizeEscPos(bytes);
  return { ...printed, text: printed.lines.join('\n') };
}

/** The printed row that starts with `label`, squeezed of its padding ("退回现金 -￥3.60"). */
function row(lines: readonly string[], label: string): string | undefined {
  return lines
    .map((l) => l.trim().replace(/\s+/g, ' '))
    .find((l) => l.startsWith(label))
    ?.trim();
}

const registers: TestRegister[] = [];
afterEach(() => {
  for (const r of registers.splice(0)) r.cleanup();
});

async function cashRegister() {
  const reg = makeRegister();
  registers.push(reg);
  const staff = await withStaff(reg);
  return { reg, staff, approval: { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN } };
}

/** Three waters and a milk, 10 % off the order (8.82), paid with 20.00 in cash. */
async function cashSale(reg: TestRegister) {
  const { id } = await reg.must('sale.current', {});
  await reg.must('sale.addProduct', { saleId: id, code: WATER, qtyMilli: 3000 });
  await reg.must('sale.addProduct', { saleId: id, code: MILK });
  await reg.must('sale.setOrderDiscount', { saleId: id, discount: { kind: 'percent', rateBp: 1000 } });
  return (await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 2000, idempotencyKey: key() })).sale;
}

describe('correction receipts on paper', () => {
  it('a return prints 退货单 with the original number, the reason, negative amounts and 退回现金', async () => {
    const { reg } = await cashRegister();
    const sale = await cashSale(reg);
    const water = sale.lines[0]!;
    const done = await reg.must('refund.withReceipt', {
      saleId: sale.id,
      lines: [{ lineId: water.id, qtyMilli: 2000, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    const p = paper(reg, done.sale.id);
    expect(p.lines.map((l) => l.trim())).toContain('退货单');
    expect(row(p.lines, '原小票')).toBe('原小票 R1-000001');
    expect(row(p.lines, '小票号')).toBe('小票号 R1-000002');
    expect(row(p.lines, '原因')).toBe('原因 质量问题');
    // The goods at their price, then the share of the order's 10 % that was given on them: as the sale printed it.
    expect(row(p.lines, '2 ×')).toBe('2 × ￥2.00 -￥4.00');
    expect(row(p.lines, '小计')).toBe('小计 -￥4.00');
    expect(row(p.lines, '整单折扣 10%')).toBe('整单折扣 10% ￥0.40');
    expect(row(p.lines, '退款合计')).toBe('退款合计 -￥3.60');
    expect(row(p.lines, '退回现金')).toBe('退回现金 -￥3.60');
    expect(row(p.lines, '税率 13%')).toBe('税率 13% 计税 -￥3.60 -￥0.41');
    // Nothing on a return reads as money taken.
    expect(p.text).not.toMatch(/(^|\s)￥3\.60/);
    expect(p.text).not.toContain('DUPLICATE');
    expect(p.qrCodes).toEqual([done.sale.id]);
    expect(commandsNamed(p, 'GS V')).toHaveLength(1);
  });

  it('a reprint of a return is marked DUPLICATE / 重印 like a sale, top and bottom, and opens no drawer', async () => {
    const { reg } = await cashRegister();
    const sale = await cashSale(reg);
    const done = await reg.must('refund.withReceipt', {
      saleId: sale.id,
      lines: [{ lineId: sale.lines[1]!.id, qtyMilli: 1000, restock: false }],
      reason: 'not_wanted',
      idempotencyKey: key(),
    });
    expect(commandsNamed(paper(reg, done.sale.id), 'ESC p')).toHaveLength(1);
    const dup = paper(reg, done.sale.id, 2);
    expect(dup.lines.filter((l) => l.trim() === 'DUPLICATE / 重印 #2')).toHaveLength(2);
    expect(dup.lines.map((l) => l.trim())).toContain('退货单');
    expect(row(dup.lines, '原因')).toBe('原因 顾客不想要了');
    expect(commandsNamed(dup, 'ESC p')).toEqual([]);
  });

  it('a price adjustment prints 退款单: the line without a quantity, 退差价 and the amount back', async () => {
    const { reg, approval } = await cashRegister();
    const sale = await cashSale(reg);
    const milk = sale.lines[1]!;
    const done = await reg.must('refund.priceAdjustment', {
      saleId: sale.id,
      lineId: milk.id,
      amountMinor: 100,
      reason: 'wrong_price',
      approval,
      idempotencyKey: key(),
    });
    const p = paper(reg, done.sale.id);
    expect(p.lines.map((l) => l.trim())).toContain('退款单');
    expect(p.lines.map((l) => l.trim())).toContain(milk.name);
    expect(row(p.lines, '退差价')).toBe('退差价 -￥1.00');
    expect(p.text).not.toContain('0 ×');
    expect(row(p.lines, '原因')).toBe('原因 价格有误');
    expect(row(p.lines, '退回现金')).toBe('退回现金 -￥1.00');
  });

  it('a void prints 撤销单 with every line and tender negative', async () => {
    const { reg, approval } = await cashRegister();
    const sale = await cashSale(reg);
    const voided = await reg.must('void.sale', { saleId: sale.id, reason: 'cashier_error', approval, idempotencyKey: key() });
    const p = paper(reg, voided.sale.id);
    expect(p.lines.map((l) => l.trim())).toContain('撤销单');
    expect(row(p.lines, '原小票')).toBe('原小票 R1-000001');
    expect(row(p.lines, '原因')).toBe('原因 收银差错');
    expect(row(p.lines, '退款合计')).toBe('退款合计 -￥8.82');
    expect(row(p.lines, '退回现金')).toBe('退回现金 -￥8.82');
    expect(row(p.lines, '3 ×')).toBe('3 × ￥2.00 -￥6.00');
    expect(row(p.lines, '1 ×')).toBe('1 × ￥3.80 -￥3.80');
    expect(row(p.lines, '整单折扣 10%')).toBe('整单折扣 10% ￥0.98');
  });

  it('a return of a line discounted 30 % prints the discount share under the line, and what goes back is unchanged', async () => {
    const { reg, staff } = await cashRegister();
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    const { id } = await reg.must('sale.current', {});
    const bread = await reg.must('sale.addProduct', { saleId: id, code: BREAD });
    const lineId = bread.lines[0]!.id;
    await reg.must('sale.setLineDiscount', { saleId: id, lineId, discount: { kind: 'percent', rateBp: 3000 } });
    const sale = (await reg.must('sale.tenderCash', { saleId: id, tenderedMinor: 1000, idempotencyKey: key() })).sale;
    expect(sale.totals.totalMinor).toBe(595);
    const done = await reg.must('refund.withReceipt', {
      saleId: sale.id,
      lines: [{ lineId, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    const p = paper(reg, done.sale.id);
    expect(row(p.lines, '1 ×')).toBe('1 × ￥8.50 -￥8.50');
    expect(row(p.lines, '折扣 30%')).toBe('折扣 30% ￥2.55');
    expect(row(p.lines, '退款合计')).toBe('退款合计 -￥5.95');
    expect(row(p.lines, '退回现金')).toBe('退回现金 -￥5.95');
    expect(p.text).not.toContain('整单折扣');
    // The ledger keeps the return at what went back: the discounts stay on the sale.
    expect(done.sale.lines[0]).toMatchObject({ grossMinor: 595, lineDiscountMinor: 0, orderDiscountMinor: 0, totalMinor: 595 });
  });

  it('a return without a receipt prints 退货单 with no original number', async () => {
    const { reg, approval } = await cashRegister();
    const done = await reg.must('refund.withoutReceipt', {
      lines: [{ name: '退回的毛巾', qtyMilli: 1500, unitPriceMinor: 1000, taxRateBp: 1300, restock: true }],
      reason: 'other',
      approval,
      idempotencyKey: key(),
    });
    const p = paper(reg, done.sale.id);
    expect(p.lines.map((l) => l.trim())).toContain('退货单');
    expect(row(p.lines, '原小票')).toBeUndefined();
    expect(row(p.lines, '1.5 ×')).toBe('1.5 × ￥10.00 -￥15.00');
    expect(row(p.lines, '退回现金')).toBe('退回现金 -￥15.00');
  });

  it('an English store prints RETURN, the reason and "Cash refunded" with negative amounts', async () => {
    const { reg } = await cashRegister();
    await reg.must('session.logout', {});
    const owner = (await reg.must('session.operators', {})).find((o) => o.role === 'owner')!;
    await reg.must('session.login', { operatorId: owner.id, pin: '2580' });
    await reg.must('settings.update', { storeLocale: 'en' });
    const sale = await cashSale(reg);
    const done = await reg.must('refund.withReceipt', {
      saleId: sale.id,
      lines: [{ lineId: sale.lines[0]!.id, qtyMilli: 1000, restock: true }],
      reason: 'wrong_item',
      idempotencyKey: key(),
    });
    const p = paper(reg, done.sale.id);
    expect(p.lines.map((l) => l.trim())).toContain('RETURN');
    expect(row(p.lines, 'Reason')).toBe('Reason Wrong item');
    expect(row(p.lines, 'Original receipt')).toBe('Original receipt R1-000001');
    // GB18030 paper prints the full-width ￥ (see printer-encoder.test.ts).
    expect(row(p.lines, 'Cash refunded')).toBe('Cash refunded -￥1.80');
  });
});

describe('card refund receipts', () => {
  let rig: CardRig;
  beforeAll(async () => {
    rig = await startCardRig();
  });
  afterEach(async () => {
    await settled(rig.reg);
    await rig.reg.must('session.logout', {});
    await rig.reg.must('session.login', { operatorId: rig.staff.cashierId, pin: CASHIER_PIN });
  });
  afterAll(() => rig.stop());

  it('a refund to the card prints 退回银行卡 and the terminal slip data of the refund', async () => {
    const { reg } = rig;
    const open = await reg.must('sale.current', {});
    await reg.must('sale.addCustomLine', { saleId: open.id, name: '毛巾', qtyMilli: 1000, unitPriceMinor: 1200 });
    await reg.must('sale.addCustomLine', { saleId: open.id, name: '香皂', qtyMilli: 1000, unitPriceMinor: 800 });
    const paid = await payCard(reg, open.id);
    if (!paid.ok) throw new Error(JSON.stringify(paid.error));
    const sale = paid.value.sale;
    const done = await reg.must('refund.withReceipt', {
      saleId: sale.id,
      lines: [{ lineId: sale.lines[1]!.id, qtyMilli: 1000, restock: true }],
      reason: 'defective',
      idempotencyKey: key(),
    });
    const card = done.sale.payments[0]?.card;
    expect(card?.authCode).toBeTruthy();
    const p = paper(reg, done.sale.id);
    expect(p.lines.map((l) => l.trim())).toContain('退货单');
    expect(row(p.lines, '退回银行卡')).toBe('退回银行卡 -￥8.00');
    expect(row(p.lines, '卡号')).toBe('卡号 476173******0119');
    expect(row(p.lines, '授权码')).toBe(`授权码 ${card?.authCode ?? ''}`);
    expect(row(p.lines, '终端号')).toBe(`终端号 ${card?.terminalId ?? ''}`);
    expect(row(p.lines, '流水号')).toBe(`流水号 ${card?.trace ?? ''}`);
    expect(p.text).not.toContain('4761739001010119');
    // A card refund hands out no cash: the drawer stays shut.
    expect(commandsNamed(p, 'ESC p')).toEqual([]);
  });
});
