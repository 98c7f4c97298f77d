import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';

// `npm start` runs scripts/start-electron.cjs. It is exercised in a throw-away tree with a fake
// electron package, so these tests never try to download anything.

const script = join(__dirname, '..', '..', 'scripts', 'start-electron.cjs');
const trees: string[] = [];

function tree(options: { built?: boolean; electron?: 'binary' | 'throws' | 'none'; sqlite?: 'loads' | 'broken' }): string {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-start-'));
  trees.push(dir);
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(script, join(dir, 'scripts', 'start-electron.cjs'));
  if (options.built ?? true) {
    for (const part of ['main', 'preload', 'renderer']) mkdirSync(join(dir, 'out', part), { recursive: true });
    writeFileSync(join(dir, 'out', 'main', 'index.js'), '');
    writeFileSync(join(dir, 'out', 'preload', 'index.js'), '');
    writeFileSync(join(dir, 'out', 'renderer', 'index.html'), '');
  }
  const pkg = join(dir, 'node_modules', 'electron');
  if (options.electron !== 'none') {
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0', main: 'index.js' }));
  }
  // A stand-in for better-sqlite3: loads like the real one, or fails like a binary for the wrong platform.
  const sqlite = join(dir, 'node_modules', 'better-sqlite3');
  mkdirSync(sqlite, { recursive: true });
  writeFileSync(join(sqlite, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '13.2.0', main: 'index.js' }));
  writeFileSync(
    join(sqlite, 'index.js'),
    (options.sqlite ?? 'loads') === 'loads'
      ? "module.exports = function Database() { return { prepare: () => ({ get: () => ({ v: '3.54.1' }) }), close() {} }; };\n"
      : "throw new Error('Cannot find module \\'../prebuilds/linux-riscv64.node\\'');\n",
  );
  if (options.electron === 'binary') {
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    writeFileSync(join(pkg, 'dist', 'electron'), '#!/bin/sh\necho "ARGS:$*"\necho "CWD:$(pwd)"\necho "RUN_AS_NODE:${ELECTRON_RUN_AS_NODE:-unset}"\nexit 7\n');
    chmodSync(join(pkg, 'dist', 'electron'), 0o755);
  }
  if (options.electron === 'throws') {
    writeFileSync(join(pkg, 'index.js'), "console.log('Downloading Electron binary...'); console.error('TypeError: fetch failed'); process.exit(1);\n");
  }
  return dir;
}

function start(dir: string, args: string[] = [], env: NodeJS.ProcessEnv = {}) {
  const cleanEnv: NodeJS.ProcessEnv = { ...process.env };
  delete cleanEnv.ELECTRON_OVERRIDE_DIST_PATH;
  Object.assign(cleanEnv, env);
  return spawnSync(process.execPath, [join(dir, 'scripts', 'start-electron.cjs'), ...args], { encoding: 'utf8', env: cleanEnv, timeout: 20_000 });
}

