// A product rollup keeps its category's English name beside the name it always kept (the Chinese
// name, else the English one), so a report read in English names the category in English: before,
// an English shop's reports showed 饮料 for Drinks.
//
// Rollups written before this step get the English name of the category they name, where it still
// exists under that name: the product's own category first, else any category of that name. One
// renamed or deleted since keeps no English name, and the report falls back to the name it has.
// Rollups are immutable; the no-update trigger is lifted for this one fill, inside the migration's
// transaction, and put back as it was.
export const rollupCategoryEn = `
ALTER TABLE product_rollups ADD COLUMN category_en TEXT;

DROP TRIGGER product_rollups_no_update;
UPDATE product_rollups SET category_en = (
  SELECT c.name_en FROM categories c
   WHERE COALESCE(c.name_zh, c.name_en) = product_rollups.category
   ORDER BY c.id = (SELECT p.category_id FROM products p WHERE 'p:' || p.id = product_rollups.product_key) DESC, c.id
   LIMIT 1
) WHERE category IS NOT NULL;
CREATE TRIGGER product_rollups_no_update BEFORE UPDATE ON product_rollups
  BEGIN SELECT RAISE(ABORT, 'rollups are immutable'); END;
`;
