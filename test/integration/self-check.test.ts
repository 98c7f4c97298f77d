// The hardware self-check reports each injected fault in its own words: the virtual printer out
// of paper, a card terminal that accepts the connection and never answers, a scanner that has not
// read the test code, the ledger on a small file system (tmpfs) with little room left, and a last
// backup that failed (a read-only tmpfs), as the header's backup status says.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmdirSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PrinterConfigView } from '../../preload/contract/printer';
import type { SelfCheckItem, SelfCheckView } from '../../preload/contract/views';
import { defaultPrinterProfile } from '../../main/hardware/printer';
import { VirtualPrinter } from '../../main/hardware/printer/virtual-printer';
import { SIM_SOFTWARE_VERSION } from '../../main/hardware/terminal/simulator/admin-commands';
import ui from '../../assets/locales/en/ui.json';
import uiZh from '../../assets/locales/zh-CN/ui.json';
import errorsEn from '../../assets/locales/en/errors.json';
import errorsZh from '../../assets/locales/zh-CN/errors.json';
import { createInstance } from 'i18next';
import { checkProblemText } from '../../renderer/src/screens/setup/check-problem';
import { errorMessage } from '../../renderer/src/i18n/error-message';
import { formatDateTime } from '../../renderer/src/format/date';
import { makeRegister, OWNER_PIN, withStaff, type TestRegister } from '../support/register-fixture';

let vp: VirtualPrinter;
let silent: Server;
const sockets: Socket[] = [];
beforeAll(async () => {
  vp = await VirtualPrinter.start();
  // A "terminal" that takes the connection and never says a word.
  silent = createServer((socket) => sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
  await vp.close();
});
const open: TestRegister[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.cleanup();
  vp.setStatus({ paperOut: false });
});

const fast = { pollIntervalMs: 200, statusTimeoutMs: 300, backoffMs: 100, maxBackoffMs: 400 };
const fastTerminal = { timeouts: { ackMs: 200, maxRetransmits: 1, commandAckMs: 500, masterSilenceMs: 500 }, retryMs: 200 };

async function owner(options: Parameters<typeof makeRegister>[0] = {}) {
  const reg = makeRegister({ printer: fast, terminal: fastTerminal, ...options });
  open.push(reg);
  const staff = await withStaff(reg);
  await reg.must('session.login', { operatorId: staff.ownerId, pin: OWNER_PIN });
  return reg;
}

function part(view: SelfCheckView, id: SelfCheckItem['id']): SelfCheckItem {
  const found = view.items.find((i) => i.id === id);
  if (!found) throw new Error(`no ${id} in the self-check`);
  return found;
}

/** Every problem must read as plain words with a fix, in both languages. */
function expectWorded(item: SelfCheckItem): void {
  for (const table of [ui, uiZh] as Record<string, string>[]) {
    for (const p of item.problems) {
      expect(table[`selfCheck.problem.${p.code}`], `selfCheck.problem.${p.code}`).toBeTruthy();
      expect(table[`selfCheck.fix.${p.code}`], `selfCheck.fix.${p.code}`).toBeTruthy();
    }
  }
}

