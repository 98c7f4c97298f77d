// What the register sends back: plain data, computed in main, one file per domain. This file
// only gathers them for importers that want one place; a new domain adds one line.
export type * from './operator-views';
export type * from './catalog-views';
export type * from './document-views';
export type * from './settings-views';
export type * from './refund-views';
export type * from './shift-views';
export type * from './day-close-views';
export type * from './self-check-views';
export type * from './sale-views';
export type * from './exchange-views';
