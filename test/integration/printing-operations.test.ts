// What supervisors and owners do with the printer through the register, on the virtual printer:
// reprints, "no sale", the list of waiting jobs, the test page, settings, a disabled printer.
import { describe, expect, it } from 'vitest';
import { commandsNamed } from '../support/escpos-tokenizer';
import { CASHIER_PIN, makeRegister, OWNER_PIN, SUPERVISOR_PIN, withStaff } from '../support/register-fixture';
import { until } from '../support/until';
import { fast, vp, registers, afterPolls, printingRegister, cashSale, jobStates, allPrinted, printedSince, expectedLines } from '../support/printing-rig';
import { usePrintingRig } from '../support/printing-rig';

usePrintingRig();

describe('the print queue through the register (TCP)', () => {
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
