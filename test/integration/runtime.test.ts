import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// One runtime for the tests and the product: the tests run on the Node that the `node`
// devDependency installs into node_modules/.bin (the line Electron 45 embeds), even where the
// system Node is 20; and the native modules are Node-API prebuilds that load without compiling.

const repo = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  engines: { node: string };
  devDependencies: Record<string, string>;
};
const projectNode = join(repo, 'node_modules', '.bin', process.platform === 'win32' ? 'node.cmd' : 'node');

describe('the project runtime', () => {
  it('runs this suite on the pinned Node 24, not on the system Node', () => {
    expect(pkg.devDependencies.node).toMatch(/^24\.\d+\.\d+$/);
    expect(process.versions.node).toBe(pkg.devDependencies.node);
    expect(pkg.engines.node).toBe('>=22.12');
  });

  it('opens a WAL ledger with better-sqlite3 from a child process started with the project Node', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ringup-runtime-'));
    try {
      const script = `
        const Database = require('better-sqlite3');
        const db = new Database(process.argv[1]);
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = FULL');
        db.exec('CREATE TABLE t (v INTEGER)');
        db.transaction(() => db.prepare('INSERT INTO t VALUES (?)').run(42))();
        const out = { node: process.versions.node, sqlite: db.prepare('select sqlite_version() v').get().v, mode: db.pragma('journal_mode', { simple: true }), v: db.prepare('SELECT v FROM t').get().v };
        db.close();
        process.stdout.write(JSON.stringify(out));`;
      const run = spawnSync(projectNode, ['-e', script, join(dir, 'ledger.sqlite')], { cwd: repo, encoding: 'utf8', timeout: 30_000 });
      expect(run.stderr).toBe('');
      const out = JSON.parse(run.stdout) as { node: string; sqlite: string; mode: string; v: number };
      expect(out).toMatchObject({ node: pkg.devDependencies.node, mode: 'wal', v: 42 });
      expect(out.sqlite).toMatch(/^3\.\d+\.\d+$/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loads the prebuilt native binaries (nothing was compiled at install)', () => {
    // A node-gyp build would leave build/Release; better-sqlite3 13 and serialport ship prebuilds/.
    expect(existsSync(join(repo, 'node_modules', 'better-sqlite3', 'build'))).toBe(false);
    expect(existsSync(join(repo, 'node_modules', '@serialport', 'bindings-cpp', 'build'))).toBe(false);
    const script = `
      const D = require('better-sqlite3'); new D(':memory:').close();
      require('@serialport/bindings-cpp');
      process.stdout.write(JSON.stringify(process.report.getReport().sharedObjects.filter((f) => f.endsWith('.node'))));`;
    const run = spawnSync(projectNode, ['-e', script], { cwd: repo, encoding: 'utf8', timeout: 30_000 });
    expect(run.stderr).toBe('');
    const addons = JSON.parse(run.stdout) as string[];
    expect(addons.some((f) => /better-sqlite3[\\/]prebuilds[\\/][a-z0-9-]+\.node$/.test(f))).toBe(true);
    expect(addons.some((f) => /bindings-cpp[\\/]prebuilds[\\/]/.test(f))).toBe(true);
  });
});