afterEach(() => {
  for (const dir of trees.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe.runIf(process.platform !== 'win32')('npm start (scripts/start-electron.cjs)', () => {
  it('launches Electron on the app folder with the given flags and passes its exit code on', () => {
    const dir = tree({ electron: 'binary' });
    // --no-sandbox: these tests may run as root, where the sandbox step would (rightly) refuse.
    const run = start(dir, ['--no-sandbox', '--demo', '--data-dir', '/tmp/x'], { ELECTRON_RUN_AS_NODE: '1' });
    expect(run.stdout).toContain('ARGS:. --no-sandbox --demo --data-dir /tmp/x');
    expect(run.stdout).toContain(`CWD:${dir}`);
    expect(run.stdout).toContain('RUN_AS_NODE:unset');
    expect(run.status).toBe(7);
  });

  it('names the SQLite driver step when better-sqlite3 does not load, and fetches nothing', () => {
    const run = start(tree({ electron: 'binary', sqlite: 'broken' }), ['--no-sandbox']);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('ARGS:');
    expect(run.stdout).not.toMatch(/fetching better-sqlite3/);
    expect(run.stderr).toContain('Step "SQLite driver" failed: better-sqlite3 does not load');
    expect(run.stderr).toContain("Cannot find module '../prebuilds/linux-riscv64.node'");
    expect(run.stderr).toContain('npm run web');
  });

  it('says to use npm run web when the Electron binary cannot be fetched', () => {
    const run = start(tree({ electron: 'throws' }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Step "electron binary" failed: fetching Electron failed (TypeError: fetch failed)');
    expect(run.stderr).toContain('npm run web');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('says to use npm run web when electron is not installed at all', () => {
    const run = start(tree({ electron: 'none' }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Step "electron package" failed: the electron package is not installed');
    expect(run.stderr).toContain('npm run web');
  });

  it('refuses to start an unbuilt app', () => {
    const run = start(tree({ built: false, electron: 'binary' }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Step "build" failed');
    expect(run.stderr).toMatch(/out.main.index\.js is missing/);
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH and reports when it is wrong', () => {
    const dir = tree({ electron: 'throws' });
    const run = start(dir, [], { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'nowhere') });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH has no Electron binary');
  });
});

describe('the start checks as pure functions', () => {
  const { nodeProblem, sandboxProblem } = createRequire(__filename)('../../scripts/start-electron.cjs') as {
    nodeProblem(version: string): string | null;
    sandboxProblem(probe: {
      platform: string;
      uid: number;
      sysctl(name: string): string | null;
      helper: string | null;
      stat(path: string): { uid: number; mode: number } | null;
    }): { step: string; error: string; fix: string } | null;
  };

  it('needs Node 22.12 or newer (Electron 45 and better-sqlite3 13 do)', () => {
    expect(nodeProblem('20.20.2')).toContain('Node 20.20.2 is too old');
    expect(nodeProblem('22.11.0')).toContain('too old');
    expect(nodeProblem('22.12.0')).toBeNull();
    expect(nodeProblem('24.21.0')).toBeNull();
  });

  const helper = '/opt/ringup/node_modules/electron/dist/chrome-sandbox';
  const probe = (over: Partial<Parameters<typeof sandboxProblem>[0]>) => ({
    platform: 'linux',
    uid: 1000,
    sysctl: (name: string) => (name === 'kernel/apparmor_restrict_unprivileged_userns' ? '1' : null),
    helper,
    stat: () => ({ uid: 1000, mode: 0o100755 }),
    ...over,
  });

  it('on Ubuntu 24.04 (AppArmor restricts user namespaces) names the chrome-sandbox fix with its exact path', () => {
    const problem = sandboxProblem(probe({}));
    expect(problem?.step).toBe('Chromium sandbox');
    expect(problem?.fix).toContain(`sudo chown root:root "${helper}" && sudo chmod 4755 "${helper}"`);
  });

  it('passes when the helper is root-owned and setuid, or user namespaces are allowed, or off Linux', () => {
    expect(sandboxProblem(probe({ stat: () => ({ uid: 0, mode: 0o104755 }) }))).toBeNull();
    expect(sandboxProblem(probe({ sysctl: (n: string) => (n === 'kernel/apparmor_restrict_unprivileged_userns' ? '0' : '1') }))).toBeNull();
    expect(sandboxProblem(probe({ sysctl: () => null }))).toBeNull();
    expect(sandboxProblem(probe({ platform: 'win32' }))).toBeNull();
    expect(sandboxProblem(probe({ platform: 'darwin', uid: 0 }))).toBeNull();
  });

  it('a kernel with unprivileged_userns_clone=0 needs the helper too', () => {
    expect(sandboxProblem(probe({ sysctl: (n: string) => (n === 'kernel/unprivileged_userns_clone' ? '0' : null) }))?.step).toBe('Chromium sandbox');
  });

  it('refuses root on Linux with a plain reason', () => {
    expect(sandboxProblem(probe({ uid: 0, sysctl: () => null }))?.error).toContain('as root');
  });
});
