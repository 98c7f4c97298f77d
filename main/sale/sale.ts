import type { Discount, Role } from '../../preload/contract/primitives';
import { MAX_AMOUNT_MINOR, MAX_QTY_MILLI } from '../../preload/contract/primitives';
import type { DocumentView, LineView, StoreSettings } from '../../preload/contract/views';
import type { JournalledLine } from './sale-journal';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { mulDivHalfUp } from '../money/integer-math';
import { getProduct, isKnownTaxRate, lookupProduct } from '../catalog/catalog';
import { ServiceError } from '../common/service-error';
import {
  documentForEdit,
  documentLines,
  findDocument,
  insertDocument,
  insertLine,
  openDocumentId,
  type DocumentRow,
  type LineRow,
  type NewLine,
} from '../documents/document-rows';
import { documentView, viewOfRow } from '../documents/document-view';
import { newDocumentId } from '../documents/document-id';
import { sql } from '../ledger/statements';
import { inTransaction } from '../ledger/transaction';
import { withCartDurability } from '../ledger/durability';
import { scaleLabelItem } from './scale-label-line';
import { isTraining } from '../training/training';

export interface Actor {
  id: number;
  role: Role;
  /** The operator's name when the router read it (a view built for them then needs no lookup). */
  name?: string;
}

export interface SaleContext {
  db: Db;
  now: number;
  settings: StoreSettings;
  actor: Actor;
}

/** The operator's name, when the router already read it for this call. */
function knownName(ctx: SaleContext, operatorId: number): string | undefined {
  return ctx.actor.id === operatorId ? ctx.actor.name : undefined;
}

/** The register's open sale, resumed after a restart or reload; a new one if there is none. */
export function currentSale(ctx: SaleContext): DocumentView {
  const { db, settings } = ctx;
  const open = openDocumentId(db, settings.registerId, 'sale');
  if (open) return documentView(db, open, settings.cashRoundingStepMinor);
  const id = newDocumentId(ctx.now);
  withCartDurability(db, () =>
    insertDocument(db, {
      id,
      kind: 'sale',
      registerId: settings.registerId,
      operatorId: ctx.actor.id,
      openedAt: ctx.now,
      pricesIncludeTax: settings.pricesIncludeTax,
      training: isTraining(db, settings.registerId, ctx.actor.id),
    }),
  );
  return viewOfRow(db, findDocument(db, id), { cashStep: settings.cashRoundingStepMinor, operatorName: knownName(ctx, ctx.actor.id), payments: [] });
}

/** An open sale as a change sees it: read once, at the start of the change's transaction. */
interface OpenSale {
  doc: DocumentRow;
  lines: LineRow[];
}

/**
 * What a change did, so that the answer is built without reading the sale again: `lines` are
 * the sale's lines as the change left them in the ledger (it changed them through the rows it
 * was given: a new line, a quantity); `rowChanged` says it changed the sale's own row (a
 * discount, a note), which is then read again. Nothing returned: read the lines again.
 */
type ChangeOutcome = { lines?: LineRow[]; rowChanged?: boolean } | void;

/**
 * Runs a change to an open sale in one transaction and refuses totals beyond the register's
 * limit. The sale's row, its operator's name and whether it has payments come in one read, its
 * lines in a second; the answer is built from them.
 */
function changeOpenSale(ctx: SaleContext, saleId: string, change: (sale: OpenSale) => ChangeOutcome): DocumentView {
  return withCartDurability(ctx.db, () =>
    inTransaction(ctx.db, () => {
      const edit = documentForEdit(ctx.db, saleId);
      const { operatorName, paid } = edit;
      if (edit.doc.status !== 'open' || edit.doc.kind !== 'sale') throw new ServiceError('sale.not_open', { saleId });
      if (edit.doc.held_at !== null) throw new ServiceError('sale.held', { saleId });
      // Once money has been taken, the cart is frozen: changing it would orphan the payment.
      if (paid) throw new ServiceError('sale.has_payments', { saleId });
      // The terminal or the provider is taking the total as it stands: a changed cart would be paid the old amount.
      if (edit.paying) throw new ServiceError('sale.payment_in_progress', { saleId });
      const lines = documentLines(ctx.db, saleId);
      const doc = lines.length === 0 ? inTrainingModeNow(ctx, edit.doc) : edit.doc;
      const outcome = change({ doc, lines }) ?? {};
      const view = viewOfRow(ctx.db, outcome.rowChanged ? findDocument(ctx.db, saleId) : doc, {
        cashStep: ctx.settings.cashRoundingStepMinor,
        operatorName,
        payments: [],
        lines: outcome.lines,
      });
      if (view.totals.grossMinor > MAX_AMOUNT_MINOR) throw new ServiceError('sale.amount_too_large', { maxMinor: MAX_AMOUNT_MINOR });
      return view;
    }),
  );
}

