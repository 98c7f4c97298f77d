// Faults of the backup: the target folder removed mid-export, a full disk, no write permission,
// the exporting process killed with SIGKILL, and bundles damaged after the fact (a flipped byte in
// each kind of file, a truncated zip, a manifest whose head does not match, an edited CSV row).
// A bundle under its final name is always complete, the ledger is never touched, and the verifier
// names the first problem.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupFailure } from '../../main/backup/backup-failure';
import { exportBundle } from '../../main/backup/export-bundle';
import { verifyBundle } from '../../main/backup/verify-bundle';
import { openZip } from '../../main/backup/zip-reader';
import { verifyJournal } from '../../main/ledger/journal';
import { openLedger } from '../../main/ledger/database';
import { readBundle, repack, ringUpSales } from '../support/backup-fixture';
import { makeRegister, OWNER_PIN, type TestRegister } from '../support/register-fixture';

const CHILD = join(__dirname, '../support/backup-export-child.ts');
let reg: TestRegister;
let root: string;
let good: string;

function ledgerFingerprint(file: string): { bytes: string; journal: unknown } {
  const db = openLedger(file);
  try {
    return { bytes: createHash('sha256').update(readFileSync(file)).digest('hex'), journal: verifyJournal(db) };
  } finally {
    db.close();
  }
}

function dir(name: string): string {
  const d = join(root, name);
  spawnSync('mkdir', ['-p', d]);
  return d;
}

function runChild(
  folder: string,
  opts: { prefix?: string[]; uid?: number; killAt?: string } = {},
): Promise<{ lines: string[]; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    const work = dir(`work-${Math.random().toString(36).slice(2)}`);
    chmodSync(work, 0o777);
    const node = [process.execPath, '--import', 'tsx', CHILD, reg.file, work, folder];
    const [cmd, ...args] = [...(opts.prefix ?? []), ...node] as [string, ...string[]];
    const child = spawn(cmd, args, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, HOME: tmpdir() },
      ...(opts.uid !== undefined ? { uid: opts.uid, gid: opts.uid } : {}),
    });
    let out = '';
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (opts.killAt && out.includes(`progress ${opts.killAt}\n`)) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      if (!out.includes('left ') && signal === null) throw new Error(`child failed: ${err}`);
      resolve({ lines: out.trim().split('\n'), signal });
    });
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ringup-backup-faults-'));
  chmodSync(root, 0o755);
  reg = makeRegister();
  const target = dir('good');
  await reg.must('setup.createOwner', { name: 'Owner', pin: OWNER_PIN });
  // Enough rows that every step of an export takes a moment (and a bundle outgrows a small disk).
  await ringUpSales(reg, 400, '收银备注 note');
  reg.close();
  chmodSync(reg.dir, 0o755);
  for (const f of readdirSync(reg.dir)) chmodSync(join(reg.dir, f), 0o644);
  good = (
    await exportBundle({ ledgerFile: reg.file, workDir: join(root, 'work'), folder: target, range: { afterSeq: 0 }, now: Date.now(), appVersion: 'test' })
  ).file;
}, 120_000);

afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(reg.dir, { recursive: true, force: true });
});

