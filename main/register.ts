import { join } from 'node:path';
import type { Db } from './ledger/database';
import { openLedger } from './ledger/database';
import { handlers } from './ipc/handlers';
import type { RegisterServices } from './ipc/handler';
import { createRouter, type Dispatch } from './ipc/router';
import { consoleLogger, type Logger } from './log';
import { seedDemo } from './services/demo-catalog';
import { EventBus } from './services/event-bus';
import { RegisterSession } from './services/session';

export interface RegisterOptions {
  /** The ledger file. */
  ledgerFile: string;
  demo?: boolean;
  log?: Logger;
  clock?: () => number;
}

/** The register: ledger, session, events and the router, independent of any window or transport. */
export interface Register {
  db: Db;
  events: EventBus;
  session: RegisterSession;
  dispatch: Dispatch;
  close(): void;
}

export const LEDGER_FILE_NAME = 'ringup-ledger.sqlite';

export function ledgerPathIn(dataDir: string): string {
  return join(dataDir, LEDGER_FILE_NAME);
}

export function openRegister(options: RegisterOptions): Register {
  const log = options.log ?? consoleLogger;
  const db = openLedger(options.ledgerFile);
  const clock = options.clock ?? Date.now;
  if (options.demo) seedDemo(db, clock());
  const events = new EventBus();
  const session = new RegisterSession();
  const services: RegisterServices = {
    afterSaleCompleted: () => {
      // The printer issue hooks receipt printing and the drawer in here.
    },
  };
  const dispatch = createRouter({ db, session, events, handlers, services, log, clock });
  return {
    db,
    events,
    session,
    dispatch,
    close: () => {
      if (db.open) db.close();
    },
  };
}
