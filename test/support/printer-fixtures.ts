// Fixed sales for the printer tests (the store profiles are in store-profiles.ts): the golden
// receipts are printed from these, so change them only together with the golden files.
import type { CardDetailsView, PaymentView, LineView, DocumentView } from '../../preload/contract/views';

export const timeZone = 'Asia/Shanghai';

function line(
  id: number,
  name: string,
  qtyMilli: number,
  unitPriceMinor: number,
  taxRateBp: number,
  extra: Partial<Omit<LineView, 'originalLineId'>> = {},
): LineView {
  const grossMinor = Math.round((qtyMilli * unitPriceMinor) / 1000);
  const lineDiscountMinor = extra.lineDiscountMinor ?? 0;
  const orderDiscountMinor = extra.orderDiscountMinor ?? 0;
  const totalMinor = grossMinor - lineDiscountMinor - orderDiscountMinor;
  const taxMinor = Math.round((totalMinor * taxRateBp) / (10_000 + taxRateBp));
  return {
    id,
    productId: id,
    sku: `SKU${id}`,
    name,
    names: null,
    qtyMilli,
    unitPriceMinor,
    listUnitPriceMinor: null,
    taxRateBp,
    discount: null,
    originalLineId: null,
    restock: null,
    scaleLabel: null,
    soldByWeight: false,
    grossMinor,
    lineDiscountMinor,
    orderDiscountMinor,
    totalMinor,
    taxMinor,
    ...extra,
  };
}

function totalsOf(lines: LineView[]): DocumentView['totals'] {
  const byRate = new Map<number, { baseMinor: number; taxMinor: number }>();
  for (const l of lines) {
    const r = byRate.get(l.taxRateBp) ?? { baseMinor: 0, taxMinor: 0 };
    r.baseMinor += l.totalMinor;
    r.taxMinor += l.taxMinor;
    byRate.set(l.taxRateBp, r);
  }
  return {
    grossMinor: lines.reduce((s, l) => s + l.grossMinor, 0),
    discountMinor: lines.reduce((s, l) => s + l.lineDiscountMinor + l.orderDiscountMinor, 0),
    taxMinor: lines.reduce((s, l) => s + l.taxMinor, 0),
    totalMinor: lines.reduce((s, l) => s + l.totalMinor, 0),
    taxBreakdown: [...byRate].map(([rateBp, v]) => ({ rateBp, ...v })),
  };
}

export const cardDetails: CardDetailsView = {
  maskedPan: '622202******1234',
  brand: 'UnionPay',
  authCode: 'A1B2C3',
  trace: '000123',
  terminalReceiptNo: '4567',
  terminalId: 'T0012345',
  entryMode: 'chip',
  signatureRequired: true,
};

/** A sale with a weighed line, a line discount, an order discount, two tax rates and change. */
export function saleFixture(locale: 'zh-CN' | 'en', payments: 'cash' | 'card' | 'mixed' = 'cash'): DocumentView {
  const zh = locale === 'zh-CN';
  const lines = [
    line(1, zh ? '农夫山泉 550ml' : 'Spring water 550ml', 2000, 200, 1300),
    line(2, zh ? '红富士苹果（散装称重）' : 'Fuji apples (by weight)', 1250, 1280, 900, {
      discount: { kind: 'percent', rateBp: 1000 },
      lineDiscountMinor: 160,
      orderDiscountMinor: 72,
    }),
    line(3, zh ? '德芙丝滑牛奶巧克力 252g 家庭装' : 'Dove silky milk chocolate 252g family pack', 1000, 3990, 1300, { orderDiscountMinor: 200 }),
  ];
  const totals = totalsOf(lines);
  const roundingMinor = -8;
  const due = totals.totalMinor + roundingMinor;
  const pays: PaymentView[] =
    payments === 'cash'
      ? [{ id: 11, method: 'cash', amountMinor: due, tenderedMinor: 10_000, changeMinor: 10_000 - due, card: null, originalPaymentId: null, scan: null }]
      : payments === 'card'
        ? [
            {
              id: 12,
              method: 'card',
              amountMinor: totals.totalMinor,
              tenderedMinor: totals.totalMinor,
              changeMinor: 0,
              card: cardDetails,
              originalPaymentId: null,
              scan: null,
            },
          ]
        : [
            {
              id: 13,
              method: 'card',
              amountMinor: 2000,
              tenderedMinor: 2000,
              changeMinor: 0,
              card: { ...cardDetails, signatureRequired: false },
              originalPaymentId: null,
              scan: null,
            },
            {
              id: 14,
              method: 'cash',
              amountMinor: due - 2000,
              tenderedMinor: 5000,
              changeMinor: 5000 - (due - 2000),
              card: null,
              originalPaymentId: null,
              scan: null,
            },
          ];
  const rounding = payments === 'card' ? 0 : roundingMinor;
  const change = pays.reduce((s, p) => s + p.changeMinor, 0);
  return {
    id: '3f1c2a9e-7b4d-4e2a-9c1f-0a5b6c7d8e9f',
    kind: 'sale',
    training: false,
    originalDocumentId: null,
    reason: null,
    approverId: null,
    status: 'completed',
    registerId: 'R01',
    receiptNo: 1024,
    businessDay: '2026-03-14',
    operatorId: 2,
    operatorName: zh ? '王小明' : 'Amy Wang',
    openedAt: Date.UTC(2026, 2, 14, 6, 20, 5),
    completedAt: Date.UTC(2026, 2, 14, 6, 21, 37),
    note: null,
    heldAt: null,
    orderDiscount: { kind: 'amount', amountMinor: 272 },
    lines,
    totals,
    payments: pays,
    paidMinor: pays.reduce((s, p) => s + p.amountMinor, 0),
    remainingMinor: 0,
    cashDueMinor: 0,
    roundingMinor: rounding,
    changeMinor: change,
    grandTotalMinor: 1_234_567,
  };
}

