// The register prints through its durable queue to the virtual printer over a real TCP socket and
// a real pseudo-terminal (socat): sales and the drawer, paper out before and during a job, a
// restart with the printer offline, an unreachable printer and garbage on the line (a drawer kick
// that cannot go out in time: printing-drawer-late.test.ts).
import { describe, expect, it } from 'vitest';
import { createTransport, type PrinterTransport, type TransportConfig } from '../../main/hardware/printer';
import { commandsNamed } from '../support/escpos-tokenizer';
import { CASHIER_PIN, OWNER_PIN } from '../support/register-fixture';
import { until } from '../support/until';
import { vp, registers, afterPolls, printingRegister, cashSale, jobStates, allPrinted, printedSince, expectedLines } from '../support/printing-rig';
import { usePrintingRig } from '../support/printing-rig';

usePrintingRig();

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
});
