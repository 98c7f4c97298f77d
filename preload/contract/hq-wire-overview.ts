// The owner's read-only overview from HQ, asked for through an enrolled register.
import { z } from 'zod';
import type { FraudParams, FraudScope } from './fraud-views';
import { hqId } from './hq-wire-fields';

export const overviewRequest = z.object({ registerId: hqId, day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict();

/** Sums of Zs: what a day or a month adds up to at HQ. */
export interface HqFigure {
  netMinor: number;
  documentCount: number;
  zCount: number;
  /**
   * Handover differences (cash missing or found between a close and the next open), summed over
   * the Zs that chained them; null when none did. Absent from an HQ older than this field.
   */
  handoverMinor?: number | null;
  /** Zs that chained no handover figure (taken before it was): unknown, not in handoverMinor. */
  handoverUnrecorded?: number;
  /**
   * Documents HQ holds of the period on days no Z covers yet (a till that sold and has not closed,
   * or whose Z is not uploaded): not in the sums above. Absent from an HQ older than this field.
   */
  notClosed?: { documentCount: number; netMinor: number };
}

/** HQ's answer to the owner's back office: figures per shop and register, the consistency check's differences, open alerts. */
export interface OwnerOverview {
  day: string;
  month: string;
  serverTime: number;
  shops: {
    shopId: string;
    name: string;
    day: HqFigure;
    month: HqFigure;
    registers: {
      registerId: string;
      name: string;
      enrolled: boolean;
      /** Taken out of the chain at this moment (its uploads refused since); null while in it. Absent from an HQ older than this field. */
      withdrawnAt?: number | null;
      headSeq: number;
      lastUploadAt: number | null;
      openAlerts: number;
      day: HqFigure;
      month: HqFigure;
      /** The register's own fraud alerts it has not acknowledged, from its uploaded journal. Absent from an HQ older than this field. */
      fraud?: HqRegisterFraud;
    }[];
  }[];
  zChecked: number;
  /** A Z that its register's uploaded documents do not add up to, field by field. */
  differences: { registerId: string; zNo: number; businessDay: string; field: string; z: number | null; documents: number | null }[];
  /** Register days of the month with uploaded documents but no Z yet: not covered by the check, not an error. Absent from an older HQ. */
  uncovered?: { shopId: string; registerId: string; businessDay: string; documentCount: number; netMinor: number }[];
  /** Open alerts (forks, tampered or forged uploads), newest last; their evidence stays at HQ. */
  alerts: { id: number; kind: string; registerId: string | null; params: Record<string, unknown>; raisedAt: number }[];
}

/**
 * A fraud alert a register raised (fraud.alert_raised) and has not acknowledged
 * (fraud.alert_acknowledged) in the journal HQ holds of it: what the register's own fraud screen
 * shows of it. Acknowledging stays at the register.
 */
export interface HqFraudAlert {
  /** The register's own number for the alert. */
  alertId: number;
  /** One of FRAUD_RULES, or a rule of a register newer than this HQ's reader. */
  rule: string;
  scope: FraudScope;
  /** The number the register gives itself (its receipts carry it), as it journalled it. */
  localRegisterId: string;
  businessDay: string;
  at: number;
  /** The journal entry that recorded the alert. */
  journalSeq: number;
  params: FraudParams;
  /** The flagged operator's name as the register journalled it when it created them; null when it did not (or no operator). */
  operatorName: string | null;
  /** The names of the operators a figure names by id (a param ending in `OperatorId`), keyed by that param. */
  operatorNames: Record<string, string>;
  /** The evidence: the documents (their receipt numbers where HQ holds them) and the journal entries. */
  documents: { documentId: string; receiptNo: number | null }[];
  seqs: number[];
}

/** One register's open fraud alerts: the newest first, at most a cap of them; `more` open ones beyond. */
export interface HqRegisterFraud {
  alerts: HqFraudAlert[];
  more: number;
  /** Alert entries HQ holds but could not read as one (a payload of another shape): counted, never dropped silently. */
  unreadable: number;
}
