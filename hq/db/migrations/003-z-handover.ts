// The Z's handover differences (cash missing or found between a close and the next open of the
// same day), as its day.closed entry chains them. NULL for Zs whose entry did not chain them
// (written before it did, or uploaded before this step): unknown, never read as 0.
export const zHandover = `
ALTER TABLE z_reports ADD COLUMN handover_minor bigint;
`;
