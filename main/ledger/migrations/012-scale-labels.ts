// Lines rung up from a scale label (issue 17): the label as scanned, kept for the audit trail
// and for finding the package again at a return, and whether the quantity is a weight (kg in
// thousandths, i.e. grams), so the cart, the receipt and a return show it as one.
export const scaleLabels = `
ALTER TABLE document_lines ADD COLUMN scale_label TEXT;
ALTER TABLE document_lines ADD COLUMN sold_by_weight INTEGER NOT NULL DEFAULT 0 CHECK (sold_by_weight IN (0, 1));
`;
