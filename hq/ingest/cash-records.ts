// The drawer's and the day close's records as an upload carries them: shifts as they opened and
// closed, cash counts, cash movements and the Z. Each is checked field by field against the
// chained entry that references it (the entry is covered by the hash, the record is not) and
// stored as the register holds it. A movement's approver is not chained, so it is stored as sent.
import type { PoolClient } from 'pg';
import type { WireCashCount, WireCashMovement, WireShift, WireShiftClose, WireZReport } from '../../preload/contract/hq-wire';
import { canonicalJson } from '../../main/journal-chain/canonical-json';
import type { ParsedEntry } from './parsed-entry';

type Pairs = [string, unknown, unknown][];

/** Objects compare by their canonical JSON; one that has none (a float, say) agrees with nothing. */
function sameValue(record: unknown, entry: unknown): boolean {
  if (typeof record !== 'object' || record === null) return record === entry;
  try {
    return canonicalJson(record) === canonicalJson(entry ?? null);
  } catch {
    return false;
  }
}

function firstDiffering(pairs: Pairs): string | null {
  for (const [field, record, entry] of pairs) if (!sameValue(record, entry)) return field;
  return null;
}

export function shiftDiffers(s: WireShift, e: ParsedEntry): string | null {
  const d = e.data;
  return firstDiffering([
    ['kind', e.kind, 'shift.opened'],
    ['id', s.id, d.shiftId],
    ['registerId', s.registerId, d.registerId],
    ['businessDay', s.businessDay, d.businessDay],
    ['operatorId', s.operatorId, d.operatorId],
    ['openedAt', s.openedAt, e.at],
    ['floatMinor', s.floatMinor, d.floatMinor],
    ['floatSource', s.floatSource, d.floatSource],
    ['carriedFromShiftId', s.carriedFromShiftId, d.carriedFromShiftId],
  ]);
}

export function shiftCloseDiffers(c: WireShiftClose, e: ParsedEntry): string | null {
  const d = e.data;
  const expected = d.expected as { expectedMinor?: unknown } | undefined;
  return firstDiffering([
    ['kind', e.kind, 'shift.closed'],
    ['shiftId', c.shiftId, d.shiftId],
    ['closedAt', c.closedAt, e.at],
    ['closedBy', c.closedBy, d.operatorId],
    ['expectedMinor', c.expectedMinor, expected?.expectedMinor],
    ['expected', c.expected, d.expected],
    ['countedMinor', c.countedMinor, d.countedMinor],
    ['differenceMinor', c.differenceMinor, d.differenceMinor],
    ['forceReason', c.forceReason, d.reason],
  ]);
}

/** shift.opened chains the opening count's denominations and total (its float); shift.counted names its count. */
export function cashCountDiffers(c: WireCashCount, e: ParsedEntry): string | null {
  const d = e.data;
  const opening = e.kind === 'shift.opened';
  return firstDiffering([
    ['kind', opening || e.kind === 'shift.counted', true],
    ['shiftId', c.shiftId, d.shiftId],
    ['purpose', c.purpose, opening ? 'opening' : d.purpose],
    ...(opening ? [] : ([['id', c.id, d.countId]] as Pairs)),
    ['counts', c.counts, d.counts],
    ['totalMinor', c.totalMinor, opening ? d.floatMinor : d.totalMinor],
    ['operatorId', c.operatorId, d.operatorId],
    ['countedAt', c.countedAt, e.at],
  ]);
}

export function cashMovementDiffers(m: WireCashMovement, e: ParsedEntry): string | null {
  const d = e.data;
  return firstDiffering([
    ['kind', e.kind, 'cash.moved'],
    ['id', m.id, d.movementId],
    ['shiftId', m.shiftId, d.shiftId],
    ['registerId', m.registerId, d.registerId],
    ['movementKind', m.kind, d.kind],
    ['amountMinor', m.amountMinor, d.amountMinor],
    ['reason', m.reason, d.reason],
    ['operatorId', m.operatorId, d.operatorId],
    ['at', m.at, e.at],
  ]);
}

/**
 * The Z's own figures are checked where the entry chains them: its count, its net, its over/short
 * and (in entries that chain it) its handover differences.
 */
export function zReportDiffers(z: WireZReport, e: ParsedEntry): string | null {
  const d = e.data;
  const stored = z.figures as { figures?: { documentCount?: unknown; netMinor?: unknown }; overShortMinor?: unknown; handoverMinor?: unknown };
  const chainedShifts = Array.isArray(d.shiftIds) ? [...(d.shiftIds as number[])].sort((a, b) => a - b) : d.shiftIds;
  return firstDiffering([
    ['kind', e.kind, 'day.closed'],
    ['id', z.id, d.zId],
    ['zNo', z.zNo, d.zNo],
    ['registerId', z.registerId, d.registerId],
    ['businessDay', z.businessDay, d.businessDay],
    ['closedAt', z.closedAt, e.at],
    ['operatorId', z.operatorId, d.operatorId],
    ['firstReceiptNo', z.firstReceiptNo, d.firstReceiptNo],
    ['lastReceiptNo', z.lastReceiptNo, d.lastReceiptNo],
    ['grandTotalBeforeMinor', z.grandTotalBeforeMinor, d.grandTotalBeforeMinor],
    ['grandTotalAfterMinor', z.grandTotalAfterMinor, d.grandTotalAfterMinor],
    ['lastJournalSeq', z.lastJournalSeq < e.seq, true],
    ['shiftIds', [...z.shiftIds].sort((a, b) => a - b), chainedShifts],
    ['figures.documentCount', stored.figures?.documentCount, d.documentCount],
    ['figures.netMinor', stored.figures?.netMinor, d.netMinor],
    ['figures.overShortMinor', stored.overShortMinor, d.overShortMinor],
    // An older entry chains no handover: the record's figure (not covered by the hash) is not taken then.
    ...(d.handoverMinor === undefined ? [] : ([['figures.handoverMinor', stored.handoverMinor, d.handoverMinor]] as Pairs)),
  ]);
}

