import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeRegister, OWNER_PIN, SUPERVISOR_PIN, withStaff, type TestRegister } from '../support/register-fixture';

// printer.testPage used to take any connection from the caller: a supervisor, who may not change
// printer settings, could append bytes to any writable file or probe TCP ports through it.

const open: TestRegister[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.cleanup();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('printer.testPage', () => {
  it('prints a supervisor test page only to the saved printer; an unsaved connection is the owner’s', async () => {
    const reg = makeRegister();
    open.push(reg);
    const staff = await withStaff(reg);
    const dir = mkdtempSync(join(tmpdir(), 'ringup-testpage-'));
    dirs.push(dir);
    const target = join(dir, 'not-a-printer.bin');

    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    const { profile } = await reg.must('printer.getConfig', {});

    await reg.must('session.login', { operatorId: staff.supervisorId, pin: SUPERVISOR_PIN });
    const refused = await reg.call('printer.testPage', { transport: { kind: 'file', path: target } });
    expect(refused).toEqual({ ok: false, error: { code: 'session.forbidden', params: { needs: 'owner' } } });
    const profileOnly = await reg.call('printer.testPage', { profile });
    expect(profileOnly).toMatchObject({ ok: false, error: { code: 'session.forbidden' } });
    expect(existsSync(target)).toBe(false);
    // No printer saved: the supervisor's test page has nowhere to go.
    expect(await reg.call('printer.testPage', {})).toMatchObject({ ok: false, error: { code: 'printer.disabled' } });

    await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
    const page = await reg.must('printer.testPage', { transport: { kind: 'file', path: target } });
    expect(page.bytes).toBeGreaterThan(100);
    expect(existsSync(target)).toBe(true);
  });
});
