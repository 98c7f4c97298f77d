import { randomUUID } from 'node:crypto';
import type { Discount, Role } from '../../preload/contract/primitives';
import { MAX_AMOUNT_MINOR, MAX_QTY_MILLI } from '../../preload/contract/primitives';
import type { DocumentView, StoreSettings } from '../../preload/contract/views';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { mulDivHalfUp } from '../money/integer-math';
import { getProduct, isKnownTaxRate, lookupProduct } from '../catalog/catalog';
import { ServiceError } from '../common/service-error';
import { documentLines, findDocument, insertDocument, insertLine, openDocumentId } from '../documents/document-rows';
import { documentView } from '../documents/document-view';
import { sql } from '../ledger/statements';
import { withCartDurability } from '../ledger/durability';

export interface Actor {
  id: number;
  role: Role;
}

export interface SaleContext {
  db: Db;
  now: number;
  settings: StoreSettings;
  actor: Actor;
}

/** The register's open sale, resumed after a restart or reload; a new one if there is none. */
export function currentSale(ctx: SaleContext): DocumentView {
  const { db, settings } = ctx;
  const open = openDocumentId(db, settings.registerId, 'sale');
  if (open) return documentView(db, open, settings.cashRoundingStepMinor);
  const id = randomUUID();
  withCartDurability(db, () =>
    insertDocument(db, {
      id,
      kind: 'sale',
      registerId: settings.registerId,
      operatorId: ctx.actor.id,
      openedAt: ctx.now,
      pricesIncludeTax: settings.pricesIncludeTax,
    }),
  );
  return documentView(db, id, settings.cashRoundingStepMinor);
}

/** Runs a change to an open sale in one transaction and refuses totals beyond the register's limit. */
function changeOpenSale(ctx: SaleContext, saleId: string, change: () => void): DocumentView {
  return withCartDurability(ctx.db, () =>
    ctx.db.transaction(() => {
      const doc = findDocument(ctx.db, saleId);
      if (doc.status !== 'open' || doc.kind !== 'sale') throw new ServiceError('sale.not_open', { saleId });
      const paid = sql(ctx.db, 'SELECT COUNT(*) AS n FROM payments WHERE document_id = ?').get(saleId) as { n: number };
      // Once money has been taken, the cart is frozen: changing it would orphan the payment.
      if (paid.n > 0) throw new ServiceError('sale.has_payments', { saleId });
      change();
      const view = documentView(ctx.db, saleId, ctx.settings.cashRoundingStepMinor);
      if (view.totals.grossMinor > MAX_AMOUNT_MINOR) throw new ServiceError('sale.amount_too_large', { maxMinor: MAX_AMOUNT_MINOR });
      return view;
    })(),
  );
}

/** The name printed for a product: the store language first, the other as fallback. */
function productName(p: { nameZh: string | null; nameEn: string | null }, settings: StoreSettings): string {
  return (settings.storeLocale === 'zh-CN' ? (p.nameZh ?? p.nameEn) : (p.nameEn ?? p.nameZh)) ?? '';
}

export function addProduct(ctx: SaleContext, input: { saleId: string; code?: string; productId?: number; qtyMilli?: number | undefined }): DocumentView {
  return changeOpenSale(ctx, input.saleId, () => {
    const product = input.code !== undefined ? lookupProduct(ctx.db, input.code, ctx.now) : getProduct(ctx.db, input.productId ?? 0, ctx.now);
    const qty = input.qtyMilli ?? 1000;
    // Scanning the same item again raises the quantity of its undiscounted line, as cashiers expect,
    // at the price that line was rung up at: a price change never reaches a sale in progress.
    const same = sql(
      ctx.db,
      'SELECT id, qty_milli FROM document_lines WHERE document_id = ? AND product_id = ? AND discount IS NULL ORDER BY position DESC LIMIT 1',
    ).get(input.saleId, product.id) as { id: number; qty_milli: number } | undefined;
    if (same) {
      // The same cap as for a quantity typed in: three scans of 99,999 must not make a line of 299,997.
      if (same.qty_milli + qty > MAX_QTY_MILLI) throw new ServiceError('sale.quantity_too_large', { maxMilli: MAX_QTY_MILLI });
      sql(ctx.db, 'UPDATE document_lines SET qty_milli = ? WHERE id = ?').run(same.qty_milli + qty, same.id);
      return;
    }
    // A discounted line of the same product keeps its own; a new line still takes the price it was first rung up at.
    const rungUpAt = sql(ctx.db, 'SELECT unit_price_minor FROM document_lines WHERE document_id = ? AND product_id = ? ORDER BY position LIMIT 1')
      .pluck()
      .get(input.saleId, product.id) as number | undefined;
    insertLine(ctx.db, input.saleId, {
      productId: product.id,
      sku: product.sku,
      name: productName(product, ctx.settings),
      qtyMilli: qty,
      unitPriceMinor: rungUpAt ?? product.priceMinor,
      taxRateBp: product.taxRateBp,
    });
  });
}