export function refundFixture(locale: 'zh-CN' | 'en'): DocumentView {
  const sale = saleFixture(locale, 'cash');
  const lines = [sale.lines[0]!];
  const totals = totalsOf(lines);
  return {
    ...sale,
    id: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
    kind: 'refund',
    receiptNo: 1025,
    orderDiscount: null,
    lines,
    totals,
    payments: [{ id: 21, method: 'cash', amountMinor: totals.totalMinor, tenderedMinor: 0, changeMinor: 0, card: null, originalPaymentId: null, scan: null }],
    paidMinor: totals.totalMinor,
    roundingMinor: 0,
    changeMinor: 0,
  };
}

/**
 * The return of the sale's weighed apples (1.25 kg at ¥12.80 = ¥16.00, 10 % off, ¥0.72 of the order
 * discount: ¥13.68 paid) as the ledger keeps it: the net amount given back, no discounts (they stay
 * on the sale). The receipt puts the shares back in from the sale (withSoldDiscounts).
 */
export function discountedReturnFixture(locale: 'zh-CN' | 'en'): DocumentView {
  const refund = refundFixture(locale);
  const sold = saleFixture(locale, 'cash').lines[1]!;
  const back = {
    ...sold,
    id: 101,
    originalLineId: sold.id,
    restock: true,
    discount: null,
    grossMinor: sold.totalMinor,
    lineDiscountMinor: 0,
    orderDiscountMinor: 0,
  };
  const totals = totalsOf([back]);
  return {
    ...refund,
    receiptNo: 1026,
    lines: [back],
    totals,
    payments: [{ ...refund.payments[0]!, amountMinor: totals.totalMinor }],
    paidMinor: totals.totalMinor,
  };
}

/** Scan-to-pay: a WeChat Pay sale, an Alipay part payment with cash for the rest, and an Alipay refund. */
export function scanSaleFixture(locale: 'zh-CN' | 'en', kind: 'wechat' | 'alipay-and-cash'): DocumentView {
  const sale = saleFixture(locale, 'card');
  const total = sale.totals.totalMinor;
  const payments: PaymentView[] =
    kind === 'wechat'
      ? [
          {
            id: 31,
            method: 'scan',
            amountMinor: total,
            tenderedMinor: total,
            changeMinor: 0,
            card: null,
            originalPaymentId: null,
            scan: { provider: 'wechat', transactionId: '4200002026031412345678901234', outTradeNo: 'RUR01_1a_0f3c9d2e8b7a', payer: null },
          },
        ]
      : [
          {
            id: 32,
            method: 'scan',
            amountMinor: 3000,
            tenderedMinor: 3000,
            changeMinor: 0,
            card: null,
            originalPaymentId: null,
            scan: { provider: 'alipay', transactionId: '2026031422001412345678901234', outTradeNo: 'RUR01_1b_7c6d5e4f3a2b', payer: '138****5678' },
          },
          {
            id: 33,
            method: 'cash',
            amountMinor: total - 8 - 3000,
            tenderedMinor: 3000,
            changeMinor: 3000 - (total - 8 - 3000),
            card: null,
            originalPaymentId: null,
            scan: null,
          },
        ];
  const cash = kind === 'wechat' ? 0 : -8;
  return {
    ...sale,
    payments,
    paidMinor: payments.reduce((s, p) => s + p.amountMinor, 0),
    roundingMinor: cash,
    changeMinor: payments.reduce((s, p) => s + p.changeMinor, 0),
  };
}

export function scanRefundFixture(locale: 'zh-CN' | 'en'): DocumentView {
  const refund = refundFixture(locale);
  return {
    ...refund,
    payments: [
      {
        id: 34,
        method: 'scan',
        amountMinor: refund.totals.totalMinor,
        tenderedMinor: 0,
        changeMinor: 0,
        card: null,
        originalPaymentId: 32,
        scan: { provider: 'alipay', transactionId: null, outTradeNo: 'RUR01_1b_7c6d5e4f3a2b_r1', payer: '138****5678' },
      },
    ],
  };
}