/**
 * An empty sale takes the mode of whoever rings up its first item: one opened before training
 * was switched on (or by another operator) becomes a training sale, and the other way round.
 * Once it has lines it keeps its mode (training.set refuses while such a sale is open).
 */
function inTrainingModeNow(ctx: SaleContext, doc: DocumentRow): DocumentRow {
  const training = isTraining(ctx.db, ctx.settings.registerId, ctx.actor.id) ? 1 : 0;
  if (doc.training === training) return doc;
  sql(ctx.db, 'UPDATE documents SET training = ? WHERE id = ?').run(training, doc.id);
  return { ...doc, training };
}

/** Inserts a line at the end of the sale and returns the sale's lines with it, as the ledger now holds them. */
function appendLine(
  ctx: SaleContext,
  sale: OpenSale,
  line: NewLine & { discount?: null; originalLineId?: null; restock?: null; fixed?: undefined },
  // The catalog's names, as documentLines' join would read them back (null for an ad-hoc line).
  catalogNames: { nameZh: string | null; nameEn: string | null } = { nameZh: null, nameEn: null },
): LineRow[] {
  const position = sale.lines.reduce((max, l) => Math.max(max, l.position), 0) + 1;
  const id = insertLine(ctx.db, sale.doc.id, line, position);
  const row: LineRow = {
    id,
    position,
    product_id: line.productId,
    sku: line.sku,
    name: line.name,
    qty_milli: line.qtyMilli,
    unit_price_minor: line.unitPriceMinor,
    tax_rate_bp: line.taxRateBp,
    discount: null,
    original_line_id: null,
    restock: null,
    name_zh: catalogNames.nameZh,
    name_en: catalogNames.nameEn,
    gross_minor: null,
    line_discount_minor: null,
    order_discount_minor: null,
    total_minor: null,
    tax_minor: null,
    scale_label: line.scaleLabel ?? null,
    sold_by_weight: line.soldByWeight ? 1 : 0,
  };
  return [...sale.lines, row];
}

/** Sets a line's quantity and returns the sale's lines as the ledger now holds them. */
function changeQty(ctx: SaleContext, sale: OpenSale, line: LineRow, qtyMilli: number): LineRow[] {
  sql(ctx.db, 'UPDATE document_lines SET qty_milli = ? WHERE id = ?').run(qtyMilli, line.id);
  return sale.lines.map((l) => (l.id === line.id ? { ...l, qty_milli: qtyMilli } : l));
}

/** The name printed for a product: the store language first, the other as fallback. */
function productName(p: { nameZh: string | null; nameEn: string | null }, settings: StoreSettings): string {
  return (settings.storeLocale === 'zh-CN' ? (p.nameZh ?? p.nameEn) : (p.nameEn ?? p.nameZh)) ?? '';
}

