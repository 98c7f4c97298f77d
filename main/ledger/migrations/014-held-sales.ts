// Held sales (挂单): the cashier parks an open sale to serve the next customer and recalls it
// later, after a restart too. A held sale stays an open document; `held_at` (when it was parked)
// and `held_by` (who parked it) take it out of "the register's current sale" until it is
// recalled, and let the day close list the ones left from an earlier business day.
export const heldSales = `
ALTER TABLE documents ADD COLUMN held_at INTEGER;
ALTER TABLE documents ADD COLUMN held_by INTEGER REFERENCES operators(id);
CREATE INDEX documents_held ON documents(register_id, held_at) WHERE held_at IS NOT NULL;
`;
