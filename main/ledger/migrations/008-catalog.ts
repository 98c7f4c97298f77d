// A catalog a real shop can run on: categories, several barcodes per product, scheduled price
// changes kept with their old and new price, and search keys derived at import/edit time
// (pinyin, initials, trigrams) so that a keystroke costs an index probe, not a computation.
// The keys are filled in by catalog/search-index.ts: products.indexed = 0 marks a row whose keys
// are still to be written (every product that existed before this step).
export const catalog = `
CREATE TABLE categories (
  id       INTEGER PRIMARY KEY,
  name_zh  TEXT,
  name_en  TEXT,
  active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  CHECK (name_zh IS NOT NULL OR name_en IS NOT NULL)
) STRICT;

ALTER TABLE products ADD COLUMN category_id INTEGER REFERENCES categories(id);
ALTER TABLE products ADD COLUMN pinyin_full TEXT;      -- 可口可乐 -> kekoukele
ALTER TABLE products ADD COLUMN pinyin_initials TEXT;  -- 可口可乐 -> kkkl
ALTER TABLE products ADD COLUMN indexed INTEGER NOT NULL DEFAULT 0;
CREATE INDEX products_category ON products(category_id);
-- Item numbers are keyed in any case; without this index that comparison reads every product.
CREATE INDEX products_sku_nocase ON products(sku COLLATE NOCASE);
CREATE INDEX products_unindexed ON products(id) WHERE indexed = 0;

-- Every barcode of a product; products.barcode stays as the first of them (the one receipts
-- and older readers show). A barcode belongs to one product at most.
CREATE TABLE product_barcodes (
  barcode     TEXT PRIMARY KEY,
  product_id  INTEGER NOT NULL REFERENCES products(id),
  position    INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
CREATE INDEX product_barcodes_product ON product_barcodes(product_id, position);
INSERT INTO product_barcodes (barcode, product_id, position) SELECT barcode, id, 0 FROM products WHERE barcode IS NOT NULL;

-- Price changes, applied or waiting for their time. A sale keeps the price its lines were rung
-- up at (document_lines.unit_price_minor), so a change never alters an open sale.
CREATE TABLE price_changes (
  id               INTEGER PRIMARY KEY,
  product_id       INTEGER NOT NULL REFERENCES products(id),
  old_price_minor  INTEGER NOT NULL,
  new_price_minor  INTEGER NOT NULL CHECK (new_price_minor >= 0),
  effective_at     INTEGER NOT NULL,
  state            TEXT NOT NULL CHECK (state IN ('scheduled', 'applied', 'cancelled')),
  operator_id      INTEGER REFERENCES operators(id),
  source           TEXT NOT NULL CHECK (source IN ('edit', 'import')),
  created_at       INTEGER NOT NULL
) STRICT;
CREATE INDEX price_changes_product ON price_changes(product_id, id);
CREATE INDEX price_changes_due ON price_changes(effective_at) WHERE state = 'scheduled';

-- Search keys of active products, lower case: codes (SKU, barcodes), names, pinyin and initials.
-- A prefix search is a range scan of this index.
CREATE TABLE search_keys (
  key         TEXT NOT NULL,
  product_id  INTEGER NOT NULL,
  PRIMARY KEY (key, product_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX search_keys_product ON search_keys(product_id);

-- Substrings of three characters or more: every key of a product in one trigram document whose
-- rowid is the product id. Contentless: the keys are in search_keys already.
CREATE VIRTUAL TABLE search_trigrams USING fts5(keys, tokenize = 'trigram', content = '', contentless_delete = 1);

-- Substrings of one or two Chinese characters (the trigram index cannot find those): each
-- character and each pair of the Chinese name.
CREATE TABLE search_grams (
  gram        TEXT NOT NULL,
  product_id  INTEGER NOT NULL,
  PRIMARY KEY (gram, product_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX search_grams_product ON search_grams(product_id);
`;
