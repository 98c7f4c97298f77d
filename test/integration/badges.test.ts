// Operators log in by number + PIN, or by scanning a badge printed from the back office; a badge
// is stored hashed, needs the PIN unless the owner allows badge-only for cashiers, and a lost one
// is revoked in one step.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PrinterConfigView } from '../../preload/contract/printer';
import { defaultPrinterProfile } from '../../main/hardware/printer';
import { VirtualPrinter } from '../../main/hardware/printer/virtual-printer';
import { verifyJournal } from '../../main/ledger/journal';
import { commandsNamed, tokenizeEscPos } from '../support/escpos-tokenizer';
import { CASHIER_PIN, makeRegister, OWNER_PIN, SUPERVISOR_PIN, withStaff, type TestRegister } from '../support/register-fixture';

const open: TestRegister[] = [];
let vp: VirtualPrinter;
beforeAll(async () => {
  vp = await VirtualPrinter.start();
});
afterAll(async () => {
  await vp.close();
});
afterEach(() => {
  for (const r of open.splice(0)) r.cleanup();
});

async function staffed() {
  const reg = makeRegister();
  open.push(reg);
  const staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  return { reg, ...staff };
}

function logins(reg: TestRegister): unknown[] {
  return (
    reg.db.prepare("SELECT payload FROM journal WHERE kind IN ('session.login', 'session.badge_failed') ORDER BY seq").all() as { payload: string }[]
  ).map((r) => {
    const entry = JSON.parse(r.payload) as { kind: string; data: unknown };
    return [entry.kind, entry.data];
  });
}

describe('operator number + PIN', () => {
  it('numbers operators in the order they were created and logs in by number', async () => {
    const { reg, ownerId, supervisorId, cashierId } = await staffed();
    const list = await reg.must('operator.list', {});
    expect(list.map((o) => [o.id, o.number])).toEqual(
      expect.arrayContaining([
        [ownerId, 1],
        [supervisorId, 2],
        [cashierId, 3],
      ]),
    );
    const session = await reg.must('session.loginNumber', { number: 3, pin: CASHIER_PIN });
    expect(session.operator?.id).toBe(cashierId);
    expect(await reg.call('session.loginNumber', { number: 3, pin: '8642' })).toMatchObject({
      error: { code: 'session.wrong_pin', params: { attemptsLeft: 4 } },
    });
    expect(await reg.call('session.loginNumber', { number: 42, pin: '8642' })).toMatchObject({ error: { code: 'operator.not_found' } });
    expect(logins(reg).at(-1)).toEqual(['session.login', { operatorId: cashierId, method: 'number' }]);
  });
});

/**
 * The text of ESC/POS Code 128 data (GS k, function B): "{B" and "{A" start a code set of plain
 * characters, "{C" one where each byte is a pair of digits (00-99), as the ESC/POS specification
 * writes it. A badge code with four digits in a row is printed with a stretch of code set C.
 */
function code128Text(data: string): string {
  let text = '';
  let set = 'B';
  for (let i = 0; i < data.length; i++) {
    if (data[i] === '{' && /[ABC]/.test(data[i + 1] ?? '')) {
      set = data[i + 1] ?? 'B';
      i += 1;
    } else if (set === 'C') text += String(data.charCodeAt(i)).padStart(2, '0');
    else text += data[i];
  }
  return text;
}

