// X and Z reports on paper, as receipt documents (the printer's 58/80 mm layout does the rest).
// Pure: the same report gives the same paper, which is what a reprint relies on.
import type {
  CardReconciliationView,
  CorrectionsInProgressView,
  ReportFiguresView,
  ShiftCashView,
  XReportView,
  ZFraudAlertView,
  ZReportView,
} from '../../preload/contract/day-close-views';
import type { StoreSettings } from '../../preload/contract/views';
import type { ReceiptBlock, ReceiptDocument } from '../hardware/printer/receipt-document';
import { formatDateTime, formatMoney, formatRateBp } from '../hardware/printer/receipt-format';
import { reportTranslator, type ReportTranslate } from './report-strings';

interface Ctx {
  t: ReportTranslate;
  money: (minor: number) => string;
  timeZone: string;
}

function context(store: StoreSettings, timeZone: string): Ctx {
  return { t: reportTranslator(store.storeLocale), money: (m) => formatMoney(m, store.currency, store.storeLocale), timeZone };
}

type RowBlock = Extract<ReceiptBlock, { kind: 'row' }>;
const row = (left: string, right: string, bold = false): RowBlock => ({ kind: 'row', left, right, ...(bold ? { bold } : {}) });
// A row under a heading (In/Out/Net under a tender, the cash-up under a shift): the printer's own
// indent, never leading spaces in the words (receiptline centres a cell with spaces on both sides).
const indented = (left: string, right: string, bold = false): RowBlock => ({ ...row(left, right, bold), indent: true });
const heading = (text: string): ReceiptBlock[] => [{ kind: 'rule' }, { kind: 'text', text, align: 'left', bold: true }];

function documentBlocks(c: Ctx, f: ReportFiguresView): ReceiptBlock[] {
  const blocks = heading(c.t('docs.heading'));
  for (const k of f.kinds) blocks.push(row(c.t(`docs.${k.kind}`, { count: k.count }), c.money(k.totalMinor)));
  blocks.push(row(c.t('docs.net'), c.money(f.netMinor), true), row(c.t('docs.netTax'), c.money(f.netTaxMinor)));
  const receipts = f.firstReceiptNo === null ? c.t('header.noReceipts') : `${f.firstReceiptNo} – ${f.lastReceiptNo ?? f.firstReceiptNo}`;
  blocks.push(row(c.t('header.receipts'), receipts));
  return blocks;
}

function tenderBlocks(c: Ctx, f: ReportFiguresView): ReceiptBlock[] {
  const blocks = heading(c.t('tender.heading'));
  for (const t of f.tenders) {
    blocks.push(
      { kind: 'text', text: c.t(`tender.${t.method}`), align: 'left' },
      indented(c.t('tender.in', { count: t.inCount }), c.money(t.inMinor)),
      indented(c.t('tender.out', { count: t.outCount }), c.money(-t.outMinor)),
      indented(c.t('tender.net'), c.money(t.netMinor)),
    );
  }
  // A Z stored before the spent credit was reported keeps its whole-credit line, under its own words.
  const spent = f.exchangeCreditSpent;
  const credit = spent ?? f.exchangeCredit;
  if (credit && credit.count > 0)
    blocks.push(
      { kind: 'text', text: c.t(spent ? 'tender.exchangeCreditSpent' : 'tender.exchangeCredit'), align: 'left' },
      indented(c.t('tender.exchangeCreditRow', { count: credit.count }), c.money(credit.amountMinor)),
    );
  return blocks;
}

function taxBlocks(c: Ctx, f: ReportFiguresView): ReceiptBlock[] {
  if (f.taxRates.length === 0) return [];
  const blocks = heading(c.t('tax.heading'));
  for (const r of f.taxRates) {
    blocks.push(
      { kind: 'text', text: c.t('tax.rate', { rate: formatRateBp(r.rateBp) }), align: 'left' },
      indented(c.t('tax.net'), c.money(r.netMinor)),
      indented(c.t('tax.tax'), c.money(r.taxMinor)),
      indented(c.t('tax.gross'), c.money(r.grossMinor)),
    );
  }
  return blocks;
}

