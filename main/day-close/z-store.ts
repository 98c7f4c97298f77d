// Z reports as stored: one row each, immutable, with the whole report as printed; and the
// summaries of many days, summed from the per-day rollups written with each Z.
import type { CardReconciliationView, ReportSummaryView, ShiftCashView, ZReportSummaryView, ZReportView } from '../../preload/contract/day-close-views';
import type { DocumentKind, PaymentMethod } from '../../preload/contract/document-views';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { alertsOfDay } from '../fraud/fraud-alerts';
import type { ReportFiguresView } from '../../preload/contract/day-close-views';
import { INDEXED_KINDS } from '../ledger/journal-kind-index';

export interface ZRow {
  id: number;
  register_id: string;
  z_no: number;
  business_day: string;
  closed_at: number;
  operator_id: number;
  first_receipt_no: number | null;
  last_receipt_no: number | null;
  grand_total_before_minor: number;
  grand_total_after_minor: number;
  last_journal_seq: number;
  last_batch_id: number | null;
  figures: string;
}

/** What z_reports.figures holds: the parts of the report that have no column of their own. */
export interface StoredZ {
  figures: ReportFiguresView;
  shifts: ShiftCashView[];
  overShortMinor: number;
  /** Absent in Zs stored before handovers were compared. */
  handoverMinor?: number;
  reconciliation: CardReconciliationView;
}

export function lastZ(db: Db, registerId: string): ZRow | null {
  return (sql(db, 'SELECT * FROM z_reports WHERE register_id = ? ORDER BY z_no DESC LIMIT 1').get(registerId) as ZRow | undefined) ?? null;
}

