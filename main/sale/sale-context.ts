// Who changes a sale and with what: the operator, the ledger, the clock reading and the settings
// every sale call is given.
import type { Role } from '../../preload/contract/primitives';
import type { StoreSettings } from '../../preload/contract/views';
import type { Db } from '../ledger/database';

export interface Actor {
  id: number;
  role: Role;
  /** The operator's name when the router read it (a view built for them then needs no lookup). */
  name?: string;
}

export interface SaleContext {
  db: Db;
  now: number;
  settings: StoreSettings;
  actor: Actor;
}
