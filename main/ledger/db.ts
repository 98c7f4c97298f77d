import type Database from 'better-sqlite3';

/** An open ledger connection (better-sqlite3). Its own file so that the schema code can name it without importing the opener. */
export type Db = Database.Database;