describe('faults while exporting', () => {
  it('target folder removed mid-export: folder_missing, nothing left, ledger untouched', async () => {
    const before = ledgerFingerprint(reg.file);
    const target = dir('vanishing');
    let removed = false;
    const attempt = exportBundle(
      { ledgerFile: reg.file, workDir: join(root, 'work'), folder: target, range: { afterSeq: 0 }, now: Date.now(), appVersion: 'test' },
      (step, f) => {
        // Half way through the CSV, as a USB stick pulled out of the till would.
        if (step === 'tables' && f > 0.4 && !removed) {
          removed = true;
          rmSync(target, { recursive: true, force: true });
        }
      },
    );
    await expect(attempt).rejects.toMatchObject({ code: 'backup.folder_missing' });
    expect(removed).toBe(true);
    expect(ledgerFingerprint(reg.file)).toEqual(before);
  });

  it('disk full on the target (a 64 KiB tmpfs): disk_full, no partial bundle left', async () => {
    const target = dir('full');
    // A private mount namespace: the small tmpfs exists only for the child, and goes with it.
    const { lines } = await runChild(target, { prefix: ['unshare', '-rm', 'sh', '-c', `mount -t tmpfs -o size=64k tmpfs "${target}" && exec "$@"`, 'sh'] });
    expect(lines).toContain('failed backup.disk_full');
    expect(lines[lines.length - 1]).toBe('left []');
  });

  it('permission denied on the target: permission_denied', async () => {
    const target = dir('locked');
    chmodSync(target, 0o555);
    const asRoot = process.getuid?.() === 0;
    // Root may write anywhere, so the exporter runs as nobody there.
    const { lines } = await runChild(target, asRoot ? { uid: 65534 } : {});
    expect(lines).toContain('failed backup.permission_denied');
    expect(readdirSync(target)).toEqual([]);
  });

  it('kill -9 during an export: no bundle under its final name, the ledger untouched, the next export clears the partial', async () => {
    const before = ledgerFingerprint(reg.file);
    const target = dir('killed');
    const { signal, lines } = await runChild(target, { killAt: 'tables' });
    expect(signal).toBe('SIGKILL');
    expect(lines.some((l) => l.startsWith('done'))).toBe(false);
    expect(readdirSync(target).filter((n) => n.endsWith('.zip'))).toEqual([]);
    expect(ledgerFingerprint(reg.file)).toEqual(before);
    const after = await runChild(target);
    expect(after.lines.find((l) => l.startsWith('done'))).toBeDefined();
    expect(readdirSync(target).filter((n) => n.endsWith('.partial'))).toEqual([]);
    expect(readdirSync(target).filter((n) => n.endsWith('.zip'))).toHaveLength(1);
  });
});

/** Offset of an entry's (compressed) data in the zip file. */
async function dataSpan(file: string, name: string): Promise<{ start: number; length: number }> {
  const zip = await openZip(file);
  const entry = zip.entries.find((e) => e.fileName === name);
  zip.close();
  if (!entry) throw new Error(`no ${name}`);
  const bytes = readFileSync(file);
  const local = entry.relativeOffsetOfLocalHeader;
  const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
  return { start, length: entry.compressedSize };
}