export function addProduct(ctx: SaleContext, input: { saleId: string; code?: string; productId?: number; qtyMilli?: number | undefined }): DocumentView {
  return changeOpenSale(ctx, input.saleId, (sale) => {
    // Each scale label is its own package: a line of its own, never merged with the last one.
    const label = input.code !== undefined ? scaleLabelItem(ctx.db, ctx.settings, input.code, ctx.now) : null;
    if (label) {
      const { product, ...rest } = label;
      const line = { productId: product.id, sku: product.sku, name: productName(product, ctx.settings), taxRateBp: product.taxRateBp, ...rest };
      return { lines: appendLine(ctx, sale, line) };
    }
    const product = input.code !== undefined ? lookupProduct(ctx.db, input.code, ctx.now) : getProduct(ctx.db, input.productId ?? 0, ctx.now);
    const qty = input.qtyMilli ?? 1000;
    // Scanning the same item again raises the quantity of its undiscounted line (the last one if
    // there are several), as cashiers expect, at the price that line was rung up at: a price
    // change never reaches a sale in progress. A weighed package's line is never that line.
    const same = sale.lines.findLast((l) => l.product_id === product.id && l.discount === null && l.scale_label === null);
    if (same) {
      // The same cap as for a quantity typed in: three scans of 99,999 must not make a line of 299,997.
      if (same.qty_milli + qty > MAX_QTY_MILLI) throw new ServiceError('sale.quantity_too_large', { maxMilli: MAX_QTY_MILLI });
      return { lines: changeQty(ctx, sale, same, same.qty_milli + qty) };
    }
    // A discounted line of the same product keeps its own; a new line still takes the price it was first rung up at.
    const rungUpAt = sale.lines.find((l) => l.product_id === product.id)?.unit_price_minor;
    return {
      lines: appendLine(
        ctx,
        sale,
        {
          productId: product.id,
          sku: product.sku,
          name: productName(product, ctx.settings),
          qtyMilli: qty,
          unitPriceMinor: rungUpAt ?? product.priceMinor,
          taxRateBp: product.taxRateBp,
        },
        product,
      ),
    };
  });
}

export function addCustomLine(
  ctx: SaleContext,
  input: { saleId: string; name: string; qtyMilli: number; unitPriceMinor: number; taxRateBp?: number | undefined },
): DocumentView {
  return changeOpenSale(ctx, input.saleId, (sale) => {
    const rate = input.taxRateBp ?? defaultTaxRate(ctx.db);
    if (!isKnownTaxRate(ctx.db, rate)) throw new ServiceError('catalog.unknown_tax_rate', { rateBp: rate });
    return {
      lines: appendLine(ctx, sale, {
        productId: null,
        sku: null,
        name: input.name,
        qtyMilli: input.qtyMilli,
        unitPriceMinor: input.unitPriceMinor,
        taxRateBp: rate,
      }),
    };
  });
}

/** Ad-hoc items take the store's most common (highest) rate unless the cashier picks another. */
function defaultTaxRate(db: Db): number {
  return (sql(db, 'SELECT MAX(rate_bp) AS r FROM tax_rates').get() as { r: number | null }).r ?? 0;
}

function requireLine(sale: OpenSale, lineId: number): LineRow {
  const line = sale.lines.find((l) => l.id === lineId);
  if (!line) throw new ServiceError('sale.line_not_found', { lineId });
  return line;
}

/** The sale's lines with their computed amounts, from what the change has already read. */
function computedLines(ctx: SaleContext, sale: OpenSale): DocumentView['lines'] {
  return viewOfRow(ctx.db, sale.doc, { cashStep: ctx.settings.cashRoundingStepMinor, operatorName: '', payments: [], lines: sale.lines }).lines;
}

export function setQty(ctx: SaleContext, input: { saleId: string; lineId: number; qtyMilli: number }): DocumentView {
  return changeOpenSale(ctx, input.saleId, (sale) => ({ lines: changeQty(ctx, sale, requireLine(sale, input.lineId), input.qtyMilli) }));
}

/** Removing a line before payment is journalled: it is the classic way to pocket a sale. */
export function removeLine(ctx: SaleContext, input: { saleId: string; lineId: number }): DocumentView {
  return changeOpenSale(ctx, input.saleId, (sale) => {
    const before = computedLines(ctx, sale).find((l) => l.id === input.lineId);
    if (!before) throw new ServiceError('sale.line_not_found', { lineId: input.lineId });
    sql(ctx.db, 'DELETE FROM document_lines WHERE id = ?').run(input.lineId);
    appendJournal(
      ctx.db,
      'sale.line_removed',
      {
        saleId: input.saleId,
        operatorId: ctx.actor.id,
        line: journalledLine(before),
      },
      ctx.now,
    );
    return { lines: sale.lines.filter((l) => l.id !== input.lineId) };
  });
}

