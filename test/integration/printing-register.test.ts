// The register prints through its durable queue to the virtual printer over a real TCP socket and
// a real pseudo-terminal (socat): sales, the drawer, paper out before and during a job, a restart
// with the printer offline, garbage on the line, reprints and "no sale".
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { HardwareStatus } from '../../preload/contract/events';
import type { PrinterConfigView } from '../../preload/contract/printer';
import {
  buildReceipt,
  createTransport,
  defaultPrinterProfile,
  renderReceiptText,
  type PrinterTransport,
  type TransportConfig,
} from '../../main/hardware/printer';
import { VirtualPrinter } from '../../main/hardware/printer/virtual-printer';
import { statusRequests } from '../../main/hardware/printer/status';
import { documentView } from '../../main/documents/document-view';
import { getSettings } from '../../main/settings/settings';
import { commandsNamed, tokenizeEscPos } from '../support/escpos-tokenizer';
import { CASHIER_PIN, makeRegister, OWNER_PIN, SUPERVISOR_PIN, withStaff, type TestRegister } from '../support/register-fixture';
import { until } from '../support/until';

const WATER = '6901234567892';
const profile = { ...defaultPrinterProfile, paper: '58mm' as const };
const timeZone = 'Asia/Shanghai';
const fast = { pollIntervalMs: 100, statusTimeoutMs: 300, backoffMs: 100, maxBackoffMs: 400 };

let vp: VirtualPrinter;
const registers: TestRegister[] = [];

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

/**
 * Proof that nothing more goes out: the register has looked at the printer `polls` more times.
 * Anything it would send (a resend, a cancelled job) follows the poll that finds the printer ready,
 * and goes out ahead of the next poll on its one-exchange-at-a-time line; so after the next polls'
 * requests were answered, it would already have been sent. No guess at how long that takes.
 */
async function afterPolls(polls = 3): Promise<void> {
  await vp.waitForStatusRequests(vp.statusRequestsAnswered() + polls * statusRequests.length);
}

function transportFor(via: 'tcp' | 'pty'): TransportConfig {
  return via === 'tcp'
    ? { kind: 'tcp', host: '127.0.0.1', port: vp.port, connectTimeoutMs: 1000, writeTimeoutMs: 3000 }
    : { kind: 'serial', path: vp.ptyPath!, baudRate: 115_200, flowControl: 'none', writeTimeoutMs: 3000 };
}