/** Rows of one table from records, column by column, through unnest: one statement per collection. */
async function insertColumns<T>(client: PoolClient, table: string, registerId: string, rows: readonly T[], columns: [string, string, (r: T) => unknown][]) {
  if (rows.length === 0) return;
  const names = columns.map(([name]) => name).join(', ');
  const arrays = columns.map(([, type], i) => `$${i + 2}::${type}[]`).join(', ');
  await client.query(`INSERT INTO ${table} (register_id, ${names}) SELECT $1, * FROM unnest(${arrays})`, [
    registerId,
    ...columns.map(([, type, pick]) => rows.map((r) => (type === 'jsonb' ? JSON.stringify(pick(r)) : pick(r)))),
  ]);
}

export async function insertCashRecords(
  client: PoolClient,
  registerId: string,
  r: { shifts: WireShift[]; shiftCloses: WireShiftClose[]; cashCounts: WireCashCount[]; cashMovements: WireCashMovement[] },
): Promise<void> {
  await insertColumns(client, 'shifts', registerId, r.shifts, [
    ['id', 'int', (s) => s.id],
    ['seq', 'bigint', (s) => s.seq],
    ['local_register_id', 'text', (s) => s.registerId],
    ['business_day', 'text', (s) => s.businessDay],
    ['operator_id', 'int', (s) => s.operatorId],
    ['opened_at', 'bigint', (s) => s.openedAt],
    ['float_minor', 'bigint', (s) => s.floatMinor],
    ['float_source', 'text', (s) => s.floatSource],
    ['carried_from_shift_id', 'int', (s) => s.carriedFromShiftId],
  ]);
  await insertColumns(client, 'cash_counts', registerId, r.cashCounts, [
    ['id', 'int', (c) => c.id],
    ['seq', 'bigint', (c) => c.seq],
    ['shift_id', 'int', (c) => c.shiftId],
    ['purpose', 'text', (c) => c.purpose],
    ['counts', 'jsonb', (c) => c.counts],
    ['total_minor', 'bigint', (c) => c.totalMinor],
    ['operator_id', 'int', (c) => c.operatorId],
    ['counted_at', 'bigint', (c) => c.countedAt],
  ]);
  await insertColumns(client, 'cash_movements', registerId, r.cashMovements, [
    ['id', 'int', (m) => m.id],
    ['seq', 'bigint', (m) => m.seq],
    ['shift_id', 'int', (m) => m.shiftId],
    ['local_register_id', 'text', (m) => m.registerId],
    ['kind', 'text', (m) => m.kind],
    ['amount_minor', 'bigint', (m) => m.amountMinor],
    ['reason', 'text', (m) => m.reason],
    ['operator_id', 'int', (m) => m.operatorId],
    ['approver_id', 'int', (m) => m.approverId],
    ['at', 'bigint', (m) => m.at],
  ]);
  await insertColumns(client, 'shift_closes', registerId, r.shiftCloses, [
    ['shift_id', 'int', (c) => c.shiftId],
    ['seq', 'bigint', (c) => c.seq],
    ['closed_at', 'bigint', (c) => c.closedAt],
    ['closed_by', 'int', (c) => c.closedBy],
    ['expected_minor', 'bigint', (c) => c.expectedMinor],
    ['expected', 'jsonb', (c) => c.expected],
    ['counted_minor', 'bigint', (c) => c.countedMinor],
    ['difference_minor', 'bigint', (c) => c.differenceMinor],
    ['force_reason', 'text', (c) => c.forceReason],
  ]);
}

/** The Z as the register stored it; its count, net, over/short and handover are the chained ones (checked equal above). */
export async function insertZReports(client: PoolClient, registerId: string, zs: readonly WireZReport[], fresh: Map<number, ParsedEntry>): Promise<void> {
  const chained = (z: WireZReport) => fresh.get(z.seq)?.data ?? {};
  await insertColumns(client, 'z_reports', registerId, zs, [
    ['z_no', 'int', (z) => z.zNo],
    ['seq', 'bigint', (z) => z.seq],
    ['local_register_id', 'text', (z) => z.registerId],
    ['business_day', 'text', (z) => z.businessDay],
    ['document_count', 'int', (z) => chained(z).documentCount],
    ['first_receipt_no', 'int', (z) => z.firstReceiptNo],
    ['last_receipt_no', 'int', (z) => z.lastReceiptNo],
    ['net_minor', 'bigint', (z) => chained(z).netMinor],
    ['grand_total_before_minor', 'bigint', (z) => z.grandTotalBeforeMinor],
    ['grand_total_after_minor', 'bigint', (z) => z.grandTotalAfterMinor],
    ['over_short_minor', 'bigint', (z) => chained(z).overShortMinor],
    // NULL (unknown) when the entry chains none: a Z from before the handover was chained.
    ['handover_minor', 'bigint', (z) => chained(z).handoverMinor ?? null],
    ['closed_at', 'bigint', (z) => z.closedAt],
    ['z_id', 'int', (z) => z.id],
    ['operator_id', 'int', (z) => z.operatorId],
    ['last_journal_seq', 'bigint', (z) => z.lastJournalSeq],
    ['shift_ids', 'jsonb', (z) => z.shiftIds],
    ['figures', 'jsonb', (z) => z.figures],
  ]);
}