/** A line as the journal keeps it when it leaves a sale unpaid (removed, or cancelled with the cart). */
export function journalledLine(line: LineView): JournalledLine {
  return { name: line.name, sku: line.sku, qtyMilli: line.qtyMilli, unitPriceMinor: line.unitPriceMinor, totalMinor: line.totalMinor };
}

/** Share of the base a discount takes, in basis points, to compare against the cashier's limit. */
function discountShareBp(discount: Discount, baseMinor: number): number {
  if (discount.kind === 'percent') return discount.rateBp;
  if (baseMinor === 0) return discount.amountMinor === 0 ? 0 : 10_000;
  return mulDivHalfUp(Math.min(discount.amountMinor, baseMinor), 10_000, baseMinor);
}

/**
 * A discount is within the authority of the operator or of the approver they brought, whoever
 * ranks higher: a cashier's limit, then a supervisor's, and an owner's has none.
 */
function checkDiscount(ctx: SaleContext, discount: Discount | null, baseMinor: number, approverRole: Role | null): void {
  if (!discount) return;
  if (discount.kind === 'amount' && discount.amountMinor > baseMinor) throw new ServiceError('sale.discount_exceeds_amount', { maxMinor: baseMinor });
  const share = discountShareBp(discount, baseMinor);
  const authority =
    approverRole === 'owner' || ctx.actor.role === 'owner'
      ? 'owner'
      : approverRole === 'supervisor' || ctx.actor.role === 'supervisor'
        ? 'supervisor'
        : 'cashier';
  if (authority === 'cashier' && share > ctx.settings.cashierDiscountLimitBp) {
    throw new ServiceError('sale.discount_needs_supervisor', { limitBp: ctx.settings.cashierDiscountLimitBp });
  }
  if (authority === 'supervisor' && share > ctx.settings.supervisorDiscountLimitBp) {
    throw new ServiceError('sale.discount_needs_owner', { limitBp: ctx.settings.supervisorDiscountLimitBp });
  }
}

export function setLineDiscount(
  ctx: SaleContext,
  input: { saleId: string; lineId: number; discount: Discount | null },
  approverRole: Role | null,
): DocumentView {
  return changeOpenSale(ctx, input.saleId, (sale) => {
    const line = computedLines(ctx, sale).find((l) => l.id === input.lineId);
    if (!line) throw new ServiceError('sale.line_not_found', { lineId: input.lineId });
    checkDiscount(ctx, input.discount, line.grossMinor, approverRole);
    const stored = input.discount ? JSON.stringify(input.discount) : null;
    sql(ctx.db, 'UPDATE document_lines SET discount = ? WHERE id = ?').run(stored, input.lineId);
    return { lines: sale.lines.map((l) => (l.id === input.lineId ? { ...l, discount: stored } : l)) };
  });
}

export function setOrderDiscount(ctx: SaleContext, input: { saleId: string; discount: Discount | null }, approverRole: Role | null): DocumentView {
  return changeOpenSale(ctx, input.saleId, (sale) => {
    const base = computedLines(ctx, sale).reduce((s, l) => s + l.grossMinor - l.lineDiscountMinor, 0);
    checkDiscount(ctx, input.discount, base, approverRole);
    sql(ctx.db, 'UPDATE documents SET order_discount = ? WHERE id = ?').run(input.discount ? JSON.stringify(input.discount) : null, input.saleId);
    return { lines: sale.lines, rowChanged: true };
  });
}

export function setNote(ctx: SaleContext, input: { saleId: string; note: string }): DocumentView {
  return withCartDurability(ctx.db, () =>
    inTransaction(ctx.db, () => {
      const doc = findDocument(ctx.db, input.saleId);
      if (doc.status !== 'open') throw new ServiceError('sale.not_open', { saleId: input.saleId });
      if (doc.held_at !== null) throw new ServiceError('sale.held', { saleId: input.saleId });
      const note = input.note.trim();
      sql(ctx.db, 'UPDATE documents SET note = ? WHERE id = ?').run(note === '' ? null : note, input.saleId);
      return documentView(ctx.db, input.saleId, ctx.settings.cashRoundingStepMinor);
    }),
  );
}
