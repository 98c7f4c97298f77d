import type { catalogCalls } from '../../preload/contract/catalog';
import { getProduct, listTaxRates, lookupProduct, searchProducts } from './catalog';
import { importCatalogCsv } from './catalog-csv';
import type { HandlerTable } from '../ipc/handler';

export const catalogHandlers: Pick<HandlerTable, keyof typeof catalogCalls> = {
  'catalog.search': { access: 'cashier', handle: (input, ctx) => searchProducts(ctx.db, input.query, input.limit) },
  'catalog.lookup': { access: 'cashier', handle: (input, ctx) => lookupProduct(ctx.db, input.code) },
  'catalog.get': { access: 'cashier', handle: (input, ctx) => getProduct(ctx.db, input.productId) },
  'catalog.importCsv': { access: 'supervisor', handle: (input, ctx) => importCatalogCsv(ctx.db, input.csv, ctx.actor.id, ctx.now) },
  'catalog.taxRates': { access: 'cashier', handle: (_input, ctx) => listTaxRates(ctx.db) },
};
