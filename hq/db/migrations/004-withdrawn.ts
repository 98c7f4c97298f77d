// A register taken out of the chain: by its owner at the till (a signed request) or at HQ. HQ keeps
// everything it holds of it and refuses its key from then on; a till that comes back enrols anew
// under a new register id.
export const withdrawn = `
ALTER TABLE registers ADD COLUMN withdrawn_at bigint;
`;