describe('self-check', () => {
  it('says the printer is out of paper, and ok once paper is back', async () => {
    const reg = await owner();
    const config = {
      enabled: true,
      transport: { kind: 'tcp', host: '127.0.0.1', port: vp.port, connectTimeoutMs: 1000, writeTimeoutMs: 3000 },
      profile: defaultPrinterProfile,
      timeZone: 'Asia/Shanghai',
    } as PrinterConfigView;
    await reg.must('printer.setConfig', config);
    vp.setStatus({ paperOut: true });
    const out = part(await reg.must('selfcheck.run', {}), 'printer');
    expect(out).toMatchObject({ state: 'error', facts: { connected: true, paper: 'out', cover: 'closed' } });
    expect(out.problems.map((p) => p.code)).toContain('printer.paper_out');
    expectWorded(out);
    vp.setStatus({ paperOut: false });
    expect(part(await reg.must('selfcheck.run', {}), 'printer')).toMatchObject({ state: 'ok', problems: [], facts: { paper: 'ok' } });
  });

  it('says a printer or terminal that is not set up is off, not broken', async () => {
    const reg = await owner();
    const view = await reg.must('selfcheck.run', {});
    expect(part(view, 'printer')).toMatchObject({ state: 'off', problems: [{ code: 'printer.disabled' }] });
    expect(part(view, 'terminal')).toMatchObject({ state: 'off', problems: [{ code: 'terminal.not_configured' }] });
    expectWorded(part(view, 'printer'));
    expectWorded(part(view, 'terminal'));
    const app = part(view, 'app').facts;
    expect(typeof app.version).toBe('string');
    expect(String(app.commit)).toMatch(/^[0-9a-f]{12}$|^unknown$/);
  });

  it('says a terminal that never answers is not reachable', async () => {
    const reg = await owner();
    await reg.must('terminal.setConfig', { config: { kind: 'tcp', host: '127.0.0.1', port: (silent.address() as { port: number }).port } });
    const terminal = part(await reg.must('selfcheck.run', {}), 'terminal');
    expect(terminal.state).toBe('error');
    expect(terminal.facts).toMatchObject({ connected: false, statusEnquiry: 'not_run' });
    expect(terminal.problems).toHaveLength(1);
    expectWorded(terminal);
  });

  it('with a terminal that answers: its id and software version from the status enquiry', async () => {
    const reg = await owner({ demoTerminal: true });
    let terminal = part(await reg.must('selfcheck.run', {}), 'terminal');
    for (let i = 0; i < 100 && terminal.facts.connected !== true; i++) {
      await new Promise((r) => setTimeout(r, 50));
      terminal = part(await reg.must('selfcheck.run', {}), 'terminal');
    }
    expect(terminal).toMatchObject({ state: 'ok', problems: [], facts: { connected: true, statusEnquiry: 'ok', softwareVersion: SIM_SOFTWARE_VERSION } });
    expect(String(terminal.facts.terminalId)).toMatch(/^\d+$/);
  });

  it('asks for the test code to be scanned until the scanner reads it', async () => {
    const reg = await owner();
    const view = await reg.must('selfcheck.run', {});
    expect(part(view, 'scanner')).toMatchObject({ state: 'warning', problems: [{ code: 'scanner.not_seen' }] });
    expectWorded(part(view, 'scanner'));
    expect(await reg.call('selfcheck.scannerSeen', { code: 'RT0000000000' })).toMatchObject({ error: { code: 'selfcheck.scanner_mismatch' } });
    expect(await reg.must('selfcheck.scannerSeen', { code: view.scannerTestCode })).toMatchObject({ state: 'ok' });
    expect(part(await reg.must('selfcheck.run', {}), 'scanner').state).toBe('ok');
  });

  it('reports a ledger on a nearly full disk, with no backup yet, and its integrity', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringup-smallfs-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=16m', 'tmpfs', dir]);
    try {
      const reg = await owner({ dir });
      const database = part(await reg.must('selfcheck.run', {}), 'database');
      expect(database.state).toBe('warning');
      expect(database.facts.integrity).toBe('ok');
      expect(Number(database.facts.freeBytes)).toBeLessThan(16 * 1024 * 1024);
      expect(database.problems.map((p) => p.code)).toEqual(['database.disk_low', 'database.no_backup']);
      expectWorded(database);
      reg.close();
      open.splice(open.indexOf(reg), 1);
    } finally {
      execFileSync('umount', [dir]);
      rmdirSync(dir);
    }
  });
});