function operatorName(db: Db, id: number): string {
  return (sql(db, 'SELECT name FROM operators WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? '';
}

export function zView(db: Db, row: ZRow): ZReportView {
  const stored = JSON.parse(row.figures) as StoredZ;
  return {
    id: row.id,
    zNo: row.z_no,
    registerId: row.register_id,
    businessDay: row.business_day,
    closedAt: row.closed_at,
    operatorName: operatorName(db, row.operator_id),
    firstReceiptNo: row.first_receipt_no,
    lastReceiptNo: row.last_receipt_no,
    grandTotalBeforeMinor: row.grand_total_before_minor,
    grandTotalAfterMinor: row.grand_total_after_minor,
    figures: stored.figures,
    shifts: stored.shifts,
    overShortMinor: stored.overShortMinor,
    ...(stored.handoverMinor === undefined ? {} : { handoverMinor: stored.handoverMinor }),
    reconciliation: stored.reconciliation,
    fraudAlerts: alertsOfDay(db, row.register_id, row.business_day),
  };
}

export function zById(db: Db, id: number): ZReportView {
  const row = sql(db, 'SELECT * FROM z_reports WHERE id = ?').get(id) as ZRow | undefined;
  if (!row) throw new ServiceError('zReport.not_found', { zId: id });
  return zView(db, row);
}

export function zByNo(db: Db, registerId: string, zNo: number): ZReportView {
  const row = sql(db, 'SELECT * FROM z_reports WHERE register_id = ? AND z_no = ?').get(registerId, zNo) as ZRow | undefined;
  if (!row) throw new ServiceError('zReport.not_found', { zNo });
  return zView(db, row);
}

/**
 * A Z's rollup rows, found through the rollups' primary key (register, day, dimension, key): there
 * is no index on z_id, and a lookup by it alone read every rollup of the ledger for each Z, which
 * took a year's summary from about 5 ms to 150 ms once the Z kept its figures per hour. The z_id
 * test stays, so the rows are the Z's own whatever the key finds.
 */
const ROLLUP_OF_Z = 'r.register_id = z.register_id AND r.business_day = z.business_day AND r.z_id = z.id';

/** Past Zs, newest first, with how often each was reprinted. */
export function listZ(db: Db, registerId: string, limit: number): ZReportSummaryView[] {
  const rows = sql(
    db,
    `SELECT z.id, z.z_no, z.business_day, z.closed_at, o.name AS operator_name,
            (SELECT amount_minor FROM day_rollups r WHERE ${ROLLUP_OF_Z} AND r.dimension = 'net' AND r.key = 'all') AS net,
            (SELECT count FROM day_rollups r WHERE ${ROLLUP_OF_Z} AND r.dimension = 'net' AND r.key = 'all') AS documents,
            (SELECT amount_minor FROM day_rollups r WHERE ${ROLLUP_OF_Z} AND r.dimension = 'cash' AND r.key = 'over_short') AS over_short,
            (SELECT count FROM day_rollups r WHERE ${ROLLUP_OF_Z} AND r.dimension = 'cash' AND r.key = 'over_short') AS counted_shifts,
            (SELECT amount_minor FROM day_rollups r WHERE ${ROLLUP_OF_Z} AND r.dimension = 'cash' AND r.key = 'handover') AS handover,
            (SELECT COUNT(*) FROM z_shifts s WHERE s.z_id = z.id) AS shifts,
            (SELECT key FROM day_rollups r WHERE ${ROLLUP_OF_Z} AND r.dimension = 'card' AND r.key <> 'terminal' LIMIT 1) AS recon,
            (SELECT COUNT(*) FROM journal j WHERE j.kind = 'z.reprinted' AND j.${INDEXED_KINDS} AND json_extract(j.payload, '$.data.zId') = z.id) AS reprints
       FROM z_reports z LEFT JOIN operators o ON o.id = z.operator_id
      WHERE z.register_id = ? ORDER BY z.z_no DESC LIMIT ?`,
  ).all(registerId, limit) as {
    id: number;
    z_no: number;
    business_day: string;
    closed_at: number;
    operator_name: string | null;
    net: number | null;
    documents: number | null;
    over_short: number | null;
    counted_shifts: number | null;
    handover: number | null;
    shifts: number;
    recon: string | null;
    reprints: number;
  }[];
  return rows.map((r) => ({
    id: r.id,
    zNo: r.z_no,
    businessDay: r.business_day,
    closedAt: r.closed_at,
    operatorName: r.operator_name ?? '',
    netMinor: r.net ?? 0,
    documentCount: r.documents ?? 0,
    // As the Z says it: when none of its shifts was counted, the over/short is unknown, not even.
    overShortMinor: r.shifts > 0 && !r.counted_shifts ? null : (r.over_short ?? 0),
    // A Z without the rollup was taken before handovers were compared: unknown, not even.
    handoverMinor: r.handover,
    reconciliationStatus: (r.recon ?? 'no_terminal') as CardReconciliationView['status'],
    reprints: r.reprints,
  }));
}

interface RollupSum {
  dimension: string;
  key: string;
  count: number;
  amount: number;
  tax: number;
}

/** Sums of the closed days between `from` and `to` (inclusive), from the rollups alone. */
export function summary(db: Db, registerId: string, from: string, to: string): ReportSummaryView {
  const rows = sql(
    db,
    `SELECT dimension, key, SUM(count) AS count, SUM(amount_minor) AS amount, SUM(tax_minor) AS tax
       FROM day_rollups WHERE register_id = ? AND business_day BETWEEN ? AND ? AND dimension IN ('kind', 'tender_in', 'tender_out', 'tax', 'discount', 'net', 'cash')
      GROUP BY dimension, key`,
  ).all(registerId, from, to) as RollupSum[];
  const days = sql(
    db,
    `SELECT z.business_day AS businessDay, z.z_no AS zNo, r.amount_minor AS netMinor FROM day_rollups r JOIN z_reports z ON z.id = r.z_id
      WHERE r.register_id = ? AND r.business_day BETWEEN ? AND ? AND r.dimension = 'net' AND r.key = 'all' ORDER BY r.business_day`,
  ).all(registerId, from, to) as ReportSummaryView['byDay'];
  const get = (dimension: string, key: string) => rows.find((r) => r.dimension === dimension && r.key === key) ?? { count: 0, amount: 0, tax: 0 };
  const kinds = (['sale', 'refund', 'void'] as DocumentKind[]).map((kind) => {
    const r = get('kind', kind);
    return { kind, count: r.count, totalMinor: r.amount, taxMinor: r.tax };
  });
  const tenders = (['cash', 'card', 'scan'] as PaymentMethod[]).map((method) => {
    const i = get('tender_in', method);
    const o = get('tender_out', method);
    return { method, inCount: i.count, inMinor: i.amount, outCount: o.count, outMinor: o.amount, netMinor: i.amount - o.amount };
  });
  const taxRates = rows
    .filter((r) => r.dimension === 'tax')
    .map((r) => ({ rateBp: Number(r.key), grossMinor: r.amount, taxMinor: r.tax, netMinor: r.amount - r.tax }))
    .sort((a, b) => a.rateBp - b.rateBp);
  // Zs taken before handovers were compared wrote no handover rollup: those days are unknown.
  const handoverDays = (
    sql(db, `SELECT COUNT(*) AS n FROM day_rollups WHERE register_id = ? AND business_day BETWEEN ? AND ? AND dimension = 'cash' AND key = 'handover'`).get(
      registerId,
      from,
      to,
    ) as { n: number }
  ).n;
  // Closed days with shifts none of which was counted: their over/short is unknown, not even (as
  // listZ and the Z say it), so it is left out of the sum and named; none counted at all: null.
  const uncountedDays = (
    sql(
      db,
      `SELECT COUNT(*) AS n FROM z_reports z WHERE z.register_id = ? AND z.business_day BETWEEN ? AND ?
          AND EXISTS (SELECT 1 FROM z_shifts zs WHERE zs.z_id = z.id)
          AND COALESCE((SELECT r.count FROM day_rollups r WHERE ${ROLLUP_OF_Z} AND r.dimension = 'cash' AND r.key = 'over_short'), 0) = 0`,
    ).get(registerId, from, to) as { n: number }
  ).n;
  const countedDays = (
    sql(
      db,
      `SELECT COUNT(*) AS n FROM day_rollups WHERE register_id = ? AND business_day BETWEEN ? AND ? AND dimension = 'cash' AND key = 'over_short' AND count > 0`,
    ).get(registerId, from, to) as { n: number }
  ).n;
  const discount = get('discount', 'sales');
  // Zs closed before the returned share was recorded wrote no row for it: then it is unknown.
  const returnedDays = (
    sql(db, `SELECT COUNT(*) AS n FROM day_rollups WHERE register_id = ? AND business_day BETWEEN ? AND ? AND dimension = 'discount' AND key = 'returned'`).get(
      registerId,
      from,
      to,
    ) as { n: number }
  ).n;
  const net = get('net', 'all');
  return {
    from,
    to,
    days: days.length,
    kinds,
    tenders,
    taxRates,
    discounts: { count: discount.count, amountMinor: discount.amount, returnedMinor: returnedDays < days.length ? null : get('discount', 'returned').amount },
    netMinor: net.amount,
    netTaxMinor: net.tax,
    overShortMinor: countedDays > 0 ? get('cash', 'over_short').amount : null,
    overShortUncountedDays: uncountedDays,
    handoverMinor: days.length > 0 && handoverDays === 0 ? null : get('cash', 'handover').amount,
    handoverUnrecordedDays: days.length - handoverDays,
    byDay: days,
  };
}
