// The virtual printer and registers printing to it, for the printing suites. A suite calls
// usePrintingRig() once: one virtual printer (TCP and pty) for the file, every register cleaned up
// and the printer's status reset after each test.
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { HardwareStatus } from '../../preload/contract/events';
import type { PrinterConfigView } from '../../preload/contract/printer';
import { buildReceipt, defaultPrinterProfile, renderReceiptText, type PrinterTransport, type TransportConfig } from '../../main/hardware/printer';
import { VirtualPrinter } from '../../main/hardware/printer/virtual-printer';
import { statusRequests } from '../../main/hardware/printer/status';
import { documentView } from '../../main/documents/document-view';
import { getSettings } from '../../main/settings/settings';
import { tokenizeEscPos } from './escpos-tokenizer';
import { CASHIER_PIN, makeRegister, OWNER_PIN, withStaff, type TestRegister } from './register-fixture';

export const WATER = '6901234567892';
export const profile = { ...defaultPrinterProfile, paper: '58mm' as const };
export const timeZone = 'Asia/Shanghai';
export const fast = { pollIntervalMs: 100, statusTimeoutMs: 300, backoffMs: 100, maxBackoffMs: 400 };

export let vp: VirtualPrinter;
export const registers: TestRegister[] = [];

/** The suite's hooks, registered in the calling file (a module is imported once per worker). */
export function usePrintingRig(): void {
  beforeAll(async () => {
    vp = await VirtualPrinter.start({ pty: true, serialJobGapMs: 100 });
  });
  afterAll(async () => {
    const pid = vp.socatPid;
    await vp.close();
    expect(() => process.kill(pid!, 0)).toThrow();
  });
  afterEach(() => {
    for (const r of registers.splice(0)) r.cleanup();
    vp.setStatus({ paperOut: false, paperNearEnd: false, coverOpen: false, offline: false, error: false, drawerOpen: false, noAnswer: false, garbage: false });
  });
}

/**
 * Proof that nothing more goes out: the register has looked at the printer `polls` more times.
 * Anything it would send (a resend, a cancelled job) follows the poll that finds the printer ready,
 * and goes out ahead of the next poll on its one-exchange-at-a-time line; so after the next polls'
 * requests were answered, it would already have been sent. No guess at how long that takes.
 */
export async function afterPolls(polls = 3): Promise<void> {
  await vp.waitForStatusRequests(vp.statusRequestsAnswered() + polls * statusRequests.length);
}

export function transportFor(via: 'tcp' | 'pty'): TransportConfig {
  return via === 'tcp'
    ? { kind: 'tcp', host: '127.0.0.1', port: vp.port, connectTimeoutMs: 1000, writeTimeoutMs: 3000 }
    : { kind: 'serial', path: vp.ptyPath!, baudRate: 115_200, flowControl: 'none', writeTimeoutMs: 3000 };
}

/** A register with staff and a printer on the virtual printer; the cashier is logged in. */
export async function printingRegister(
  via: 'tcp' | 'pty',
  extra: { transportFactory?: (c: TransportConfig) => PrinterTransport; drawerOnCash?: boolean } = {},
) {
  const reg = makeRegister({ printer: { ...fast, ...(extra.transportFactory ? { transportFactory: extra.transportFactory } : {}) } });
  registers.push(reg);
  const staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  const config = { enabled: true, transport: transportFor(via), profile, timeZone } as PrinterConfigView;
  await reg.must('printer.setConfig', config);
  if (extra.drawerOnCash === false) await reg.must('settings.update', { drawerOnCash: false });
  await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
  const events: HardwareStatus[] = [];
  reg.events.subscribe((event, payload) => {
    if (event === 'hardware.status') events.push(payload as HardwareStatus);
  });
  return { reg, staff, events };
}

export async function cashSale(reg: TestRegister, key: string) {
  const sale = await reg.must('sale.current', {});
  await reg.must('sale.addProduct', { saleId: sale.id, code: WATER });
  return reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 1000, idempotencyKey: `print-${key}` });
}

export function jobStates(reg: TestRegister): { kind: string; state: string; copy_no: number }[] {
  return reg.db.prepare('SELECT kind, state, copy_no FROM print_jobs ORDER BY id').all() as { kind: string; state: string; copy_no: number }[];
}

export function allPrinted(reg: TestRegister, n: number) {
  const jobs = jobStates(reg);
  return jobs.length === n && jobs.every((j) => j.state === 'printed') ? jobs : null;
}

/** Everything printed since `from` jobs, tokenized as one stream. */
export function printedSince(from: number) {
  return tokenizeEscPos(
    Buffer.concat(
      vp
        .jobs()
        .slice(from)
        .map((j) => j.bytes),
    ),
  );
}

export function expectedLines(reg: TestRegister, saleId: string, duplicateCopy?: number): string[] {
  const doc = buildReceipt(documentView(reg.db, saleId), getSettings(reg.db), { timeZone, duplicateCopy: duplicateCopy ?? null });
  return renderReceiptText(doc, profile).replace(/\n$/, '').split('\n');
}
