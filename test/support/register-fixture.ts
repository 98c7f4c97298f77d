import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CallInput, CallName, CallResult } from '../../preload/contract';
import type { Result } from '../../preload/contract/result';
import { openRegister, type Register, type RegisterOptions, ledgerPathIn } from '../../main/register';
import type { Logger } from '../../main/log';
import { openLedger } from '../../main/ledger/database';
import { RESTORE_INTENT_FILE } from '../../main/backup/restore-intent';
import { MIGRATED_LEDGER_ENV } from './vitest-global-setup';

export const OWNER_PIN = '2580';
export const CASHIER_PIN = '1357';
export const SUPERVISOR_PIN = '9753';

/** Collects what the register logs, so tests can assert that internals never leak to the window. */
export function memoryLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  return {
    lines,
    info: (m) => lines.push(m),
    error: (m, e) => lines.push(`${m} ${e instanceof Error ? (e.stack ?? e.message) : e === undefined ? '' : JSON.stringify(e)}`),
  };
}

export interface TestRegister extends Register {
  dir: string;
  file: string;
  log: ReturnType<typeof memoryLogger>;
  call<N extends CallName>(name: N, input: CallInput<N>): Promise<Result<CallResult<N>>>;
  /** Calls and fails the test if the call was refused. */
  must<N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<N>>;
  reopen(): TestRegister;
  cleanup(): void;
}

let migratedTemplate: string | null = null;

/**
 * Puts an empty ledger at the latest schema in `dir`, copied from one migrated once per run (by
 * vitest's global setup) or, outside vitest, once per process. Running the migrations, each
 * committed at FULL, is most of what opening a fresh register costs (some 150–350 ms, for each of
 * about a thousand registers the suite opens); the migrations are plain schema with no clock or
 * register in them, so the copy is the same ledger.
 * The migrations themselves are tested from old schemas (test/support/old-schema.ts) and by every
 * e2e register, which starts on an empty folder.
 */
export function placeMigratedLedger(dir: string): void {
  const file = ledgerPathIn(dir);
  // A register does not start by creating a ledger: with a restore's marker there, the ledger is the register's to settle.
  if (existsSync(file) || existsSync(join(dir, RESTORE_INTENT_FILE))) return;
  // One template for the whole run when vitest's global setup made it; bench/ and other callers
  // outside vitest migrate their own, once per process.
  if (!migratedTemplate) migratedTemplate = process.env[MIGRATED_LEDGER_ENV] ?? null;
  if (!migratedTemplate) {
    const templateDir = mkdtempSync(join(tmpdir(), 'ringup-template-'));
    migratedTemplate = ledgerPathIn(templateDir);
    // Closing checkpoints the WAL into the file and removes it: the one file is the whole ledger.
    openLedger(migratedTemplate).close();
    process.once('exit', () => rmSync(templateDir, { recursive: true, force: true }));
  }
  mkdirSync(dir, { recursive: true });
  copyFileSync(migratedTemplate, file);
}

