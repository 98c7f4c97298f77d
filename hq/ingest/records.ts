// What an upload carries beside its journal entries, listed in one place: for each collection,
// the journal kinds that reference it and how a record is checked against the chained entry (the
// entry is covered by the hash, the record is not, so a record that disagrees is refused). Every
// new entry of a referencing kind needs its record in each collection that lists the kind.
import type { PoolClient } from 'pg';
import type { NamedRecords, WireRecords } from '../../preload/contract/hq-wire';
import { cashCountDiffers, cashMovementDiffers, insertCashRecords, insertZReports, shiftCloseDiffers, shiftDiffers, zReportDiffers } from './cash-records';
import { DOCUMENT_KINDS, documentDiffers, insertDocuments } from './document-records';
import { documentFromDigestRows } from './document-from-digest-rows';
import type { ParsedEntry } from './parsed-entry';

/** An entry's payload as parsed: the canonical JSON of { seq, at, kind, data }. */

export class RecordRefusal extends Error {
  constructor(
    readonly code: 'hq.record_missing' | 'hq.record_mismatch',
    readonly seq: number,
    readonly field: string,
    readonly evidence: unknown = null,
  ) {
    super(`${code} at ${seq}: ${field}`);
  }
}

interface Collection<C extends keyof NamedRecords> {
  /** How a refusal names the record: documents keep their bare field names, the others say which record. */
  label: string;
  kinds: readonly string[];
  differs(record: NamedRecords[C][number], entry: ParsedEntry): string | null;
}

const collections: { [C in keyof NamedRecords]: Collection<C> } = {
  documents: { label: 'document', kinds: DOCUMENT_KINDS, differs: documentDiffers },
  shifts: { label: 'shift', kinds: ['shift.opened'], differs: shiftDiffers },
  shiftCloses: { label: 'shiftClose', kinds: ['shift.closed'], differs: shiftCloseDiffers },
  cashCounts: { label: 'cashCount', kinds: ['shift.opened', 'shift.counted'], differs: cashCountDiffers },
  cashMovements: { label: 'cashMovement', kinds: ['cash.moved'], differs: cashMovementDiffers },
  zReports: { label: 'zReport', kinds: ['day.closed'], differs: zReportDiffers },
};

function matchCollection<C extends keyof NamedRecords>(name: C, records: NamedRecords[C], fresh: Map<number, ParsedEntry>): NamedRecords[C] {
  const spec = collections[name] as Collection<C>;
  const field = (f: string) => (name === 'documents' ? f : `${spec.label}.${f}`);
  const bySeq = new Map<number, NamedRecords[C][number]>();
  for (const record of records) {
    const entry = fresh.get(record.seq);
    if (!entry) continue;
    const differs = spec.differs(record, entry);
    if (differs) throw new RecordRefusal('hq.record_mismatch', record.seq, field(differs), record);
    if (bySeq.has(record.seq)) throw new RecordRefusal('hq.record_mismatch', record.seq, field('duplicate'), record);
    bySeq.set(record.seq, record);
  }
  for (const entry of fresh.values()) {
    if (spec.kinds.includes(entry.kind) && !bySeq.has(entry.seq)) throw new RecordRefusal('hq.record_missing', entry.seq, spec.label);
  }
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq) as NamedRecords[C];
}

/**
 * Pairs the records of an upload with the new entries that reference them: each new entry of a
 * referencing kind needs its record, and each record must agree with its entry. Records of entries
 * HQ already holds are ignored (a repeated upload).
 */
export function matchRecords(records: WireRecords, fresh: Map<number, ParsedEntry>): NamedRecords {
  const matched = {
    documents: matchCollection('documents', namedDocuments(records.documents, fresh), fresh),
    shifts: matchCollection('shifts', records.shifts, fresh),
    shiftCloses: matchCollection('shiftCloses', records.shiftCloses, fresh),
    cashCounts: matchCollection('cashCounts', records.cashCounts, fresh),
    cashMovements: matchCollection('cashMovements', records.cashMovements, fresh),
    zReports: matchCollection('zReports', records.zReports, fresh),
  };
  // Training documents stay in the journal HQ holds (and were checked against it above); HQ's
  // documents, and so its figures and its Z consistency check, are the real ones only.
  matched.documents = matched.documents.filter((d) => fresh.get(d.seq)?.data.training !== true);
  return matched;
}

/**
 * The documents of new entries in their full form: one sent as its digested columns alone is read
 * from them (a short document whose columns make none is refused as a digest that does not hold).
 */
function namedDocuments(documents: WireRecords['documents'], fresh: Map<number, ParsedEntry>): NamedRecords['documents'] {
  const named: NamedRecords['documents'] = [];
  for (const doc of documents) {
    if (!fresh.has(doc.seq)) continue;
    if ('id' in doc) {
      named.push(doc);
      continue;
    }
    const read = documentFromDigestRows(doc);
    if (!read) throw new RecordRefusal('hq.record_mismatch', doc.seq, 'digest', doc);
    named.push(read);
  }
  return named;
}

/** Stores the matched records of the new entries (inserted already, in the same transaction). */
export async function insertRecords(client: PoolClient, registerId: string, records: NamedRecords, fresh: Map<number, ParsedEntry>): Promise<void> {
  await insertDocuments(client, registerId, records.documents);
  await insertCashRecords(client, registerId, records);
  await insertZReports(client, registerId, records.zReports, fresh);
}
