// The journal as the audit trail shows it: entries filtered, and the chain checked step by step.

export interface JournalEntryView {
  seq: number;
  at: number;
  kind: string;
  /** Who acted, where, and which document the entry names, when it does. */
  operatorId: number | null;
  operatorName: string | null;
  /** The operator the entry is about when someone else acted (a PIN reset, training switched on for them). */
  subjectId: number | null;
  subjectName: string | null;
  /** The supervisor or owner who approved the action the entry records, when one did. */
  approverId: number | null;
  approverName: string | null;
  registerId: string | null;
  documentId: string | null;
  /**
   * The completed document a `<kind>.completed` entry chains, as the receipt names it: its number
   * and total, read from the row the entry's digest binds (the entry itself carries only the id,
   * the number and the digest).
   */
  document: { registerId: string; receiptNo: number; training: boolean; totalMinor: number } | null;
  /** The entry's data, as journalled. */
  data: unknown;
  /** What the chain holds: the canonical payload and the hashes, so an export can be checked. */
  payload: string;
  prevHash: string;
  hash: string;
}

export interface JournalPageView {
  entries: JournalEntryView[];
  /** More entries match after the last one shown (page on with `afterSeq`). */
  more: boolean;
  /** The ledger's newest entry when the page was read: what an export is checked against. */
  head: { seq: number; hash: string } | null;
  /** Every kind the journal holds, for the filter. */
  kinds: string[];
}

export interface JournalVerifyStepView {
  /** Entries checked so far, of `total`. */
  checked: number;
  total: number;
  /** Where the next step starts; null when done. */
  next: { seq: number; prevHash: string } | null;
  /** The first entry that does not hold, and why (the chain's reasons, journal.verify's codes). */
  bad: { seq: number; reason: 'gap' | 'prev_hash_mismatch' | 'hash_mismatch' | 'payload_not_canonical' | 'fields_differ' } | null;
}
