// Sold by the piece or by weight: a toothbrush is sold in whole pieces (a quantity of 1.5 is a
// typing mistake, refused at the counter), apples by the kilogram (three decimals).
//
// Every product from before is sold by the piece, except those that are clearly weighed:
// - a product carrying the base code of one of the store's weight-label layouts (prefix, item,
//   value zeroed: the demo's apples 2100001000004), which is how weight labels find their product;
// - a product already rung up from a weight label (a line with sold_by_weight), which is how a
//   product found by its SKU as the scale's PLU number shows itself.
// A numeric SKU alone is not taken as a PLU number: the default layout (21, five item digits)
// would claim every five-digit 货号, and numbered catalogs are common. Price-label products stay
// pieces: the label's price is for one package. The layouts are the store's saved ones, else the
// default of main/settings/settings.ts as it is at this step (20 price, 21 weight, five digits).
// Only the new column is written: no barcode or other value of an existing row changes.
export const soldBy = `
ALTER TABLE products ADD COLUMN sold_by TEXT NOT NULL DEFAULT 'piece' CHECK (sold_by IN ('piece', 'weight'));

UPDATE products SET sold_by = 'weight' WHERE id IN (
  SELECT b.product_id
    FROM product_barcodes b,
         json_each(COALESCE(
           (SELECT value FROM settings WHERE key = 'scaleLabelLayouts' AND json_valid(value)),
           '[{"prefix":"20","kind":"price","valueDigits":5,"valueCheckDigit":false},{"prefix":"21","kind":"weight","valueDigits":5,"valueCheckDigit":false}]'
         )) l
   WHERE json_extract(l.value, '$.kind') = 'weight'
     AND length(b.barcode) = 13 AND b.barcode NOT GLOB '*[^0-9]*'
     AND substr(b.barcode, 1, 2) = json_extract(l.value, '$.prefix')
     -- value digits and their check digit (if any) zeroed: positions 13 - n .. 12
     AND substr(b.barcode, 13 - (json_extract(l.value, '$.valueDigits') + json_extract(l.value, '$.valueCheckDigit')),
                json_extract(l.value, '$.valueDigits') + json_extract(l.value, '$.valueCheckDigit'))
         = substr('000000', 1, json_extract(l.value, '$.valueDigits') + json_extract(l.value, '$.valueCheckDigit'))
  UNION
  SELECT product_id FROM document_lines WHERE sold_by_weight = 1 AND product_id IS NOT NULL
);
`;