function otherBlocks(c: Ctx, f: ReportFiguresView): ReceiptBlock[] {
  const blocks: ReceiptBlock[] = [];
  if (f.operators.length > 0) {
    blocks.push(...heading(c.t('operator.heading')));
    for (const o of f.operators) blocks.push(row(c.t('operator.row', { name: o.operatorName, count: o.salesCount }), c.money(o.netMinor)));
  }
  const hours = f.hours.filter((h) => h.salesCount > 0 || h.netMinor !== 0);
  if (hours.length > 0) {
    blocks.push(...heading(c.t('hour.heading')));
    for (const h of hours) blocks.push(row(c.t('hour.row', { hour: String(h.hour).padStart(2, '0'), count: h.salesCount }), c.money(h.netMinor)));
  }
  blocks.push(
    { kind: 'rule' },
    row(c.t('discount.row', { count: f.discounts.count }), c.money(-f.discounts.amountMinor)),
    // The share on goods back, and what was kept (a Z stored before it was kept prints neither).
    ...(f.discounts.returnedMinor === undefined
      ? []
      : [
          indented(c.t('discount.returned', { count: f.discounts.returnedCount ?? 0 }), c.money(f.discounts.returnedMinor)),
          row(c.t('discount.net'), c.money(-(f.discounts.amountMinor - f.discounts.returnedMinor))),
        ]),
    row(c.t('events.noSale'), String(f.noSales)),
    row(c.t('events.duplicates'), String(f.duplicates)),
  );
  if (f.cashMovements.some((m) => m.count > 0)) {
    blocks.push(...heading(c.t('movement.heading')));
    for (const m of f.cashMovements) if (m.count > 0) blocks.push(row(`${c.t(`movement.${m.kind}`)} ×${m.count}`, c.money(m.amountMinor)));
  }
  return blocks;
}

function shiftBlocks(c: Ctx, s: ShiftCashView): ReceiptBlock[] {
  const e = s.expected;
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: c.t('cash.shift', { shiftId: s.shiftId, name: s.operatorName }), align: 'left', bold: true },
    indented(c.t('cash.float'), c.money(e.floatMinor)),
    // Cash that went missing (or appeared) between the previous close and this open: no count of either shift shows it.
    ...(s.handover && s.handover.differenceMinor !== 0
      ? [indented(c.t('cash.handover', { shiftId: s.handover.previousShiftId }), signed(c, s.handover.differenceMinor))]
      : []),
    indented(c.t('cash.taken'), c.money(e.cashTakenMinor)),
    indented(c.t('cash.change'), c.money(e.changeGivenMinor)),
    indented(c.t('cash.paidIn'), c.money(e.paidInMinor)),
    indented(c.t('cash.topUp'), c.money(e.floatTopUpMinor)),
    indented(c.t('cash.paidOut'), c.money(e.paidOutMinor)),
    indented(c.t('cash.safeDrop'), c.money(e.safeDropMinor)),
    indented(c.t('cash.refunds'), c.money(e.cashRefundsMinor)),
    indented(c.t('cash.voids'), c.money(e.cashVoidsMinor)),
    indented(c.t('cash.expected'), c.money(e.expectedMinor), true),
  ];
  if (s.firstCountMinor !== null) blocks.push(indented(c.t('cash.firstCount'), c.money(s.firstCountMinor)));
  if (s.countedMinor === null) blocks.push(indented(c.t('cash.notCounted'), ''));
  else blocks.push(indented(c.t('cash.counted'), c.money(s.countedMinor)), indented(c.t('cash.difference'), signed(c, s.differenceMinor ?? 0), true));
  if (s.forceReason !== null) blocks.push({ kind: 'text', text: c.t('cash.forced', { reason: s.forceReason }), align: 'left' });
  return blocks;
}

function signed(c: Ctx, minor: number): string {
  return minor > 0 ? `+${c.money(minor)}` : c.money(minor);
}