// Small bundles are checked on one thread and large ones on two (a helper takes half): both ways
// must name the same first problem.
for (const [threads, helperFromBytes] of [
  ['one thread', Number.POSITIVE_INFINITY],
  ['two threads', 0],
] as const) {
  describe(`damaged bundles, checked on ${threads}: the verifier names the first problem`, () => {
    const check = (file: string) => verifyBundle(file, { level: 'full', workDir: join(root, 'work'), helperFromBytes });

    it('verifies the good bundle', async () => {
      expect(await check(good)).toMatchObject({ ok: true, problem: null });
    });

    it("keeps the checked snapshot for a restore: the bundle's ledger.sqlite, byte for byte", async () => {
      const kept = join(root, `kept-${helperFromBytes}.sqlite`);
      const report = await verifyBundle(good, { level: 'full', workDir: join(root, 'work'), helperFromBytes, keepSnapshotAs: kept });
      expect(report).toMatchObject({ ok: true, problem: null });
      const snapshot = (await readBundle(good)).files.get('ledger.sqlite') ?? Buffer.alloc(0);
      expect(readFileSync(kept).equals(snapshot)).toBe(true);
      expect(readdirSync(join(root, 'work'))).toEqual([]);
    });

    for (const name of ['ledger.sqlite', 'documents.csv', 'document_lines.json', 'journal.csv', 'payments.json', 'manifest.json']) {
      it(`one flipped byte in ${name}`, async () => {
        const copy = join(root, `flip-${name}.zip`);
        const bytes = readFileSync(good);
        const span = await dataSpan(good, name);
        const at = span.start + Math.floor(span.length / 2);
        bytes[at] = (bytes[at] ?? 0) ^ 0x01;
        writeFileSync(copy, bytes);
        const report = await check(copy);
        expect(report.ok).toBe(false);
        expect(report.problem?.file, JSON.stringify(report.problem)).toBe(name);
      });
    }

    // A full verification checks the CSV files on one thread and most JSON files on another: the
    // problem named is still the one met first in the zip's order, whichever thread found it.
    for (const [names, first] of [
      [['documents.json', 'payments.csv'], 'documents.json'],
      [['document_lines.csv', 'payments.json'], 'document_lines.csv'],
    ] as const) {
      it(`flipped bytes in ${names.join(' and ')}: names ${first}, the first in the zip`, async () => {
        const copy = join(root, `flip-${names.join('-')}.zip`);
        const bytes = readFileSync(good);
        for (const name of names) {
          const span = await dataSpan(good, name);
          const at = span.start + Math.floor(span.length / 2);
          bytes[at] = (bytes[at] ?? 0) ^ 0x01;
        }
        writeFileSync(copy, bytes);
        expect((await check(copy)).problem?.file).toBe(first);
      });
    }

    it("a manifest whose head does not match and a damaged CSV: the snapshot's problem comes first", async () => {
      const copy = join(root, 'head-and-csv.zip');
      await repack(good, copy, (files) => {
        const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as { journal: { headHash: string } };
        manifest.journal.headHash = 'f'.repeat(64);
        files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
        const csv = Buffer.from(files.get('documents.csv') ?? Buffer.alloc(0));
        const at = Math.floor(csv.length / 2);
        csv[at] = (csv[at] ?? 0) ^ 0x01;
        files.set('documents.csv', csv);
      });
      expect((await check(copy)).problem).toMatchObject({ code: 'head_mismatch', file: 'ledger.sqlite' });
    });

    it('a truncated zip', async () => {
      const copy = join(root, 'truncated.zip');
      writeFileSync(copy, readFileSync(good));
      truncateSync(copy, Math.floor(readFileSync(good).length * 0.7));
      expect((await check(copy)).problem).toMatchObject({ code: 'zip_unreadable' });
    });

    it("a manifest whose head does not match the snapshot's chain", async () => {
      const copy = join(root, 'head.zip');
      let toSeq = 0;
      await repack(good, copy, (files) => {
        const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as { journal: { headHash: string; toSeq: number } };
        manifest.journal.headHash = 'f'.repeat(64);
        toSeq = manifest.journal.toSeq;
        files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
      });
      expect((await check(copy)).problem).toMatchObject({ code: 'head_mismatch', file: 'ledger.sqlite', seq: toSeq });
    });

    it('an edited CSV row whose hash was updated in the manifest: names the row', async () => {
      const copy = join(root, 'row.zip');
      await repack(good, copy, (files) => {
        const lines = (files.get('document_lines.csv') ?? Buffer.alloc(0)).toString('utf8').split('\r\n');
        lines[7] = (lines[7] ?? '').replace(/,1000,/, ',2000,');
        const csv = Buffer.from(lines.join('\r\n'));
        files.set('document_lines.csv', csv);
        const manifest = JSON.parse(files.get('manifest.json')?.toString('utf8') ?? '{}') as { files: { name: string; size: number; sha256: string }[] };
        const entry = manifest.files.find((f) => f.name === 'document_lines.csv');
        if (entry) Object.assign(entry, { size: csv.length, sha256: createHash('sha256').update(csv).digest('hex') });
        files.set('manifest.json', Buffer.from(JSON.stringify(manifest)));
      });
      expect((await check(copy)).problem).toMatchObject({ code: 'rows_differ', file: 'document_lines.csv', row: 7, detail: 'qty_milli' });
    });

    it('a file added to the zip that the manifest does not list', async () => {
      const copy = join(root, 'extra.zip');
      await repack(good, copy, (files, names) => {
        files.set('notes.txt', Buffer.from('hello'));
        names.splice(names.length - 1, 0, 'notes.txt');
      });
      expect((await check(copy)).problem).toMatchObject({ code: 'unexpected_file', file: 'notes.txt' });
    });

    it('refuses a path that is not a bundle with its own code', async () => {
      await expect(check(join(root, 'nothing.zip'))).rejects.toBeInstanceOf(BackupFailure);
      const bundle = await readBundle(good);
      expect(bundle.names[bundle.names.length - 1]).toBe('manifest.json');
    });
  });
}
