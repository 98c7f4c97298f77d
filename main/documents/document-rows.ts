// The document tables as rows: what the document core reads and writes. Kinds share one table
// (sale, refund, void, ...), so every kind gets numbering, freezing and immutability the same way.
import type { Discount } from '../../preload/contract/primitives';
import type { DocumentKind, DocumentStatus, PaymentMethod } from '../../preload/contract/views';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { sql } from '../ledger/statements';
import { waitsForExchangeSql } from './exchange-wait';

export interface DocumentRow {
  id: string;
  kind: DocumentKind;
  status: DocumentStatus;
  register_id: string;
  receipt_no: number | null;
  business_day: string | null;
  operator_id: number;
  original_document_id: string | null;
  reason: string | null;
  approver_id: number | null;
  opened_at: number;
  completed_at: number | null;
  note: string | null;
  order_discount: string | null;
  prices_include_tax: number;
  gross_minor: number | null;
  discount_minor: number | null;
  tax_minor: number | null;
  total_minor: number | null;
  rounding_minor: number | null;
  change_minor: number | null;
  grand_total_minor: number | null;
  /** 1: a training document (its receipt_no is the negated training number). */
  training: number;
  /** A held sale (挂单): when and by whom it was parked. */
  held_at: number | null;
  held_by: number | null;
  /** What 改价 took off the lines, frozen at completion (0 when nothing was overridden). */
  override_minor: number;
}

export interface LineRow {
  id: number;
  position: number;
  product_id: number | null;
  sku: string | null;
  name: string;
  qty_milli: number;
  unit_price_minor: number;
  tax_rate_bp: number;
  discount: string | null;
  original_line_id: number | null;
  restock: number | null;
  /** The unit price before the first 改价; null when the price was never overridden. */
  list_unit_price_minor: number | null;
  /** The product's catalog names (null for an ad-hoc line). */
  name_zh: string | null;
  name_en: string | null;
  // Frozen at completion; null while the document is open.
  gross_minor: number | null;
  line_discount_minor: number | null;
  order_discount_minor: number | null;
  total_minor: number | null;
  tax_minor: number | null;
  /** The scale label the line was rung up from, if any. */
  scale_label: string | null;
  /** 1: qty_milli is a weight in grams (thousandths of a kilogram). */
  sold_by_weight: number;
}

export interface PaymentRow {
  id: number;
  method: PaymentMethod;
  amount_minor: number;
  tendered_minor: number;
  change_minor: number;
  card: string | null;
  scan: string | null;
  original_payment_id: number | null;
}

export function parseDiscount(json: string | null): Discount | null {
  return json === null ? null : (JSON.parse(json) as Discount);
}

export function findDocument(db: Db, id: string): DocumentRow {
  const row = sql(db, 'SELECT * FROM documents WHERE id = ?').get(id) as DocumentRow | undefined;
  if (!row) throw new ServiceError('sale.not_found', { saleId: id });
  return row;
}

// Why no ORDER BY below: with this SQLite build (STAT4), a statement whose WHERE binds a value to
// an indexed column and that also has an ORDER BY is prepared again on every run (the planner
// wants to look at the value each time). That cost 15 µs a read, several times a sale; sorting a
// handful of rows here costs nothing. The index still finds the rows.

/** Lines in sale order: by position, then id. */
export function byPosition(a: { position: number; id: number }, b: { position: number; id: number }): number {
  return a.position - b.position || a.id - b.id;
}

export function documentLines(db: Db, id: string): LineRow[] {
  // The catalog's names come along (null for an ad-hoc line). Read by a subquery on the primary
  // key rather than a LEFT JOIN: the same rows, but the join ran slower with this SQLite (3.54.1;
  // 30-80 µs against 20-30 µs for a 5-line sale, side by side), and every cart edit reads this.
  return (
    sql(
      db,
      `SELECT l.id, l.position, l.product_id, l.sku, l.name, l.qty_milli, l.unit_price_minor, l.tax_rate_bp, l.discount, l.original_line_id, l.restock, l.list_unit_price_minor,
            (SELECT name_zh FROM products WHERE id = l.product_id) AS name_zh, (SELECT name_en FROM products WHERE id = l.product_id) AS name_en,
            l.gross_minor, l.line_discount_minor, l.order_discount_minor, l.total_minor, l.tax_minor, l.scale_label, l.sold_by_weight
       FROM document_lines l WHERE l.document_pk = (SELECT pk FROM documents WHERE id = ?)`,
    ).all(id) as LineRow[]
  ).sort(byPosition);
}

