// 改价 (price overrides) counted where discounts are. A line whose catalog price was typed down at
// the till keeps the price it was rung up at (list_unit_price_minor, set by the first override and
// never again), so the screen and the receipt can show what it cost and the completed sale can say
// how much the overrides took off (override_minor). The fraud rule "discounts and price overrides
// above a share of the day's sales" adds that up per business day beside discount_minor. Both are
// null/0 on every line and document from before: nothing was overridden then.
export const priceOverrides = `
ALTER TABLE document_lines ADD COLUMN list_unit_price_minor INTEGER CHECK (list_unit_price_minor IS NULL OR list_unit_price_minor >= 0);
ALTER TABLE documents ADD COLUMN override_minor INTEGER NOT NULL DEFAULT 0 CHECK (override_minor >= 0);
`;
