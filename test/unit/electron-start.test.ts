import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

// `npm start` runs scripts/start-electron.cjs. It is exercised in a throw-away tree with a fake
// electron package, so these tests never try to download anything.

const script = join(__dirname, '..', '..', 'scripts', 'start-electron.cjs');
const trees: string[] = [];

function tree(options: { built?: boolean; electron?: 'binary' | 'throws' | 'none'; sqlite?: 'downloads' | 'fails' }): string {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-start-'));
  trees.push(dir);
  mkdirSync(join(dir, 'scripts'));
  copyFileSync(script, join(dir, 'scripts', 'start-electron.cjs'));
  if (options.built ?? true) {
    mkdirSync(join(dir, 'out', 'main'), { recursive: true });
    writeFileSync(join(dir, 'out', 'main', 'index.js'), '');
  }
  const pkg = join(dir, 'node_modules', 'electron');
  if (options.electron !== 'none') {
    mkdirSync(join(pkg, 'dist'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'electron', version: '45.5.0', main: 'index.js' }));
  }
  // better-sqlite3 and a stand-in for its prebuild-install, which fetches the Electron build.
  const sqlite = join(dir, 'node_modules', 'better-sqlite3');
  mkdirSync(sqlite, { recursive: true });
  writeFileSync(join(sqlite, 'package.json'), JSON.stringify({ name: 'better-sqlite3', version: '12.0.0' }));
  const prebuild = join(dir, 'node_modules', 'prebuild-install');
  mkdirSync(prebuild, { recursive: true });
  writeFileSync(join(prebuild, 'package.json'), JSON.stringify({ name: 'prebuild-install', version: '7.0.0' }));
  writeFileSync(
    join(prebuild, 'bin.js'),
    (options.sqlite ?? 'downloads') === 'downloads'
      ? "const fs = require('fs'); fs.mkdirSync('build/Release', { recursive: true }); fs.writeFileSync('build/Release/better_sqlite3.node', ''); fs.writeFileSync('argv.json', JSON.stringify(process.argv.slice(2)));\n"
      : "console.error('prebuild-install warn install getaddrinfo ENOTFOUND github.com'); process.exit(1);\n",
  );
  if (options.electron === 'binary') {
    writeFileSync(join(pkg, 'path.txt'), 'electron');
    writeFileSync(
      join(pkg, 'dist', 'electron'),
      '#!/bin/sh\necho "ARGS:$*"\necho "CWD:$(pwd)"\necho "RUN_AS_NODE:${ELECTRON_RUN_AS_NODE:-unset}"\necho "SQLITE:${RINGUP_DEV_SQLITE_ADDON}"\nexit 7\n',
    );
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
    const run = start(dir, ['--demo', '--data-dir', '/tmp/x'], { ELECTRON_RUN_AS_NODE: '1' });
    expect(run.stdout).toContain('ARGS:. --demo --data-dir /tmp/x');
    expect(run.stdout).toContain(`CWD:${dir}`);
    expect(run.stdout).toContain('RUN_AS_NODE:unset');
    expect(run.status).toBe(7);
  });

  it('fetches better-sqlite3 built for Electron once, and hands it to the shell', () => {
    const dir = tree({ electron: 'binary' });
    const cache = join(dir, 'node_modules', '.cache', 'ringup-electron-sqlite', `12.0.0-electron-45.5.0-${process.platform}-${process.arch}`);
    const first = start(dir);
    expect(first.stdout).toContain('fetching better-sqlite3 12.0.0 built for Electron 45.5.0');
    expect(first.stdout).toContain(`SQLITE:${join(cache, 'build', 'Release', 'better_sqlite3.node')}`);
    expect(JSON.parse(readFileSync(join(cache, 'argv.json'), 'utf8'))).toEqual([
      '--runtime',
      'electron',
      '--target',
      '45.5.0',
      '--arch',
      process.arch,
      '--platform',
      process.platform,
    ]);
    const second = start(dir);
    expect(second.stdout).not.toContain('fetching better-sqlite3');
    expect(second.stdout).toContain(`SQLITE:${join(cache, 'build', 'Release', 'better_sqlite3.node')}`);
  });

  it('says to use npm run web when the Electron build of better-sqlite3 cannot be fetched', () => {
    const run = start(tree({ electron: 'binary', sqlite: 'fails' }));
    expect(run.status).toBe(1);
    expect(run.stdout).not.toContain('ARGS:');
    expect(run.stderr).toContain('could not fetch better-sqlite3 built for Electron 45.5.0 (prebuild-install warn install getaddrinfo ENOTFOUND github.com)');
    expect(run.stderr).toContain('npm run web');
  });

  it('says to use npm run web when the Electron binary cannot be fetched', () => {
    const run = start(tree({ electron: 'throws' }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('fetching Electron failed (TypeError: fetch failed)');
    expect(run.stderr).toContain('npm run web');
    expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('says to use npm run web when electron is not installed at all', () => {
    const run = start(tree({ electron: 'none' }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('the electron package is not installed');
    expect(run.stderr).toContain('npm run web');
  });

  it('refuses to start an unbuilt app', () => {
    const run = start(tree({ built: false, electron: 'binary' }));
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('out/main/index.js is missing');
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH and reports when it is wrong', () => {
    const dir = tree({ electron: 'throws' });
    const run = start(dir, [], { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'nowhere') });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('ELECTRON_OVERRIDE_DIST_PATH has no Electron binary');
  });
});