/** A real register on a real SQLite file in a fresh temporary folder. */
export function makeRegister(
  options: {
    demo?: boolean;
    dir?: string;
    clock?: () => number;
    printer?: RegisterOptions['printer'];
    terminal?: RegisterOptions['terminal'];
    terminalAddress?: string;
    demoTerminal?: boolean;
    platform?: NodeJS.Platform;
    scanPay?: RegisterOptions['scanPay'];
    providerRefunds?: RegisterOptions['providerRefunds'];
    demoScanPay?: boolean;
    updateInstaller?: RegisterOptions['updateInstaller'];
    sync?: RegisterOptions['sync'];
  } = {},
): TestRegister {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'ringup-test-'));
  const file = ledgerPathIn(dir);
  placeMigratedLedger(dir);
  const log = memoryLogger();
  const reg = openRegister({
    ledgerFile: file,
    demo: options.demo ?? true,
    log,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.printer ? { printer: options.printer } : {}),
    // The demo's in-process card terminal only where a test asks for it: most tests need no terminal.
    demoTerminal: options.demoTerminal ?? false,
    // Likewise the demo's provider simulator: scan-to-pay tests start their own.
    demoScanPay: options.demoScanPay ?? false,
    ...(options.scanPay ? { scanPay: options.scanPay } : {}),
    ...(options.providerRefunds ? { providerRefunds: options.providerRefunds } : {}),
    ...(options.terminal ? { terminal: options.terminal } : {}),
    ...(options.terminalAddress ? { terminalAddress: options.terminalAddress } : {}),
    ...(options.platform ? { platform: options.platform } : {}),
    ...(options.updateInstaller ? { updateInstaller: options.updateInstaller } : {}),
    ...(options.sync ? { sync: options.sync } : {}),
  });
  const call = <N extends CallName>(name: N, input: CallInput<N>) => reg.dispatch(name, input) as Promise<Result<CallResult<N>>>;
  const must = async <N extends CallName>(name: N, input: CallInput<N>): Promise<CallResult<N>> => {
    const r = await call(name, input);
    if (!r.ok) throw new Error(`${name} refused: ${JSON.stringify(r.error)}`);
    return r.value;
  };
  const self: TestRegister = {
    ...reg,
    // Read through: a restore replaces the register's ledger connection and terminal.
    get db() {
      return reg.db;
    },
    get terminal() {
      return reg.terminal;
    },
    dir,
    file,
    log,
    call,
    must,
    reopen: () => {
      reg.close();
      return makeRegister({ ...options, dir });
    },
    cleanup: () => {
      reg.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return self;
}

/** The opening float every fixture shift starts with: 2 × ¥100, 4 × ¥50, 10 × ¥10, 10 × ¥1 (¥510.00). */
export const FIXTURE_FLOAT = [
  { denominationMinor: 10000, count: 2 },
  { denominationMinor: 5000, count: 4 },
  { denominationMinor: 1000, count: 10 },
  { denominationMinor: 100, count: 10 },
];
export const FIXTURE_FLOAT_MINOR = 51_000;

let shiftKeys = 0;

/** What the cashier does after logging in to a register without a shift: counts the float and opens one. */
export async function openShift(reg: TestRegister, counts = FIXTURE_FLOAT): Promise<number> {
  const shift = await reg.must('shift.open', {
    float: { kind: 'counted', counts },
    idempotencyKey: `fixture-shift-${process.pid}-${++shiftKeys}-${Date.now()}`,
  });
  return shift.id;
}

/**
 * Owner, a supervisor and a cashier; leaves the cashier logged in with a shift open (sales need one).
 * A register number other than R1 is set first, as the first-run wizard does: it cannot change
 * while a shift is open.
 */
export async function withStaff(
  reg: TestRegister,
  options: { registerId?: string } = {},
): Promise<{ ownerId: number; supervisorId: number; cashierId: number }> {
  const session = await reg.must('setup.createOwner', { name: 'Owner 老板', pin: OWNER_PIN });
  const ownerId = session.operator?.id ?? 0;
  if (options.registerId) await reg.must('settings.update', { registerId: options.registerId });
  const supervisor = await reg.must('operator.create', { name: 'Sue', pin: SUPERVISOR_PIN, role: 'supervisor' });
  const cashier = await reg.must('operator.create', { name: 'Cai 小蔡', pin: CASHIER_PIN, role: 'cashier' });
  await reg.must('session.login', { operatorId: cashier.id, pin: CASHIER_PIN });
  await openShift(reg);
  return { ownerId, supervisorId: supervisor.id, cashierId: cashier.id };
}

/** The kinds of the register's journal entries, in order. */
export function journalKinds(reg: TestRegister): string[] {
  return (reg.db.prepare('SELECT kind FROM journal ORDER BY seq').all() as { kind: string }[]).map((r) => r.kind);
}
