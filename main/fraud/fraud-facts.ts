// What the rules read from a journal entry: the few fields each pattern needs, the same whether
// the entry has just been appended (the live watch) or is read back from the journal later (the
// recomputation). Pure: a document's figures come from the entry when it copies them, else from
// the caller's lookup of the document rows the entry's digest binds.
import { figuresOf, type DocumentFiguresOf } from '../documents/document-entry';
import type { JournalEvent, JournalKind } from '../ledger/journal-payloads';

export interface SaleFact {
  type: 'sale';
  seq: number;
  at: number;
  documentId: string;
  registerId: string;
  operatorId: number;
  businessDay: string;
  totalMinor: number;
  discountMinor: number;
  /** What 改价 took off its lines (0 when no price was overridden). */
  overrideMinor: number;
}

export interface CorrectionFact {
  type: 'correction';
  kind: 'refund' | 'void';
  seq: number;
  at: number;
  documentId: string;
  registerId: string;
  operatorId: number;
  businessDay: string;
  /** Money given back, positive. */
  totalMinor: number;
  /** Of which in cash that left the drawer (an exchange's return: not the credit that paid its new goods). */
  cashMinor: number;
  originalDocumentId: string | null;
}

export interface DeclineFact {
  type: 'decline';
  seq: number;
  at: number;
  intentId: number;
  maskedPan: string | null;
  operatorId: number | null;
}

export interface NoSaleFact {
  type: 'no_sale';
  seq: number;
  at: number;
  operatorId: number;
}

/** Cash asked of the drawer beyond what it should hold, refused (cash.out_refused). */
export interface CashOutRefusedFact {
  type: 'cash_out_refused';
  seq: number;
  at: number;
  operatorId: number;
  amountMinor: number;
}

/** 整单取消 (sale.cancelled): with the cash taken on the sale handed back, if any (the history says how much). */
export interface CancelFact {
  type: 'cancel';
  seq: number;
  at: number;
  documentId: string;
  operatorId: number;
  totalMinor: number;
}

/** A float counted at an open that differs from the previous close's count that business day (shift.handover_differed). */
export interface HandoverFact {
  type: 'handover';
  seq: number;
  at: number;
  registerId: string;
  shiftId: number;
  /** Who counted the float and opened the shift. */
  operatorId: number;
  previousShiftId: number;
  previousCountedMinor: number;
  floatMinor: number;
  /** The float less the previous count: negative when cash went missing. */
  differenceMinor: number;
}

export type Fact = SaleFact | CorrectionFact | DeclineFact | NoSaleFact | CashOutRefusedFact | CancelFact | HandoverFact;

/** The kinds the watch reads; nothing else can start a pattern. */
export const WATCHED_KINDS = [
  'sale.completed',
  'refund.completed',
  'void.completed',
  'card.declined',
  'drawer.opened',
  'cash.out_refused',
  'sale.cancelled',
  'shift.handover_differed',
] as const satisfies readonly JournalKind[];
export type WatchedKind = (typeof WATCHED_KINDS)[number];

export function isWatched(kind: string): kind is WatchedKind {
  return (WATCHED_KINDS as readonly string[]).includes(kind);
}

/** A training sale (issue 17) is practice: no rule looks at it, live or recomputed. */
export function isTraining(event: { data: unknown }): boolean {
  return (event.data as { training?: boolean } | null)?.training === true;
}

export function refusalFact(event: JournalEvent<'cash.out_refused'>): CashOutRefusedFact {
  return { type: 'cash_out_refused', seq: event.seq, at: event.at, operatorId: event.data.operatorId, amountMinor: event.data.amountMinor };
}

/**
 * What of a return's cash paid an exchange's new goods and so never left the drawer: 0 for any
 * correction that is not an exchange's return.
 */
export type CreditSpentOf = (refundDocumentId: string) => number;

/**
 * The fact of one watched entry; `operatorOfIntent` names the cashier behind a card intent,
 * `documents` gives a document's figures from its rows (for an entry that does not copy them),
 * `creditSpentOf` the exchange credit inside a return's cash.
 */
export function factOf(
  event: JournalEvent<WatchedKind>,
  operatorOfIntent: (intentId: number) => number | null,
  documents: DocumentFiguresOf,
  creditSpentOf: CreditSpentOf = () => 0,
): Fact {
  const { seq, at } = event;
  switch (event.kind) {
    case 'sale.completed': {
      const d = (event as JournalEvent<'sale.completed'>).data;
      const f = figuresOf(d, documents);
      return {
        type: 'sale',
        seq,
        at,
        documentId: d.saleId,
        registerId: f.registerId,
        operatorId: f.operatorId,
        businessDay: f.businessDay,
        totalMinor: f.totalMinor,
        discountMinor: f.discountMinor,
        overrideMinor: f.overrideMinor,
      };
    }
    case 'refund.completed':
    case 'void.completed': {
      const d = (event as JournalEvent<'refund.completed'>).data;
      const f = figuresOf(d, documents);
      const booked = f.payments.filter((p) => p.method === 'cash').reduce((s, p) => s + Math.abs(p.amountMinor), 0);
      const cash = Math.max(0, booked - (event.kind === 'refund.completed' ? creditSpentOf(d.saleId) : 0));
      return {
        type: 'correction',
        kind: event.kind === 'refund.completed' ? 'refund' : 'void',
        seq,
        at,
        documentId: d.saleId,
        registerId: f.registerId,
        operatorId: f.operatorId,
        businessDay: f.businessDay,
        totalMinor: f.totalMinor,
        cashMinor: cash,
        originalDocumentId: f.originalDocumentId,
      };
    }
    case 'card.declined': {
      const d = (event as JournalEvent<'card.declined'>).data;
      return { type: 'decline', seq, at, intentId: d.intentId, maskedPan: d.maskedPan, operatorId: operatorOfIntent(d.intentId) };
    }
    case 'drawer.opened': {
      const d = (event as JournalEvent<'drawer.opened'>).data;
      return { type: 'no_sale', seq, at, operatorId: d.operatorId };
    }
    case 'cash.out_refused':
      return refusalFact(event as JournalEvent<'cash.out_refused'>);
    case 'sale.cancelled': {
      const d = (event as JournalEvent<'sale.cancelled'>).data;
      return { type: 'cancel', seq, at, documentId: d.saleId, operatorId: d.operatorId, totalMinor: d.totalMinor };
    }
    case 'shift.handover_differed': {
      const d = (event as JournalEvent<'shift.handover_differed'>).data;
      return {
        type: 'handover',
        seq,
        at,
        registerId: d.registerId,
        shiftId: d.shiftId,
        operatorId: d.operatorId,
        previousShiftId: d.previousShiftId,
        previousCountedMinor: d.previousCountedMinor,
        floatMinor: d.floatMinor,
        differenceMinor: d.differenceMinor,
      };
    }
  }
}
