// The hardware self-check reports each injected fault in its own words: the virtual printer out
// of paper, a card terminal that accepts the connection and never answers, a scanner that has not
// read the test code, and the ledger on a small file system (tmpfs) with little room left.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmdirSync } from 'node:fs';
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
