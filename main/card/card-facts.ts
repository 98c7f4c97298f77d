// What the terminal said about a card transaction, in the shapes the register keeps: the facts
// stored on an intent, and the card details printed and booked with the payment.
import type { CardDetailsView } from '../../preload/contract/views';
import type { TerminalTransaction } from '../hardware/terminal/client';
import type { IntentKind, IntentRow, TerminalFacts } from './card-intents';

export function cardDetails(tx: TerminalTransaction | TerminalFacts, kind: IntentKind): CardDetailsView & { receiptLines: string[] } {
  const f = toFacts(tx);
  return {
    transaction: kind === 'payment' ? 'sale' : kind,
    maskedPan: f.maskedPan ?? null,
    brand: f.brand ?? null,
    authCode: f.authCode ?? null,
    trace: f.trace == null ? null : String(f.trace),
    terminalReceiptNo: f.receiptNo == null ? null : String(f.receiptNo),
    terminalId: f.terminalId ?? null,
    entryMode: f.entryMode ?? null,
    merchantNo: f.merchantNo ?? null,
    referenceNo: f.referenceNo ?? null,
    signatureRequired: f.signatureRequired ?? false,
    receiptLines: f.receiptLines ?? [],
  };
}

export function toFacts(tx: TerminalTransaction | TerminalFacts): TerminalFacts {
  if (!('receipt' in tx)) return tx;
  return {
    resultCode: tx.resultCode,
    reason: tx.result,
    receiptNo: tx.receiptNo,
    trace: tx.trace,
    authCode: tx.authCode,
    maskedPan: tx.maskedPan,
    brand: tx.brand ?? tx.cardName,
    terminalId: tx.terminalId,
    entryMode: tx.entryMode,
    signatureRequired: tx.signatureRequired,
    // ZVT has no retrieval reference number; the turnover record number (BMP 88) is the
    // terminal's own reference for the booking, and the VU number (BMP 2A) is the merchant's.
    merchantNo: tx.vuNumber || null,
    referenceNo: tx.turnoverNo == null ? null : String(tx.turnoverNo),
    receiptLines: [...tx.receipt.lines, ...tx.receipt.blocks.flatMap((b) => b.lines)].map((l) => l.text),
  };
}

export function factsOfRow(row: IntentRow): TerminalFacts {
  return {
    receiptNo: row.receipt_no,
    trace: row.trace,
    authCode: row.auth_code,
    maskedPan: row.masked_pan,
    brand: row.brand,
    terminalId: row.terminal_id,
    entryMode: row.entry_mode,
    signatureRequired: row.signature_required === 1,
    receiptLines: row.receipt_lines ? (JSON.parse(row.receipt_lines) as string[]) : [],
  };
}

export function stripNull(f: TerminalFacts): TerminalFacts {
  const kept: TerminalFacts = Object.fromEntries(Object.entries(f).filter(([, v]) => v !== null && v !== undefined));
  return kept;
}