export function documentPayments(db: Db, id: string): PaymentRow[] {
  return (
    sql(
      db,
      'SELECT id, method, amount_minor, tendered_minor, change_minor, card, scan, original_payment_id FROM payments WHERE document_pk = (SELECT pk FROM documents WHERE id = ?)',
    ).all(id) as PaymentRow[]
  ).sort((a, b) => a.id - b.id);
}

/**
 * A document with what editing it needs to know, in one statement: its operator's name, and
 * whether any payment was taken on it (an open sale with a payment refuses changes).
 */
export function documentForEdit(db: Db, id: string): { doc: DocumentRow; operatorName: string; paid: boolean; paying: boolean; waitsForExchange: boolean } {
  // `paying_`: a card intent or a scan attempt not settled yet (the open states of card-intents.ts
  // and scan-attempts.ts); `waits_`: the new goods of an exchange whose card refund is under way
  // (exchange-wait.ts). Read in the same statement so an edit costs no extra round.
  const row = sql(
    db,
    `SELECT d.*, (SELECT name FROM operators WHERE id = d.operator_id) AS operator_name_, EXISTS (SELECT 1 FROM payments WHERE document_pk = d.pk) AS paid_,
       (EXISTS (SELECT 1 FROM card_intents WHERE sale_id = d.id AND state IN ('created', 'sent', 'in_progress', 'unknown'))
        OR EXISTS (SELECT 1 FROM scan_attempts WHERE sale_id = d.id AND state IN ('created', 'sent', 'waiting', 'unknown', 'reversing'))) AS paying_,
       ${waitsForExchangeSql('d.id')} AS waits_
       FROM documents d WHERE d.id = ?`,
  ).get(id) as (DocumentRow & { operator_name_: string | null; paid_: number; paying_: number; waits_: number }) | undefined;
  if (!row) throw new ServiceError('sale.not_found', { saleId: id });
  const { operator_name_: operatorName, paid_: paid, paying_: paying, waits_: waits, ...doc } = row;
  return { doc, operatorName: operatorName ?? '', paid: paid === 1, paying: paying === 1, waitsForExchange: waits === 1 };
}

/**
 * The completed document printed as `receiptNo` on this register: what a receipt lookup, a
 * reprint and (later) a refund start from. Refuses an unknown number with `receipt.not_found`,
 * naming it as the cashier gave it (`typed`, e.g. R1-999999) when it was typed or scanned.
 */
export function documentIdByReceipt(db: Db, registerId: string, receiptNo: number, typed?: string): string {
  const row = sql(db, 'SELECT id FROM documents WHERE register_id = ? AND receipt_no = ?').get(registerId, receiptNo) as { id: string } | undefined;
  if (!row) throw new ServiceError('receipt.not_found', { receiptNo: typed ?? receiptNo });
  return row.id;
}

/** The register's open document of `kind`, if any (a restart or a second window resumes it); a held sale is parked, not open here. */
/**
 * The open-document query per kind, with the kind written as a literal. As a bound parameter it
 * made SQLite compile the statement again on every run: the planner compares `kind = ?` with the
 * partial index documents_one_void (kind = 'void'), and then marks the parameter so that any new
 * binding re-plans the statement (about 40 µs, once per sale.current).
 */
const OPEN_DOCUMENT_SQL: Record<DocumentKind, string> = {
  sale: "SELECT id, opened_at FROM documents WHERE register_id = ? AND kind = 'sale' AND status = 'open' AND held_at IS NULL",
  refund: "SELECT id, opened_at FROM documents WHERE register_id = ? AND kind = 'refund' AND status = 'open' AND held_at IS NULL",
  void: "SELECT id, opened_at FROM documents WHERE register_id = ? AND kind = 'void' AND status = 'open' AND held_at IS NULL",
};

