// Operators log in by number + PIN, or by scanning a badge. The operator number (工号) is what the
// badge carries and what an operator types; the badge's secret is stored hashed with scrypt like a
// PIN, so a copied ledger does not reveal badges. Revoking a badge clears its hash.
export const badges = `
ALTER TABLE operators ADD COLUMN number INTEGER;
UPDATE operators SET number = id;
CREATE UNIQUE INDEX operators_number ON operators(number);
ALTER TABLE operators ADD COLUMN badge_hash BLOB;
ALTER TABLE operators ADD COLUMN badge_salt BLOB;
ALTER TABLE operators ADD COLUMN badge_params TEXT;
ALTER TABLE operators ADD COLUMN badge_issued_at INTEGER;
`;
