// docs/backup-format.md promises that anyone can check a bundle with sqlite3 and sha256sum alone.
// This runs the procedure printed there, as it is printed, with only those tools (and bash), on a
// real bundle and on bundles changed the ways the procedure must catch.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repack, ringUpSales } from '../support/backup-fixture';
import { makeRegister, OWNER_PIN, type TestRegister } from '../support/register-fixture';

const doc = readFileSync(resolve(__dirname, '../../docs/backup-format.md'), 'utf8');
const procedure = /```sh\n(# ringup-verify[\s\S]*?)```/.exec(doc)?.[1] ?? '';

let reg: TestRegister;
let root: string;
let good: string;

function runProcedure(bundle: string): { code: number; out: string } {
  const work = mkdtempSync(join(root, 'check-'));
  const inner = join(work, 'bundle');
  mkdirSync(inner);
  // Only bash, sqlite3, sha256sum and coreutils on the PATH the procedure sees.
  const run = spawnSync('bash', ['-c', procedure], { cwd: inner, env: { BUNDLE: bundle, PATH: '/usr/bin:/bin' }, encoding: 'utf8' });
  return { code: run.status ?? -1, out: `${run.stdout}${run.stderr}` };
}

/** Re-packs the bundle with ledger.sqlite changed by `edit`, and the manifest's hash of it updated. */
async function withEditedSnapshot(name: string, edit: (db: Database.Database) => void): Promise<string> {
  const out = join(root, name);
  await repack(good, out, (files) => {
    const file = join(root, `${name}.sqlite`);
    writeFileSync(file, files.get('ledger.sqlite') ?? Buffer.alloc(0));
    const db = new Database(file);
    edit(db);
    db.close();
    const bytes = readFileSync(file);
    files.set('ledger.sqlite', bytes);
    const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as { files: { name: string; size: number; sha256: string }[] };
    Object.assign(manifest.files.find((f) => f.name === 'ledger.sqlite') ?? {}, {
      size: bytes.length,
      sha256: createHash('sha256').update(bytes).digest('hex'),
    });
    files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
  });
  return out;
}

beforeAll(async () => {
  expect(procedure).toContain('sha256sum');
  root = mkdtempSync(join(tmpdir(), 'ringup-backup-tools-'));
  reg = makeRegister();
  const target = join(root, 'target');
  mkdirSync(target);
  await reg.must('setup.createOwner', { name: 'Owner', pin: OWNER_PIN });
  await reg.must('backup.setConfig', { folder: target, keep: 5 });
  await ringUpSales(reg, 6, '=1+1 含逗号, "引号"');
  // A practice sale too: its document is counted apart in the manifest (sale.training, cash.training).
  await reg.must('training.set', { target: 'register', on: true });
  await ringUpSales(reg, 1);
  await reg.must('training.set', { target: 'register', on: false });
  good = (await reg.must('backup.run', {})).file;
});

afterAll(() => {
  reg.cleanup();
  rmSync(root, { recursive: true, force: true });
});

describe('checking a bundle with sqlite3 and sha256sum only (docs/backup-format.md)', () => {
  it('uses the system tools', () => {
    expect(execFileSync('sqlite3', ['--version'], { encoding: 'utf8' })).toMatch(/^3\./);
    expect(execFileSync('sha256sum', ['--version'], { encoding: 'utf8' })).toContain('sha256sum');
  });

  it('passes a bundle the register wrote', () => {
    const { code, out } = runProcedure(good);
    expect(out).toContain('OK:');
    expect(code).toBe(0);
  });

  it('catches a changed byte in a file', async () => {
    const bad = join(root, 'csv.zip');
    await repack(good, bad, (files) => {
      const csv = files.get('payments.csv') ?? Buffer.alloc(0);
      files.set('payments.csv', Buffer.from(csv.toString('utf8').replace(',cash,', ',card,')));
    });
    const { code, out } = runProcedure(bad);
    expect(code).not.toBe(0);
    expect(out).toContain('payments.csv: FAILED');
  });

  it('catches a journal entry changed inside the snapshot even when the manifest hashes were redone', async () => {
    const bad = await withEditedSnapshot('journal.zip', (db) => {
      db.exec('DROP TRIGGER journal_no_update');
      db.exec(
        "UPDATE journal SET payload = replace(payload, '\"receiptNo\":', '\"receiptNo\":9') WHERE seq = (SELECT MIN(seq) FROM journal WHERE kind = 'sale.completed')",
      );
    });
    const seq = (() => {
      const { out } = runProcedure(bad);
      return /journal: seq (\d+) does not hash/.exec(out)?.[1];
    })();
    const first = reg.db.prepare("SELECT MIN(seq) FROM journal WHERE kind = 'sale.completed'").pluck().get() as number;
    expect(seq).toBe(String(first));
  });

  it('catches day totals that disagree with the manifest', async () => {
    const bad = await withEditedSnapshot('totals.zip', (db) => {
      db.exec('DROP TRIGGER documents_immutable_update');
      db.exec('UPDATE documents SET total_minor = total_minor + 1 WHERE receipt_no = 1');
    });
    const { code, out } = runProcedure(bad);
    expect(code).not.toBe(0);
    expect(out).toContain('day totals differ');
    expect(out).toContain('ledger.sqlite');
  });
});