function cardBlocks(c: Ctx, r: CardReconciliationView): ReceiptBlock[] {
  const blocks = heading(c.t('card.heading'));
  const status =
    r.status === 'skipped' ? c.t('card.skipped', { reason: r.skipReason ?? '' }) : r.status === 'matched' ? c.t('card.matched') : c.t(`card.${r.status}`);
  blocks.push({ kind: 'text', text: status, align: 'left' });
  for (const b of r.brands) {
    blocks.push(
      { kind: 'text', text: b.brand, align: 'left' },
      indented(c.t('card.terminalRow', { count: b.terminalCount }), c.money(b.terminalMinor)),
      indented(c.t('card.registerRow', { count: b.registerCount }), c.money(b.registerMinor)),
    );
  }
  if (r.status === 'matched' || r.status === 'differences') {
    blocks.push(row(c.t('card.total'), c.money(r.terminalTotalMinor)), row(c.t('card.registerTotal'), c.money(r.registerTotalMinor)));
  }
  for (const d of r.differences) {
    // Totals only (the terminal gives no amount per receipt): said so, not printed as one payment's amount.
    const combined = d.exact !== true && d.kind !== 'total_differs' ? d.kind : null;
    const label = c.t(combined ? `card.combined.${combined}` : `card.diff.${d.kind}`, { brand: d.brand ?? '', count: d.count });
    blocks.push(row(label, signed(c, d.differenceMinor), true));
    if (combined) blocks.push({ kind: 'text', text: c.t('card.combined.note'), align: 'left' });
    if (d.documentReceiptNo !== null)
      blocks.push({ kind: 'text', text: c.t('card.diff.receipt', { receipt: d.documentReceiptNo, terminal: d.terminalReceiptNo ?? '—' }), align: 'left' });
    if (d.terminalReceiptNos.length > 0)
      blocks.push({ kind: 'text', text: c.t('card.diff.terminalReceipts', { numbers: d.terminalReceiptNos.join(', ') }), align: 'left' });
  }
  return blocks;
}

function figuresBlocks(c: Ctx, f: ReportFiguresView): ReceiptBlock[] {
  return [...documentBlocks(c, f), ...tenderBlocks(c, f), ...taxBlocks(c, f), ...otherBlocks(c, f)];
}

/** Open refunds and voids with parts already back (the X only): in no figure above yet, so the card out reconciles with the terminal. */
function inProgressBlocks(c: Ctx, p: CorrectionsInProgressView): ReceiptBlock[] {
  if (p.count === 0) return [];
  return [
    ...heading(c.t('inProgress.heading', { count: p.count })),
    { kind: 'text', text: c.t('inProgress.note'), align: 'left' },
    indented(c.t('inProgress.total'), c.money(-p.totalMinor)),
    ...p.back.map((b) => indented(c.t(`inProgress.back.${b.method}`, { count: b.count }), c.money(-b.amountMinor))),
    ...(p.back.some((b) => b.method === 'card') ? [{ kind: 'text' as const, text: c.t('inProgress.reconcile'), align: 'left' as const }] : []),
  ];
}

function document(kind: 'x-report' | 'z-report', store: StoreSettings, id: string, copy: number | null, blocks: ReceiptBlock[]): ReceiptDocument {
  return { kind, locale: store.storeLocale, currency: store.currency, documentId: id, duplicateCopy: copy, openDrawer: false, blocks };
}

export function xReportPaper(x: XReportView, store: StoreSettings, timeZone: string, operatorName: string): ReceiptDocument {
  const c = context(store, timeZone);
  const title = x.scope === 'shift' ? c.t('title.xShift', { shiftId: x.shiftId ?? 0 }) : c.t('title.x');
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: store.storeName, align: 'center', bold: true, tall: true },
    { kind: 'text', text: title, align: 'center', bold: true },
    { kind: 'rule' },
    row(c.t('header.register'), x.registerId),
    row(c.t('header.businessDay'), x.businessDay),
    row(c.t('header.printedAt'), formatDateTime(x.at, timeZone)),
    row(c.t('header.operator'), operatorName),
    ...figuresBlocks(c, x.figures),
    ...inProgressBlocks(c, x.correctionsInProgress),
  ];
  if (x.shifts.length > 0) {
    blocks.push(...heading(c.t('cash.heading')));
    for (const s of x.shifts) blocks.push(...shiftBlocks(c, s));
  }
  blocks.push({ kind: 'rule' }, row(c.t('grand.now'), c.money(x.grandTotalMinor)), { kind: 'text', text: c.t('end'), align: 'center' });
  return document('x-report', store, `x-${x.registerId}-${x.at}`, null, blocks);
}

