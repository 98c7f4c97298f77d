// What a sale costs on disk (issue 18), without losing a guarantee.
export const leanStorage = `
-- documents_day (business_day) finds a day's documents as well: a ledger's documents are nearly
-- all its own register's and completed, so (register_id, business_day, status) narrowed the same
-- rows and cost 35 bytes a sale. The one range query over it names documents_day.
DROP INDEX documents_register_day;
`;