export function openDocumentId(db: Db, registerId: string, kind: DocumentKind): string | null {
  // Normally one at most; should a crash ever leave two, the oldest is resumed. (No ORDER BY: see documentLines.)
  const open = sql(db, OPEN_DOCUMENT_SQL[kind]).all(registerId) as { id: string; opened_at: number }[];
  let oldest: { id: string; opened_at: number } | null = null;
  for (const row of open) if (!oldest || row.opened_at < oldest.opened_at) oldest = row;
  return oldest?.id ?? null;
}

export interface NewDocument {
  id: string;
  kind: DocumentKind;
  registerId: string;
  operatorId: number;
  openedAt: number;
  pricesIncludeTax: boolean;
  /** A correction (refund, void) points at the document it corrects. */
  originalDocumentId?: string | null;
  /** A correction's reason code and the supervisor who approved it, if one had to. */
  reason?: string | null;
  approverId?: number | null;
  /** Rung up in training mode: numbered in its own series and left out of every figure. */
  training?: boolean;
}

export function insertDocument(db: Db, d: NewDocument): void {
  sql(
    db,
    "INSERT INTO documents (id, kind, status, register_id, operator_id, opened_at, prices_include_tax, original_document_id, reason, approver_id, training) VALUES (?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?)",
  ).run(
    d.id,
    d.kind,
    d.registerId,
    d.operatorId,
    d.openedAt,
    d.pricesIncludeTax ? 1 : 0,
    d.originalDocumentId ?? null,
    d.reason ?? null,
    d.approverId ?? null,
    d.training ? 1 : 0,
  );
}

export interface NewLine {
  productId: number | null;
  sku: string | null;
  name: string;
  qtyMilli: number;
  unitPriceMinor: number;
  taxRateBp: number;
  discount?: Discount | null;
  originalLineId?: number | null;
  /** Returned goods: back to stock or damaged. */
  restock?: boolean | null;
  /** Rung up from a scale label; a correction line takes its sold line's sold_by_weight. */
  scaleLabel?: string | null;
  soldByWeight?: boolean;
  /**
   * Amounts fixed when the line is written (a refund line gives back a share of the sold line's
   * net amount; it is not priced again). Left out, they are computed until completion freezes them.
   */
  fixed?: { grossMinor: number; lineDiscountMinor: number; orderDiscountMinor: number; totalMinor: number; taxMinor: number };
}

/**
 * Appends a line at the end of an open document (triggers refuse it on a closed one). A caller
 * that has just read the document's lines passes the next position; otherwise it is looked up.
 */
export function insertLine(db: Db, documentId: string, line: NewLine, nextPosition?: number): number {
  const position =
    nextPosition ??
    ((
      sql(db, 'SELECT MAX(position) AS p FROM document_lines WHERE document_pk = (SELECT pk FROM documents WHERE id = ?)').get(documentId) as {
        p: number | null;
      }
    ).p ?? 0) + 1;
  const info = sql(
    db,
    `INSERT INTO document_lines (document_pk, position, product_id, sku, name, qty_milli, unit_price_minor, tax_rate_bp, discount, original_line_id, restock,
       gross_minor, line_discount_minor, order_discount_minor, total_minor, tax_minor, scale_label, sold_by_weight)
     VALUES ((SELECT pk FROM documents WHERE id = ?), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, COALESCE(?, (SELECT sold_by_weight FROM document_lines WHERE id = ?), 0))`,
  ).run(
    documentId,
    position,
    line.productId,
    line.sku,
    line.name,
    line.qtyMilli,
    line.unitPriceMinor,
    line.taxRateBp,
    line.discount ? JSON.stringify(line.discount) : null,
    line.originalLineId ?? null,
    line.restock === undefined || line.restock === null ? null : line.restock ? 1 : 0,
    line.fixed?.grossMinor ?? null,
    line.fixed?.lineDiscountMinor ?? null,
    line.fixed?.orderDiscountMinor ?? null,
    line.fixed?.totalMinor ?? null,
    line.fixed?.taxMinor ?? null,
    line.scaleLabel ?? null,
    line.soldByWeight === undefined ? null : line.soldByWeight ? 1 : 0,
    line.originalLineId ?? null,
  );
  return Number(info.lastInsertRowid);
}