export function addCustomLine(
  ctx: SaleContext,
  input: { saleId: string; name: string; qtyMilli: number; unitPriceMinor: number; taxRateBp?: number | undefined },
): DocumentView {
  return changeOpenSale(ctx, input.saleId, () => {
    const rate = input.taxRateBp ?? defaultTaxRate(ctx.db);
    if (!isKnownTaxRate(ctx.db, rate)) throw new ServiceError('catalog.unknown_tax_rate', { rateBp: rate });
    insertLine(ctx.db, input.saleId, {
      productId: null,
      sku: null,
      name: input.name,
      qtyMilli: input.qtyMilli,
      unitPriceMinor: input.unitPriceMinor,
      taxRateBp: rate,
    });
  });
}

/** Ad-hoc items take the store's most common (highest) rate unless the cashier picks another. */
function defaultTaxRate(db: Db): number {
  return (sql(db, 'SELECT MAX(rate_bp) AS r FROM tax_rates').get() as { r: number | null }).r ?? 0;
}

function requireLine(ctx: SaleContext, saleId: string, lineId: number) {
  const line = documentLines(ctx.db, saleId).find((l) => l.id === lineId);
  if (!line) throw new ServiceError('sale.line_not_found', { lineId });
  return line;
}

export function setQty(ctx: SaleContext, input: { saleId: string; lineId: number; qtyMilli: number }): DocumentView {
  return changeOpenSale(ctx, input.saleId, () => {
    requireLine(ctx, input.saleId, input.lineId);
    sql(ctx.db, 'UPDATE document_lines SET qty_milli = ? WHERE id = ?').run(input.qtyMilli, input.lineId);
  });
}

/** Removing a line before payment is journalled: it is the classic way to pocket a sale. */
export function removeLine(ctx: SaleContext, input: { saleId: string; lineId: number }): DocumentView {
  return changeOpenSale(ctx, input.saleId, () => {
    const before = documentView(ctx.db, input.saleId, ctx.settings.cashRoundingStepMinor).lines.find((l) => l.id === input.lineId);
    if (!before) throw new ServiceError('sale.line_not_found', { lineId: input.lineId });
    sql(ctx.db, 'DELETE FROM document_lines WHERE id = ?').run(input.lineId);
    appendJournal(
      ctx.db,
      'sale.line_removed',
      {
        saleId: input.saleId,
        operatorId: ctx.actor.id,
        line: { name: before.name, sku: before.sku, qtyMilli: before.qtyMilli, unitPriceMinor: before.unitPriceMinor, totalMinor: before.totalMinor },
      },
      ctx.now,
    );
  });
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
  return changeOpenSale(ctx, input.saleId, () => {
    const line = documentView(ctx.db, input.saleId, ctx.settings.cashRoundingStepMinor).lines.find((l) => l.id === input.lineId);
    if (!line) throw new ServiceError('sale.line_not_found', { lineId: input.lineId });
    checkDiscount(ctx, input.discount, line.grossMinor, approverRole);
    sql(ctx.db, 'UPDATE document_lines SET discount = ? WHERE id = ?').run(input.discount ? JSON.stringify(input.discount) : null, input.lineId);
  });
}

export function setOrderDiscount(ctx: SaleContext, input: { saleId: string; discount: Discount | null }, approverRole: Role | null): DocumentView {
  return changeOpenSale(ctx, input.saleId, () => {
    const view = documentView(ctx.db, input.saleId, ctx.settings.cashRoundingStepMinor);
    const base = view.lines.reduce((s, l) => s + l.grossMinor - l.lineDiscountMinor, 0);
    checkDiscount(ctx, input.discount, base, approverRole);
    sql(ctx.db, 'UPDATE documents SET order_discount = ? WHERE id = ?').run(input.discount ? JSON.stringify(input.discount) : null, input.saleId);
  });
}

export function setNote(ctx: SaleContext, input: { saleId: string; note: string }): DocumentView {
  return withCartDurability(ctx.db, () =>
    ctx.db.transaction(() => {
      const doc = findDocument(ctx.db, input.saleId);
      if (doc.status !== 'open') throw new ServiceError('sale.not_open', { saleId: input.saleId });
      const note = input.note.trim();
      sql(ctx.db, 'UPDATE documents SET note = ? WHERE id = ?').run(note === '' ? null : note, input.saleId);
      return documentView(ctx.db, input.saleId, ctx.settings.cashRoundingStepMinor);
    })(),
  );
}
