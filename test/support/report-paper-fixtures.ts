// An X and a Z as the report views give them, for the paper goldens: a cash and a card tender,
// two tax rates, a counted shift with a float, a card reconciliation by brand and a small-sales
// burst raised for the register and for its operator. Change only together with the golden files.
import type { ReportFiguresView, ShiftCashView, XReportView, ZReportView } from '../../preload/contract/day-close-views';

const at = Date.UTC(2026, 2, 14, 12, 30); // 20:30 in Shanghai

function figures(): ReportFiguresView {
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, salesCount: 0, salesMinor: 0, netMinor: 0 }));
  hours[10] = { hour: 10, salesCount: 6, salesMinor: 4_350, netMinor: 3_500 };
  return {
    documentCount: 7,
    firstReceiptNo: 1,
    lastReceiptNo: 7,
    kinds: [
      { kind: 'sale', count: 6, totalMinor: 4_350, taxMinor: 430 },
      { kind: 'refund', count: 1, totalMinor: 850, taxMinor: 70 },
      { kind: 'void', count: 0, totalMinor: 0, taxMinor: 0 },
    ],
    tenders: [
      { method: 'cash', inCount: 5, inMinor: 1_050, outCount: 1, outMinor: 850, netMinor: 200 },
      { method: 'card', inCount: 1, inMinor: 3_300, outCount: 0, outMinor: 0, netMinor: 3_300 },
    ],
    taxRates: [
      { rateBp: 900, netMinor: 1_927, taxMinor: 173, grossMinor: 2_100 },
      { rateBp: 1_300, netMinor: 1_239, taxMinor: 161, grossMinor: 1_400 },
    ],
    operators: [{ operatorId: 1, operatorName: '王店长', salesCount: 6, salesMinor: 4_350, correctionsCount: 1, correctionsMinor: 850, netMinor: 3_500 }],
    hours,
    discounts: { count: 1, amountMinor: 85 },
    netMinor: 3_500,
    netTaxMinor: 334,
    noSales: 0,
    duplicates: 0,
    cashMovements: [
      { kind: 'paid_in', count: 0, amountMinor: 0 },
      { kind: 'paid_out', count: 1, amountMinor: 500 },
      { kind: 'safe_drop', count: 0, amountMinor: 0 },
      { kind: 'float_top_up', count: 0, amountMinor: 0 },
    ],
  };
}

function shift(counted: boolean): ShiftCashView {
  return {
    shiftId: 1,
    operatorName: '王店长',
    openedAt: at - 10 * 3_600_000,
    closedAt: counted ? at - 60_000 : null,
    state: counted ? 'closed' : 'open',
    expected: {
      floatMinor: 25_000,
      cashTakenMinor: 2_000,
      changeGivenMinor: 950,
      paidInMinor: 0,
      floatTopUpMinor: 0,
      paidOutMinor: 500,
      safeDropMinor: 0,
      cashRefundsMinor: 850,
      cashVoidsMinor: 0,
      expectedMinor: 24_700,
    },
    countedMinor: counted ? 24_600 : null,
    firstCountMinor: null,
    differenceMinor: counted ? -100 : null,
    forceReason: null,
    handover: null,
  };
}

export function xFixture(): XReportView {
  return {
    scope: 'day',
    registerId: 'R01',
    businessDay: '2026-03-14',
    shiftId: null,
    at,
    figures: figures(),
    shifts: [shift(true)],
    grandTotalMinor: 123_500,
    correctionsInProgress: { count: 0, totalMinor: 0, back: [] },
  };
}

/**
 * The same X while a void of ¥80.00 is still open: ¥50.00 already back on the card at the terminal,
 * its ¥30.00 wallet part still with the provider (none of it in the figures yet).
 */
export function xInProgressFixture(): XReportView {
  return { ...xFixture(), correctionsInProgress: { count: 1, totalMinor: 8_000, back: [{ method: 'card', count: 1, amountMinor: 5_000 }] } };
}

export function zFixture(): ZReportView {
  return {
    id: 1,
    zNo: 12,
    registerId: 'R01',
    businessDay: '2026-03-14',
    closedAt: at,
    operatorName: '王店长',
    firstReceiptNo: 1,
    lastReceiptNo: 7,
    grandTotalBeforeMinor: 120_000,
    grandTotalAfterMinor: 123_500,
    figures: figures(),
    shifts: [shift(true)],
    overShortMinor: -100,
    reconciliation: {
      status: 'matched',
      skipReason: null,
      batchIds: [1],
      terminalId: '29001234',
      receiptFrom: 1,
      receiptTo: 1,
      terminalTotalMinor: 3_300,
      registerTotalMinor: 3_300,
      registerRefundsMinor: 0,
      brands: [{ brand: 'VISA', terminalCount: 1, terminalMinor: 3_300, registerCount: 1, registerMinor: 3_300 }],
      differences: [],
    },
    fraudAlerts: [
      { id: 1, rule: 'small_sales_burst', scope: { kind: 'register', registerId: 'R01' }, at: at - 9 * 3_600_000, operatorName: '王店长', acknowledged: false },
      { id: 2, rule: 'small_sales_burst', scope: { kind: 'operator', operatorId: 1 }, at: at - 9 * 3_600_000, operatorName: '王店长', acknowledged: true },
    ],
  };
}