describe('badges', () => {
  it('a scanned badge picks its operator; the PIN is still needed; the ledger keeps only a hash', async () => {
    const { reg, supervisorId } = await staffed();
    const issued = await reg.must('operator.issueBadge', { operatorId: supervisorId, print: false });
    expect(issued.code).toMatch(/^B2-[A-Z2-9]{16}$/);
    expect(issued.operator.hasBadge).toBe(true);
    expect((await reg.must('session.operators', {})).find((o) => o.id === supervisorId)?.hasBadge).toBe(true);

    const row = reg.db.prepare('SELECT * FROM operators WHERE id = ?').get(supervisorId) as Record<string, unknown>;
    const secret = issued.code.split('-')[1] ?? '';
    expect(JSON.stringify(row, (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('latin1') : v))).not.toContain(secret);
    expect(
      reg.db
        .prepare('SELECT payload FROM journal')
        .all()
        .map((r) => (r as { payload: string }).payload)
        .join(''),
    ).not.toContain(secret);

    await reg.must('session.logout', {});
    const picked = await reg.must('session.loginBadge', { code: issued.code });
    expect(picked).toEqual({ operatorId: supervisorId, pinRequired: true, session: null });
    expect((await reg.must('session.current', {})).operator).toBeNull();
    expect(await reg.call('session.loginBadge', { code: issued.code, pin: '8642' })).toMatchObject({ error: { code: 'session.wrong_pin' } });
    // A scanner with Caps Lock on types the letters in lower case.
    const done = await reg.must('session.loginBadge', { code: issued.code.toLowerCase(), pin: SUPERVISOR_PIN });
    expect(done.session?.operator?.id).toBe(supervisorId);
    expect(logins(reg).at(-1)).toEqual(['session.login', { operatorId: supervisorId, method: 'badge_pin' }]);
  });

  it('badge-only login for cashiers when the owner allows it; supervisors still type their PIN', async () => {
    const { reg, cashierId, supervisorId } = await staffed();
    await reg.must('settings.update', { badgeOnlyForCashiers: true });
    const cashierBadge = await reg.must('operator.issueBadge', { operatorId: cashierId, print: false });
    const supervisorBadge = await reg.must('operator.issueBadge', { operatorId: supervisorId, print: false });
    await reg.must('session.logout', {});
    const cashier = await reg.must('session.loginBadge', { code: cashierBadge.code });
    expect(cashier.pinRequired).toBe(false);
    expect(cashier.session?.operator?.id).toBe(cashierId);
    expect(logins(reg).at(-1)).toEqual(['session.login', { operatorId: cashierId, method: 'badge' }]);
    await reg.must('session.logout', {});
    expect(await reg.must('session.loginBadge', { code: supervisorBadge.code })).toMatchObject({ pinRequired: true, session: null });
  });

  it('a revoked or replaced badge no longer works, and each refusal is journalled without locking anyone out', async () => {
    const { reg, cashierId, ownerId } = await staffed();
    const first = await reg.must('operator.issueBadge', { operatorId: cashierId, print: false });
    const second = await reg.must('operator.issueBadge', { operatorId: cashierId, print: false });
    expect(await reg.call('session.loginBadge', { code: first.code })).toMatchObject({ error: { code: 'session.badge_invalid' } });
    expect(await reg.must('session.loginBadge', { code: second.code })).toMatchObject({ operatorId: cashierId, pinRequired: true });

    // Lost: one call, and the badge is dead.
    const revoked = await reg.must('operator.revokeBadge', { operatorId: cashierId });
    expect(revoked.hasBadge).toBe(false);
    for (let i = 0; i < 6; i++) expect(await reg.call('session.loginBadge', { code: second.code })).toMatchObject({ error: { code: 'session.badge_invalid' } });
    expect(await reg.call('session.loginBadge', { code: 'B3-AAAAAAAAAAAAAAAA' })).toMatchObject({ error: { code: 'session.badge_invalid' } });
    expect(await reg.call('session.loginBadge', { code: 'not-a-badge' })).toMatchObject({ error: { code: 'session.badge_invalid' } });
    // Badge failures do not count towards the PIN lockout: anyone can print a barcode with a number on it.
    expect((await reg.must('session.loginNumber', { number: 3, pin: CASHIER_PIN })).operator?.id).toBe(cashierId);
    const kinds = (reg.db.prepare("SELECT kind FROM journal WHERE kind LIKE 'operator.badge%' ORDER BY seq").all() as { kind: string }[]).map((k) => k.kind);
    expect(kinds).toEqual(['operator.badge_issued', 'operator.badge_issued', 'operator.badge_revoked']);
    expect(logins(reg).filter((l) => (l as [string])[0] === 'session.badge_failed')).toHaveLength(9);
    expect(verifyJournal(reg.db).ok).toBe(true);
    expect(ownerId).toBeGreaterThan(0);
  });

  it('a cashier can neither issue nor revoke badges', async () => {
    const { reg, cashierId } = await staffed();
    await reg.must('session.login', { operatorId: cashierId, pin: CASHIER_PIN });
    expect(await reg.call('operator.issueBadge', { operatorId: cashierId, print: false })).toMatchObject({ error: { code: 'session.forbidden' } });
    expect(await reg.call('operator.revokeBadge', { operatorId: cashierId })).toMatchObject({ error: { code: 'session.forbidden' } });
  });

  it('prints the badge on the receipt printer as Code 128 and QR, or says why it could not', async () => {
    const { reg, cashierId } = await staffed();
    const unprinted = await reg.must('operator.issueBadge', { operatorId: cashierId, print: true });
    expect(unprinted).toMatchObject({ printed: false, printError: 'printer.disabled' });

    const config = {
      enabled: true,
      transport: { kind: 'tcp', host: '127.0.0.1', port: vp.port, connectTimeoutMs: 1000, writeTimeoutMs: 3000 },
      profile: { ...defaultPrinterProfile, paper: '80mm' },
      timeZone: 'Asia/Shanghai',
    } as PrinterConfigView;
    await reg.must('printer.setConfig', config);
    const from = vp.jobs().length;
    const printed = await reg.must('operator.issueBadge', { operatorId: cashierId, print: true });
    expect(printed).toMatchObject({ printed: true, printError: null });
    const jobs = await vp.waitForJobs(from + 1);
    const stream = tokenizeEscPos(jobs[from]?.bytes ?? Buffer.alloc(0));
    expect(commandsNamed(stream, 'GS k').map((c) => code128Text(c.data ?? ''))).toEqual([printed.code]);
    expect(stream.qrCodes).toEqual([printed.code]);
    expect(stream.lines.join('\n')).toContain('Cai');

    vp.setStatus({ paperOut: true });
    expect(await reg.must('operator.issueBadge', { operatorId: cashierId, print: true })).toMatchObject({ printed: false, printError: 'printer.paper_out' });
    vp.setStatus({ paperOut: false });
  });
});
