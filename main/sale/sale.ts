// Ringing up a sale: the register's open sale, its lines (products, weighed packages, ad-hoc
// items, quantities, removal) and its note. Discounts are in sale-discounts.ts; how a change runs, in sale-change.ts.
import { MAX_QTY_MILLI } from '../../preload/contract/primitives';
import type { DocumentView, LineView, StoreSettings } from '../../preload/contract/views';
import type { JournalledLine } from './sale-journal';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { getProduct, isKnownTaxRate, lookupProduct } from '../catalog/catalog';
import { ServiceError } from '../common/service-error';
import { findDocument, insertDocument, insertLine, openDocumentId, type LineRow, type NewLine } from '../documents/document-rows';
import { documentView, viewOfRow } from '../documents/document-view';
import { refuseWhileExchangeWaits } from '../documents/exchange-wait';
import { newDocumentId } from '../documents/document-id';
import { sql } from '../ledger/statements';
import { inTransaction } from '../ledger/transaction';
import { withCartDurability } from '../ledger/durability';
import { scaleLabelItem } from './scale-label-line';
import { isTraining } from '../training/training';
import type { Actor, SaleContext } from './sale-context';
import { changeOpenSale, computedLines, requireLine, type OpenSale } from './sale-change';

export type { Actor, SaleContext };

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
  // One transaction for the training check, the new row and its read-back: each statement on its
  // own would take and drop the ledger's locks again (a sale opens once per customer).
  return withCartDurability(db, () =>
    inTransaction(db, () => {
      insertDocument(db, {
        id,
        kind: 'sale',
        registerId: settings.registerId,
        operatorId: ctx.actor.id,
        openedAt: ctx.now,
        pricesIncludeTax: settings.pricesIncludeTax,
        training: isTraining(db, settings.registerId, ctx.actor.id),
      });
      return viewOfRow(db, findDocument(db, id), { cashStep: settings.cashRoundingStepMinor, operatorName: knownName(ctx, ctx.actor.id), payments: [] });
    }),
  );
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
    list_unit_price_minor: null,
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

/**
 * A product sold by the piece is counted in whole pieces: 1.5 toothbrushes is a slip of the
 * finger (or a weight keyed on the wrong line), refused before anything changes. Weighed products
 * keep their three decimals; an ad-hoc item (no product) takes what the cashier keys, as before.
 */
function requireWholePieces(soldBy: () => string | undefined, qtyMilli: number, name: string): void {
  if (qtyMilli % 1000 !== 0 && soldBy() === 'piece') throw new ServiceError('sale.qty_whole_pieces', { name, qtyMilli });
}

/** How a line's product is sold (read only for a quantity with decimals); undefined for an ad-hoc line. */
function lineSoldBy(ctx: SaleContext, line: LineRow): string | undefined {
  if (line.product_id === null) return undefined;
  return sql(ctx.db, 'SELECT sold_by FROM products WHERE id = ?').pluck().get(line.product_id) as string | undefined;
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
    const name = productName(product, ctx.settings);
    const weighed = product.soldBy === 'weight';
    // Fruit sold by the kilogram has no quantity of its own: "1" was a whole kilogram never
    // weighed. The screen answers this refusal by asking for the weight and adding it again.
    // Both catalog names go along: the question is asked in the cashier's language, not the store's.
    if (weighed && input.qtyMilli === undefined)
      throw new ServiceError('sale.weight_required', { productId: product.id, name, nameZh: product.nameZh, nameEn: product.nameEn });
    const qty = input.qtyMilli ?? 1000;
    requireWholePieces(() => product.soldBy, qty, name);
    // Scanning the same item again raises the quantity of its undiscounted line (the last one if
    // there are several), as cashiers expect, at the price that line was rung up at: a price
    // change never reaches a sale in progress. A weighed package's line is never that line, nor
    // is a weight keyed at the counter: each weighing is a line of its own.
    const same = weighed ? undefined : sale.lines.findLast((l) => l.product_id === product.id && l.discount === null && l.scale_label === null);
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
          name,
          qtyMilli: qty,
          unitPriceMinor: rungUpAt ?? product.priceMinor,
          taxRateBp: product.taxRateBp,
          // Shown, printed and returned as a weight: "0.452 kg × ¥9.80/kg".
          soldByWeight: weighed,
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

export function setQty(ctx: SaleContext, input: { saleId: string; lineId: number; qtyMilli: number }): DocumentView {
  return changeOpenSale(ctx, input.saleId, (sale) => {
    const line = requireLine(sale, input.lineId);
    // A scale label's weight (or price) is what the scale printed for that one package: "+1" made
    // 0.777 kg into 1.777 kg, charged for fruit never weighed. Another package is another scan.
    if (line.scale_label !== null && input.qtyMilli !== line.qty_milli) throw new ServiceError('sale.scale_label_qty', { code: line.scale_label });
    requireWholePieces(() => lineSoldBy(ctx, line), input.qtyMilli, line.name);
    return { lines: changeQty(ctx, sale, line, input.qtyMilli) };
  });
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

export function setNote(ctx: SaleContext, input: { saleId: string; note: string }): DocumentView {
  return withCartDurability(ctx.db, () =>
    inTransaction(ctx.db, () => {
      const doc = findDocument(ctx.db, input.saleId);
      if (doc.status !== 'open') throw new ServiceError('sale.not_open', { saleId: input.saleId });
      if (doc.held_at !== null) throw new ServiceError('sale.held', { saleId: input.saleId });
      refuseWhileExchangeWaits(ctx.db, input.saleId);
      const note = input.note.trim();
      sql(ctx.db, 'UPDATE documents SET note = ? WHERE id = ?').run(note === '' ? null : note, input.saleId);
      return documentView(ctx.db, input.saleId, ctx.settings.cashRoundingStepMinor);
    }),
  );
}