/** A problem as the self-check screen (and the start-up summary) words it, in `lng`. */
function onScreen(p: SelfCheckItem['problems'][number], lng: 'en' | 'zh-CN'): string {
  const i18n = createInstance();
  void i18n.init({
    resources: { en: { ui, errors: errorsEn }, 'zh-CN': { ui: uiZh, errors: errorsZh } },
    lng,
    ns: ['ui', 'errors'],
    defaultNS: 'ui',
    keySeparator: false,
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  const text = checkProblemText(
    p,
    i18n.t,
    (ms) => formatDateTime(ms, lng, 'Asia/Shanghai'),
    (e) => errorMessage(e, i18n.t, lng, 'CNY'),
  );
  return `${text.problem} ${text.fix}`;
}

const backupCodes = (item: SelfCheckItem) => item.problems.map((p) => p.code).filter((c) => /backup/.test(c));

describe('the self-check reads the backup status the header shows', () => {
  it('a last backup that failed on a read-only drive needs attention, with the reason and the fix; a good one after it is all good', async () => {
    const readOnly = mkdtempSync(join(tmpdir(), 'ringup-ro-target-'));
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', readOnly]);
    const good = mkdtempSync(join(tmpdir(), 'ringup-good-target-'));
    try {
      const reg = await owner();
      await reg.must('backup.setConfig', { folder: good, keep: 30 });
      const first = await reg.must('backup.run', {});
      expect(backupCodes(part(await reg.must('selfcheck.run', {}), 'database'))).toEqual([]);

      await reg.must('backup.setConfig', { folder: readOnly, keep: 30 });
      expect(await reg.call('backup.run', {})).toMatchObject({ ok: false, error: { code: 'backup.permission_denied' } });
      const status = await reg.must('backup.status', {});
      expect(status).toMatchObject({ warning: 'failed', lastGood: { file: first.file } });

      const database = part(await reg.must('selfcheck.run', {}), 'database');
      expect(database.state).toBe('warning');
      const failed = database.problems.find((p) => p.code === 'database.backup_failed');
      expect(failed?.params).toMatchObject({ failedAt: status.lastFailure?.at, failureCode: 'backup.permission_denied', folder: readOnly });
      expect(database.facts.lastBackupAt).toBe(first.at);
      expectWorded(database);
      const en = onScreen(failed as SelfCheckItem['problems'][number], 'en');
      expect(en).toMatch(new RegExp(`^The last backup failed \\(.+\\): Ringup may not write to ${readOnly}\\. .*Back office → Backup`));
      expect(en).not.toContain('{{');
      const zh = onScreen(failed as SelfCheckItem['problems'][number], 'zh-CN');
      expect(zh).toMatch(new RegExp(`^最近一次备份失败（.+）：Ringup 没有权限写入 ${readOnly}。.*管理 → 备份`));

      await reg.must('backup.setConfig', { folder: good, keep: 30 });
      const second = await reg.must('backup.run', {});
      const after = part(await reg.must('selfcheck.run', {}), 'database');
      expect(backupCodes(after)).toEqual([]);
      expect(after.facts.lastBackupAt).toBe(second.at);
    } finally {
      execFileSync('umount', [readOnly]);
      rmdirSync(readOnly);
      rmSync(good, { recursive: true, force: true });
    }
  });

  it('after a restore on a fresh machine it names the restored backup, not "no backup yet"', async () => {
    const target = mkdtempSync(join(tmpdir(), 'ringup-restore-target-'));
    try {
      const shop = await owner();
      await shop.must('backup.setConfig', { folder: target, keep: 30 });
      const { file } = await shop.must('backup.run', {});
      const fresh = makeRegister();
      open.push(fresh);
      await fresh.must('setup.restoreBackup', { file, confirm: 'RESTORE' });
      const owner0 = (await fresh.must('session.operators', {})).find((o) => o.role === 'owner');
      await fresh.must('session.login', { operatorId: owner0?.id ?? 0, pin: OWNER_PIN });
      const status = await fresh.must('backup.status', {});
      const database = part(await fresh.must('selfcheck.run', {}), 'database');
      expect(backupCodes(database)).toEqual([]);
      expect(database.facts.lastBackupAt).toBe(status.lastGood?.at);
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });

  it('a good backup over 24 hours old needs attention, as the header says "No backup for 24 h"', async () => {
    let now = Date.parse('2026-03-10T12:00:00Z');
    const target = mkdtempSync(join(tmpdir(), 'ringup-stale-target-'));
    try {
      const reg = await owner({ clock: () => now });
      await reg.must('backup.setConfig', { folder: target, keep: 30 });
      const made = await reg.must('backup.run', {});
      now += 25 * 3_600_000;
      expect((await reg.must('backup.status', {})).warning).toBe('stale');
      const database = part(await reg.must('selfcheck.run', {}), 'database');
      expect(database.state).toBe('warning');
      const stale = database.problems.find((p) => p.code === 'database.backup_old');
      expect(stale?.params).toEqual({ lastGoodAt: made.at });
      expect(onScreen(stale as SelfCheckItem['problems'][number], 'en')).toMatch(
        /^The last good backup is from .*2026.*, more than 24 hours ago\. Back office → Backup/,
      );
    } finally {
      rmSync(target, { recursive: true, force: true });
    }
  });
});