/** A register with staff and a printer on the virtual printer; the cashier is logged in. */
async function printingRegister(via: 'tcp' | 'pty', extra: { transportFactory?: (c: TransportConfig) => PrinterTransport; drawerOnCash?: boolean } = {}) {
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

async function cashSale(reg: TestRegister, key: string) {
  const sale = await reg.must('sale.current', {});
  await reg.must('sale.addProduct', { saleId: sale.id, code: WATER });
  return reg.must('sale.tenderCash', { saleId: sale.id, tenderedMinor: 1000, idempotencyKey: `print-${key}` });
}

function jobStates(reg: TestRegister): { kind: string; state: string; copy_no: number }[] {
  return reg.db.prepare('SELECT kind, state, copy_no FROM print_jobs ORDER BY id').all() as { kind: string; state: string; copy_no: number }[];
}

function allPrinted(reg: TestRegister, n: number) {
  const jobs = jobStates(reg);
  return jobs.length === n && jobs.every((j) => j.state === 'printed') ? jobs : null;
}

/** Everything printed since `from` jobs, tokenized as one stream. */
function printedSince(from: number) {
  return tokenizeEscPos(
    Buffer.concat(
      vp
        .jobs()
        .slice(from)
        .map((j) => j.bytes),
    ),
  );
}

function expectedLines(reg: TestRegister, saleId: string, duplicateCopy?: number): string[] {
  const doc = buildReceipt(documentView(reg.db, saleId), getSettings(reg.db), { timeZone, duplicateCopy: duplicateCopy ?? null });
  return renderReceiptText(doc, profile).replace(/\n$/, '').split('\n');
}

describe.each(['tcp', 'pty'] as const)('a cash sale prints over %s', (via) => {
  it('drawer pulse first, then the receipt: text equal to the document, one cut, the QR', async () => {
    const { reg } = await printingRegister(via);
    const from = vp.jobs().length;
    const pulses = vp.drawerPulses().length;
    const done = await cashSale(reg, `cash-${via}`);
    await until('both jobs printed', () => allPrinted(reg, 2));
    expect(jobStates(reg).map((j) => j.kind)).toEqual(['drawer', 'receipt']);
    const t = await until('the receipt on paper', () => {
      const tokens = printedSince(from);
      return commandsNamed(tokens, 'GS V').length > 0 ? tokens : null;
    });
    expect(t.lines).toEqual(expectedLines(reg, done.sale.id));
    expect(commandsNamed(t, 'GS V')).toHaveLength(1);
    expect(commandsNamed(t, 'ESC p').map((c) => c.params)).toEqual([[0, 25, 250]]);
    // The kick travels ahead of the receipt's text.
    expect(t.commands.findIndex((c) => c.name === 'ESC p')).toBe(0);
    expect(t.qrCodes).toEqual([done.sale.id]);
    // A printer that prints opens the drawer with the buffered ESC p, once.
    expect(vp.drawerPulses().slice(pulses)).toEqual([{ command: 'ESC p', pin: 0, onMs: 50, via, whilePrintingStopped: false }]);
  });

  it('paper out: the drawer opens at once with the real-time pulse, the receipt waits for paper, and the drawer does not open again', async () => {
    const { reg, events } = await printingRegister(via);
    vp.setStatus('paper_out');
    await until('paper out reported', () => events.some((e) => e.printer.problems.includes('printer.paper_out')));
    const from = vp.jobs().length;
    const pulses = vp.drawerPulses().length;
    const done = await cashSale(reg, `drawer-paper-out-${via}`);
    const [pulse] = (await vp.waitForPulses(pulses + 1)).slice(pulses);
    expect(pulse).toEqual({ command: 'DLE DC4', pin: 0, onMs: 100, via, whilePrintingStopped: true });
    await until('the receipt waits for paper', () =>
      reg.db.prepare("SELECT 1 FROM print_jobs WHERE kind = 'receipt' AND state = 'queued' AND last_error = 'printer.paper_out'").get(),
    );
    expect(jobStates(reg)).toEqual([
      { kind: 'drawer', state: 'printed', copy_no: 0 },
      { kind: 'receipt', state: 'queued', copy_no: 0 },
    ]);
    // The drawer opened: the cashier hears about the paper, not about the drawer.
    expect((await reg.must('hardware.status', {})).printer.problems).toEqual(['printer.paper_out']);
    expect(vp.jobs().length).toBe(from);
    expect(vp.heldJobs()).toBe(0);

    vp.setStatus('ok');
    await until('the receipt printed', () => allPrinted(reg, 2));
    await vp.waitForJobs(from + 1);
    await afterPolls(); // nothing else goes out
    const t = printedSince(from);
    expect(t.lines).toEqual(expectedLines(reg, done.sale.id));
    expect(commandsNamed(t, 'ESC p')).toHaveLength(0);
    expect(vp.drawerPulses()).toHaveLength(pulses + 1);
  });
});

describe('the print queue through the register (TCP)', () => {
  it('drawerOnCash off: the receipt prints without a drawer pulse', async () => {
    const { reg } = await printingRegister('tcp', { drawerOnCash: false });
    const from = vp.jobs().length;
    await cashSale(reg, 'no-drawer');
    await until('receipt printed', () => allPrinted(reg, 1));
    const t = await until('paper', () => (vp.jobs().length > from ? printedSince(from) : null));
    expect(commandsNamed(t, 'ESC p')).toHaveLength(0);
    expect(commandsNamed(t, 'GS V')).toHaveLength(1);
  });

  it('paper out before the sale: the sale completes at once, the banner event shows, the receipt prints once after recovery', async () => {
    const { reg, events } = await printingRegister('tcp', { drawerOnCash: false });
    vp.setStatus('paper_out');
    await until('paper out reported', () => events.some((e) => e.printer.problems.includes('printer.paper_out')));
    const from = vp.jobs().length;
    const done = await cashSale(reg, 'paper-before');
    expect(done.receiptNo).toBe(1);
    await until('the receipt waits', () => reg.db.prepare("SELECT last_error FROM print_jobs WHERE last_error = 'printer.paper_out'").get());
    expect(vp.jobs().length).toBe(from);
    expect((await reg.must('hardware.status', {})).printer).toMatchObject({ state: 'error', problems: ['printer.paper_out'], queuedJobs: 1 });

    vp.setStatus('ok');
    await until('printed after recovery', () => allPrinted(reg, 1));
    await until('banner cleared', () => events.at(-1)?.printer.problems.length === 0 && events.at(-1)?.printer.queuedJobs === 0);
    await afterPolls(); // nothing is sent again
    expect(commandsNamed(printedSince(from), 'GS V')).toHaveLength(1);
  });

  it('paper out during the job: the job is printed once, when the paper is back, never resent', async () => {
    let runOut = true;
    const factory = (config: TransportConfig): PrinterTransport => {
      const inner = createTransport(config);
      return {
        kind: inner.kind,
        queryStatus: (o) => inner.queryStatus(o),
        close: () => inner.close(),
        // The paper runs out as the receipt goes down the wire: the printer takes the bytes and holds them.
        send: (bytes) => {
          if (runOut && bytes.length > 16) {
            runOut = false;
            vp.setStatus('paper_out');
          }
          return inner.send(bytes);
        },
      };
    };
    const { reg, events } = await printingRegister('tcp', { transportFactory: factory, drawerOnCash: false });
    const from = vp.jobs().length;
    const done = await cashSale(reg, 'paper-during');
    expect(done.receiptNo).toBe(1);
    await until('job handed to the printer', () => allPrinted(reg, 1));
    await until('paper out reported', () => events.some((e) => e.printer.problems.includes('printer.paper_out')));
    expect(vp.heldJobs()).toBe(1);
    expect(vp.jobs().length).toBe(from);

    vp.setStatus('ok');
    await vp.waitForJobs(from + 1);
    await until('banner cleared', () => events.at(-1)?.printer.problems.length === 0);
    await afterPolls();
    expect(vp.jobs().length).toBe(from + 1);
    expect(commandsNamed(printedSince(from), 'GS V')).toHaveLength(1);
  });

  it('a transport that throws instead of answering costs a retry, not the job', async () => {
    let faults = 1;
    const factory = (config: TransportConfig): PrinterTransport => {
      const inner = createTransport(config);
      return {
        kind: inner.kind,
        queryStatus: (o) => inner.queryStatus(o),
        close: () => inner.close(),
        send: (bytes) => (faults-- > 0 ? Promise.reject(new Error('a fault in the transport')) : inner.send(bytes)),
      };
    };
    const { reg } = await printingRegister('tcp', { transportFactory: factory, drawerOnCash: false });
    const from = vp.jobs().length;
    await cashSale(reg, 'transport-throws');
    await until('printed on the retry', () => allPrinted(reg, 1));
    expect(reg.log.lines.some((l) => l.includes('the transport threw') && l.includes('a fault in the transport'))).toBe(true);
    expect(reg.db.prepare('SELECT attempts FROM print_jobs').get()).toEqual({ attempts: 2 }); // the one that threw, the one that printed
    await vp.waitForJobs(from + 1);
    expect(commandsNamed(printedSince(from), 'GS V')).toHaveLength(1);
  });

  it('printer offline across a restart: the job survives in the ledger and prints once', async () => {
    const first = await printingRegister('tcp', { drawerOnCash: false });
    vp.setStatus('offline');
    await until('offline reported', () => first.events.some((e) => e.printer.problems.includes('printer.offline')));
    const from = vp.jobs().length;
    await cashSale(first.reg, 'restart');
    await until('the receipt waits', () => first.reg.db.prepare("SELECT 1 FROM print_jobs WHERE last_error = 'printer.offline'").get());

    const second = first.reg.reopen();
    registers.push(second);
    expect(jobStates(second)).toEqual([{ kind: 'receipt', state: 'queued', copy_no: 0 }]);
    vp.setStatus('ok');
    await until('printed by the reopened register', () => allPrinted(second, 1));
    await vp.waitForJobs(from + 1);
    await afterPolls();
    expect(commandsNamed(printedSince(from), 'GS V')).toHaveLength(1);
  });

  it('printer error: the drawer cannot open, the banner tells the cashier, and the kick goes out once the printer is fixed', async () => {
    const { reg, events } = await printingRegister('tcp');
    vp.setStatus('error');
    await until('error reported', () => events.some((e) => e.printer.problems.includes('printer.error')));
    const pulses = vp.drawerPulses().length;
    await cashSale(reg, 'drawer-error');
    await until('the cashier is told', () => events.at(-1)?.printer.problems[0] === 'printer.drawer_not_opened');
    expect((await reg.must('hardware.status', {})).printer).toMatchObject({ state: 'error', problems: ['printer.drawer_not_opened', 'printer.error'] });
    expect(reg.db.prepare("SELECT state, last_error FROM print_jobs WHERE kind = 'drawer'").get()).toEqual({ state: 'queued', last_error: 'printer.error' });
    expect(vp.drawerPulses()).toHaveLength(pulses);

    vp.setStatus('ok');
    const [pulse] = (await vp.waitForPulses(pulses + 1)).slice(pulses);
    expect(pulse).toMatchObject({ command: 'ESC p', whilePrintingStopped: false });
    await until('both printed', () => allPrinted(reg, 2));
    await until('notice cleared', () => events.at(-1)?.printer.problems.length === 0);
  });

  it('printer unreachable: the drawer cannot open and the banner says so ahead of the reason', async () => {
    const { reg, staff, events } = await printingRegister('tcp');
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    const saved = await reg.must('printer.getConfig', {});
    await reg.must('printer.setConfig', { ...saved, transport: { kind: 'tcp', host: '127.0.0.1', port: 1, connectTimeoutMs: 500 } });
    await reg.must('session.login', { operatorId: staff.cashierId, pin: CASHIER_PIN });
    await cashSale(reg, 'drawer-unreachable');
    await until('the cashier is told', () => events.at(-1)?.printer.problems.includes('printer.drawer_not_opened'));
    const { printer } = await reg.must('hardware.status', {});
    expect(printer.state).toBe('error');
    expect(printer.problems[0]).toBe('printer.drawer_not_opened');
    // Then why: the failed send's reason and/or what the status poll found (no printer there).
    const reasons = printer.problems.slice(1);
    expect(reasons.length).toBeGreaterThan(0);
    for (const r of reasons) expect(['printer.connection_refused', 'printer.no_answer']).toContain(r);
  });

  it('garbage bytes from the printer crash nothing and fake no status', async () => {
    const { reg, events } = await printingRegister('tcp', { drawerOnCash: false });
    vp.setStatus({ garbage: true });
    vp.inject(Buffer.from([0x00, 0xff, 0x13, 0x81, 0x6c, 0xed]));
    const from = vp.jobs().length;
    await cashSale(reg, 'garbage');
    await until('printed', () => allPrinted(reg, 1));
    await vp.waitForJobs(from + 1);
    vp.setStatus({ coverOpen: true });
    await until('cover open read through the noise', () => events.at(-1)?.printer.problems.includes('printer.cover_open'));
    expect((await reg.must('hardware.status', {})).printer.state).toBe('error');
  });

  it('a reprint is a new job marked DUPLICATE with its copy number, journalled and counted', async () => {
    const { reg } = await printingRegister('tcp', { drawerOnCash: true });
    const done = await cashSale(reg, 'reprint');
    await until('original printed', () => allPrinted(reg, 2));
    const from = vp.jobs().length;
    const job = await reg.must('receipt.reprint', { saleId: done.sale.id });
    expect(job).toMatchObject({ kind: 'receipt', copyNo: 1, receiptNo: 1 });
    await until('duplicate printed', () => allPrinted(reg, 3));
    const t = await until('paper', () => (vp.jobs().length > from ? printedSince(from) : null));
    expect(t.lines).toEqual(expectedLines(reg, done.sale.id, 1));
    expect(t.lines.some((l) => l.includes('DUPLICATE / 重印 #1'))).toBe(true);
    expect(commandsNamed(t, 'ESC p')).toHaveLength(0);

    expect((await reg.must('receipt.reprint', { saleId: done.sale.id })).copyNo).toBe(2);
    const preview = await reg.must('receipt.preview', { receiptNo: 1 });
    expect(preview).toMatchObject({ saleId: done.sale.id, reprints: 2 });
    expect(preview.svg).toContain('<svg');
    const journal = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'receipt.reprinted' ORDER BY seq").all() as { payload: string }[];
    expect(journal.map((j) => (JSON.parse(j.payload) as { data: { copyNo: number } }).data.copyNo)).toEqual([1, 2]);
  });

  it('"no sale" needs a supervisor and a reason, is journalled and kicks the drawer', async () => {
    const { reg, staff } = await printingRegister('tcp');
    expect(await reg.call('drawer.open', { reason: 'change for the float' })).toMatchObject({ ok: false, error: { code: 'drawer.needs_supervisor' } });
    expect(await reg.call('drawer.open', { reason: '  ' })).toMatchObject({ ok: false, error: { code: 'request.invalid_input' } });
    expect(await reg.call('drawer.open', { reason: 'float', approval: { operatorId: staff.cashierId, pin: CASHIER_PIN } })).toMatchObject({
      ok: false,
      error: { code: 'sale.approver_invalid' },
    });
    const from = vp.jobs().length;
    const job = await reg.must('drawer.open', { reason: 'change for the float', approval: { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN } });
    expect(job).toMatchObject({ kind: 'drawer', reason: 'change for the float', saleId: null });
    await until('kick sent', () => allPrinted(reg, 1));
    await vp.waitForJobs(from + 1);
    expect(commandsNamed(printedSince(from), 'ESC p')).toHaveLength(1);
    expect(commandsNamed(printedSince(from), 'GS V')).toHaveLength(0);
    const entry = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'drawer.opened'").get() as { payload: string };
    expect((JSON.parse(entry.payload) as { data: unknown }).data).toMatchObject({
      reason: 'change for the float',
      operatorId: staff.cashierId,
      approverId: staff.supervisorId,
    });
    // A supervisor opens it on their own authority.
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    expect((await reg.must('drawer.open', { reason: 'count' })).kind).toBe('drawer');
  });

  it('supervisors list, cancel and retry waiting jobs; a printed job cannot be retried', async () => {
    const { reg, staff } = await printingRegister('tcp', { drawerOnCash: false });
    vp.setStatus('cover_open');
    await cashSale(reg, 'queue');
    expect(await reg.call('printer.jobs', {})).toMatchObject({ ok: false, error: { code: 'session.forbidden' } });
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    const [job] = await reg.must('printer.jobs', {});
    expect(job).toMatchObject({ kind: 'receipt', state: 'queued', receiptNo: 1 });
    expect((await reg.must('printer.cancelJob', { jobId: job!.id })).state).toBe('cancelled');
    vp.setStatus('ok');
    await afterPolls();
    expect(jobStates(reg)[0]!.state).toBe('cancelled');
    await reg.must('printer.retryJob', { jobId: job!.id });
    await until('printed after retry', () => allPrinted(reg, 1));
    expect(await reg.call('printer.retryJob', { jobId: job!.id })).toMatchObject({ ok: false, error: { code: 'printer.job_not_retryable' } });
    const kinds = (reg.db.prepare("SELECT kind FROM journal WHERE kind LIKE 'print.%' ORDER BY seq").all() as { kind: string }[]).map((r) => r.kind);
    expect(kinds).toEqual(['print.job_cancelled', 'print.job_retried']);
  });

  it('the test page prints, or names the reason it could not', async () => {
    const { reg, staff } = await printingRegister('tcp');
    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    const from = vp.jobs().length;
    expect((await reg.must('printer.testPage', {})).bytes).toBeGreaterThan(100);
    await vp.waitForJobs(from + 1);
    vp.setStatus('paper_out');
    expect(await reg.call('printer.testPage', {})).toMatchObject({ ok: false, error: { code: 'printer.paper_out' } });
    // Trying an unsaved connection is setting the printer up: the owner's.
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    expect(await reg.call('printer.testPage', { transport: { kind: 'tcp', host: '127.0.0.1', port: 1, connectTimeoutMs: 500 } })).toMatchObject({
      ok: false,
      error: { code: 'printer.connection_refused' },
    });
  });

  it("the terminal's receipt lines setting defaults to none, older saved settings read as none, and a change is journalled", async () => {
    const { reg, staff } = await printingRegister('tcp');
    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    const saved = await reg.must('printer.getConfig', {});
    expect(saved.terminalReceiptLines).toBe('none');
    // A config saved before the setting existed has no such key.
    const { terminalReceiptLines: _omit, ...older } = saved;
    reg.db.prepare("UPDATE settings SET value = ? WHERE key = 'printer.config'").run(JSON.stringify(older));
    expect((await reg.must('printer.getConfig', {})).terminalReceiptLines).toBe('none');
    expect((await reg.must('printer.setConfig', { ...saved, terminalReceiptLines: 'merchant' })).terminalReceiptLines).toBe('merchant');
    expect(await reg.call('printer.setConfig', { ...saved, terminalReceiptLines: 'everywhere' } as never)).toMatchObject({
      ok: false,
      error: { code: 'request.invalid_input' },
    });
    const last = reg.db.prepare("SELECT payload FROM journal WHERE kind = 'printer.config_changed' ORDER BY seq DESC LIMIT 1").get() as { payload: string };
    expect((JSON.parse(last.payload) as { data: unknown }).data).toMatchObject({
      operatorId: staff.ownerId,
      from: { terminalReceiptLines: 'none' },
      to: { terminalReceiptLines: 'merchant' },
    });
  });

  it('a disabled printer queues nothing and the sale still completes', async () => {
    const reg = makeRegister({ printer: fast });
    registers.push(reg);
    await withStaff(reg);
    const done = await cashSale(reg, 'disabled');
    expect(done.receiptNo).toBe(1);
    expect(jobStates(reg)).toEqual([]);
    expect((await reg.must('hardware.status', {})).printer.state).toBe('disabled');
    expect(await reg.call('receipt.reprint', { saleId: done.sale.id })).toMatchObject({ ok: false, error: { code: 'printer.disabled' } });
  });
});