/**
 * Whom an alert watched, worded as the Fraud alerts page words it: a rule that raises for the
 * register and for its operator at once gives two lines that would otherwise read the same.
 */
function scopeText(c: Ctx, a: ZFraudAlertView): string {
  switch (a.scope.kind) {
    case 'register':
      return c.t('fraud.scope.register', { registerId: a.scope.registerId });
    case 'operator':
      return a.operatorName ?? c.t('fraud.scope.operator', { operatorId: a.scope.operatorId });
    case 'card':
      return c.t('fraud.scope.card', { maskedPan: a.scope.maskedPan });
    case 'document':
      return a.operatorName ?? '';
  }
}

/** The day's fraud alerts: the rule, when, whom, and whether the owner has checked it. */
function fraudBlocks(c: Ctx, alerts: readonly ZFraudAlertView[]): ReceiptBlock[] {
  if (alerts.length === 0) return [{ kind: 'rule' }, row(c.t('fraud.none'), '')];
  const blocks = heading(c.t('fraud.heading', { count: alerts.length }));
  // The rule on a line of its own: beside the time and the state it wrapped mid-word on 58 mm.
  for (const a of alerts) {
    const when = formatDateTime(a.at, c.timeZone).slice(11, 16);
    blocks.push(
      { kind: 'text', text: c.t(`fraud.rule.${a.rule}`), align: 'left' },
      indented(`${when} ${scopeText(c, a)}`.trimEnd(), c.t(a.acknowledged ? 'fraud.acknowledged' : 'fraud.open')),
    );
  }
  return blocks;
}

/** The Z on paper; `copy` (1, 2, ...) marks a reprint. */
export function zReportPaper(z: ZReportView, store: StoreSettings, timeZone: string, copy: number | null): ReceiptDocument {
  const c = context(store, timeZone);
  const banner: ReceiptBlock[] = copy ? [{ kind: 'text', text: c.t('copy', { copy }), align: 'center', bold: true, inverted: true }] : [];
  const blocks: ReceiptBlock[] = [
    { kind: 'text', text: store.storeName, align: 'center', bold: true, tall: true },
    ...banner,
    { kind: 'text', text: c.t('title.z', { zNo: z.zNo }), align: 'center', bold: true, tall: true },
    { kind: 'rule' },
    row(c.t('header.register'), z.registerId),
    row(c.t('header.businessDay'), z.businessDay),
    row(c.t('header.closedAt'), formatDateTime(z.closedAt, timeZone)),
    row(c.t('header.operator'), z.operatorName),
    ...figuresBlocks(c, z.figures),
    ...heading(c.t('cash.heading')),
  ];
  for (const s of z.shifts) blocks.push(...shiftBlocks(c, s));
  // A shift closed without a count has no over/short: "0.00" would say the drawer balanced.
  const uncounted = z.shifts.filter((s) => s.countedMinor === null).length;
  const allUncounted = uncounted > 0 && uncounted === z.shifts.length;
  blocks.push(row(c.t('cash.overShort'), allUncounted ? c.t('cash.overShortNotCounted') : signed(c, z.overShortMinor), true));
  if (uncounted > 0 && !allUncounted) blocks.push({ kind: 'text', text: c.t('cash.uncountedShifts', { count: uncounted }), align: 'left' });
  if (z.handoverMinor) blocks.push(row(c.t('cash.handoverTotal'), signed(c, z.handoverMinor), true));
  blocks.push(...cardBlocks(c, z.reconciliation));
  blocks.push(...fraudBlocks(c, z.fraudAlerts));
  blocks.push(
    { kind: 'rule' },
    row(c.t('grand.before'), c.money(z.grandTotalBeforeMinor)),
    row(c.t('grand.after'), c.money(z.grandTotalAfterMinor), true),
    ...banner,
    { kind: 'text', text: c.t('end'), align: 'center' },
  );
  return document('z-report', store, `z-${z.registerId}-${z.zNo}`, copy, blocks);
}
