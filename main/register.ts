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
import { HardwareStatusHub } from './hardware/hardware-status';
import { PrinterRuntime, type PrinterRuntimeOptions } from './services/printer-runtime';
import { parsePrinterUrl } from './hardware/printer/printer-url';
import { getPrinterConfig, setPrinterConfig } from './services/printer-config';

export interface RegisterOptions {
  /** The ledger file. */
  ledgerFile: string;
  demo?: boolean;
  log?: Logger;
  clock?: () => number;
  /** `--printer tcp://…` / RINGUP_PRINTER: point the saved printer settings at this printer and enable it. */
  printerUrl?: string | null;
  /** Poll interval, backoff and a transport wrapper; tests shorten them and script faults. */
  printer?: Pick<PrinterRuntimeOptions, 'pollIntervalMs' | 'statusTimeoutMs' | 'backoffMs' | 'maxBackoffMs' | 'transportFactory'>;
}

/** The register: ledger, session, events and the router, independent of any window or transport. */
export interface Register {
  db: Db;
  events: EventBus;
  session: RegisterSession;
  dispatch: Dispatch;
  /** Device states behind `hardware.status`; the card terminal reports its part here too. */
  hardware: HardwareStatusHub;
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
  if (options.printerUrl) {
    const transport = parsePrinterUrl(options.printerUrl);
    setPrinterConfig(db, { ...getPrinterConfig(db), enabled: true, transport }, null, clock());
  }
  const hardware = new HardwareStatusHub(events);
  const printer = new PrinterRuntime({ db, hub: hardware, log, clock, ...options.printer });
  const services: RegisterServices = {
    afterSaleCompleted: (saleId) => printer.afterSaleCompleted(saleId),
    printer,
  };
  const dispatch = createRouter({ db, session, events, handlers, services, log, clock });
  printer.start();
  return {
    db,
    events,
    session,
    dispatch,
    hardware,
    close: () => {
      printer.stop();
      if (db.open) db.close();
    },
  };
}
