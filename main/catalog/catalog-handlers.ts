import type { catalogCalls } from '../../preload/contract/catalog';
import { getProduct, listProducts, listTaxRates, lookupProduct, productDetail } from './catalog';
import { exportCatalogCsv, importCatalogCsv } from './catalog-csv';
import { searchProducts } from './catalog-search';
import { listCategories, saveCategory } from './categories';
import { priceHistory } from './price-changes';
import { createProduct, setProductActive, updateProduct } from './product-editing';
import { removeTaxRate, saveTaxRate } from './tax-rates';
import { DEMO_CATALOG_CSV } from './demo-catalog';
import type { HandlerTable } from '../ipc/handler';

export const catalogHandlers: Pick<HandlerTable, keyof typeof catalogCalls> = {
  'catalog.search': { access: 'cashier', handle: (input, ctx) => searchProducts(ctx.db, input.query, ctx.now, input.limit) },
  'catalog.lookup': { access: 'cashier', handle: (input, ctx) => lookupProduct(ctx.db, input.code, ctx.now) },
  'catalog.get': { access: 'cashier', handle: (input, ctx) => getProduct(ctx.db, input.productId, ctx.now) },
  'catalog.importCsv': { access: 'supervisor', handle: (input, ctx) => importCatalogCsv(ctx.db, input.csv, ctx.actor.id, ctx.now) },
  'catalog.importDemo': { access: 'owner', handle: (_input, ctx) => importCatalogCsv(ctx.db, DEMO_CATALOG_CSV, ctx.actor.id, ctx.now) },
  'catalog.exportCsv': { access: 'supervisor', handle: (_input, ctx) => exportCatalogCsv(ctx.db) },
  'catalog.taxRates': { access: 'cashier', handle: (_input, ctx) => listTaxRates(ctx.db) },
  'catalog.saveTaxRate': { access: 'owner', handle: (input, ctx) => saveTaxRate(ctx.db, input, ctx.actor.id, ctx.now) },
  'catalog.removeTaxRate': { access: 'owner', handle: (input, ctx) => removeTaxRate(ctx.db, input.rateBp, ctx.actor.id, ctx.now) },
  'catalog.list': { access: 'supervisor', handle: (input, ctx) => listProducts(ctx.db, input, ctx.now) },
  'catalog.detail': { access: 'supervisor', handle: (input, ctx) => productDetail(ctx.db, input.productId, ctx.now) },
  'catalog.createProduct': { access: 'supervisor', handle: (input, ctx) => createProduct(ctx.db, input, ctx.actor.id, ctx.now) },
  'catalog.updateProduct': { access: 'supervisor', handle: (input, ctx) => updateProduct(ctx.db, input, ctx.actor.id, ctx.now) },
  'catalog.setActive': { access: 'supervisor', handle: (input, ctx) => setProductActive(ctx.db, input.productId, input.active, ctx.actor.id, ctx.now) },
  'catalog.priceHistory': { access: 'supervisor', handle: (input, ctx) => priceHistory(ctx.db, input.productId) },
  'catalog.categories': { access: 'cashier', handle: (input, ctx) => listCategories(ctx.db, input.includeInactive ?? false) },
  'catalog.saveCategory': { access: 'supervisor', handle: (input, ctx) => saveCategory(ctx.db, input, ctx.actor.id, ctx.now) },
};
