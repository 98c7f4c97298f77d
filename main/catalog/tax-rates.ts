// The store's tax rates (the first-run wizard and the back office edit them). A rate a product
// still uses cannot be removed: its sales would name a rate the store no longer has.
import type { TaxRateView } from '../../preload/contract/views';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { listTaxRates } from './catalog';

export function saveTaxRate(db: Db, input: { rateBp: number; label: string }, operatorId: number, now: number): TaxRateView[] {
  return db.transaction(() => {
    const before = sql(db, 'SELECT label FROM tax_rates WHERE rate_bp = ?').pluck().get(input.rateBp) as string | undefined;
    if (before !== input.label) {
      sql(db, 'INSERT INTO tax_rates (rate_bp, label) VALUES (?, ?) ON CONFLICT(rate_bp) DO UPDATE SET label = excluded.label').run(input.rateBp, input.label);
      appendJournal(db, 'catalog.tax_rate_saved', { rateBp: input.rateBp, from: before ?? null, to: input.label, operatorId }, now);
    }
    return listTaxRates(db);
  })();
}

export function removeTaxRate(db: Db, rateBp: number, operatorId: number, now: number): TaxRateView[] {
  return db.transaction(() => {
    const label = sql(db, 'SELECT label FROM tax_rates WHERE rate_bp = ?').pluck().get(rateBp) as string | undefined;
    if (label === undefined) throw new ServiceError('catalog.unknown_tax_rate', { rateBp });
    const used = sql(db, 'SELECT COUNT(*) FROM products WHERE tax_rate_bp = ?').pluck().get(rateBp) as number;
    if (used > 0) throw new ServiceError('catalog.tax_rate_in_use', { rateBp, products: used });
    sql(db, 'DELETE FROM tax_rates WHERE rate_bp = ?').run(rateBp);
    appendJournal(db, 'catalog.tax_rate_removed', { rateBp, label, operatorId }, now);
    return listTaxRates(db);
  })();
}
