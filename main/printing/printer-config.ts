// The printer's settings live in the ledger's settings table under one key, so the register
// that prints a queued job after a restart uses the same printer and time zone it was told.
import { printerConfigSchema, type PrinterConfigView } from '../../preload/contract/printer';
import type { PrinterProfile, TransportConfigOutput } from '../../preload/contract/printer-schemas';
import type { Role } from '../../preload/contract/primitives';
import { defaultPrinterProfile } from '../hardware/printer';
import { checkTransportConfig } from '../hardware/printer/transport-check';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { ServiceError } from '../common/service-error';
import { roleAtLeast } from '../operators/session';

const KEY = 'printer.config';

/**
 * No zone of its own: receipts are dated in the store's zone (settings' timeZone, which starts as
 * the machine's), so a printer saved on a till whose clock ran in UTC does not date a Shanghai
 * shop's receipts eight hours early.
 */
/** The zone a receipt or report is dated in: the printer's own if it names one, else the store's. */
export function paperTimeZone(config: Pick<PrinterConfigView, 'timeZone'>, store: { timeZone: string }): string {
  return config.timeZone ?? store.timeZone;
}

export function defaultPrinterConfig(): PrinterConfigView {
  return { enabled: false, transport: null, profile: defaultPrinterProfile, terminalReceiptLines: 'none' };
}

export function getPrinterConfig(db: Db): PrinterConfigView {
  const row = sql(db, 'SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return defaultPrinterConfig();
  // A stored config that no longer validates (an older schema) must not stop sales: print nothing.
  const parsed = printerConfigSchema.safeParse(JSON.parse(row.value));
  return parsed.success ? parsed.data : defaultPrinterConfig();
}

/** Saves the whole config and journals old → new in the same transaction. */
export function setPrinterConfig(db: Db, config: PrinterConfigView, operatorId: number | null, now: number): PrinterConfigView {
  return db.transaction(() => {
    const before = getPrinterConfig(db);
    if (JSON.stringify(before) === JSON.stringify(config)) return before;
    sql(db, 'INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(config));
    appendJournal(db, 'printer.config_changed', { operatorId, from: before, to: config }, now);
    return getPrinterConfig(db);
  })();
}

/**
 * A connection in the form this OS can open (a serial port name normalised, `COM10` for
 * `\\.\COM10`), or a refusal with the reason's code: a port that cannot work is never saved.
 */
export function checkedTransport(transport: TransportConfigOutput, platform: string): TransportConfigOutput {
  const checked = checkTransportConfig(transport, platform);
  if (!checked.ok) throw new ServiceError(checked.error.code, checked.error.params);
  return checked.value;
}

export function checkedPrinterConfig(config: PrinterConfigView, platform: string): PrinterConfigView {
  return config.transport ? { ...config, transport: checkedTransport(config.transport, platform) } : config;
}

/**
 * Where a test page goes. Without settings in the request: the saved printer (anyone who may print
 * a test page). With unsaved settings: trying a connection is part of setting the printer up, so
 * it is the owner's, like saving it, and the connection is checked like one being saved; otherwise
 * a supervisor could append bytes to any writable file or probe TCP ports through the register.
 */
export function testPageTarget(
  db: Db,
  actor: { role: Role },
  input: { transport?: TransportConfigOutput | undefined; profile?: PrinterProfile | undefined },
  platform: string,
): { transport: TransportConfigOutput | null; profile: PrinterProfile } {
  const saved = getPrinterConfig(db);
  if (input.transport === undefined && input.profile === undefined) return { transport: saved.enabled ? saved.transport : null, profile: saved.profile };
  if (!roleAtLeast(actor.role, 'owner')) throw new ServiceError('session.forbidden', { needs: 'owner' });
  const transport = input.transport ? checkedTransport(input.transport, platform) : saved.transport;
  return { transport, profile: input.profile ?? saved.profile };
}
