#!/usr/bin/env node
// `npm start` (after `npm run build`): launches the built app in Electron. The electron package
// fetches its binary lazily on first use; where that is impossible (offline machines, CI without
// Electron) this exits with a clear message pointing at browser mode instead of a stack trace.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { copyFileSync, existsSync, mkdirSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const root = join(__dirname, '..');
const MARKER = 'RINGUP_ELECTRON_PATH=';

/** The environment for Electron: without ELECTRON_RUN_AS_NODE, which would turn it into plain Node. */
function electronEnv() {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

function fail(reason) {
  console.error(
    [
      '',
      `Ringup: cannot start the desktop app: ${reason}`,
      '',
      'The desktop app needs Electron (and better-sqlite3 built for it), downloaded on first',
      'start; that was not possible here. To use Ringup without Electron, run:',
      '',
      '    npm run web',
      '',
      'which serves the same register in a browser on 127.0.0.1 and prints the address to open.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

/** The first line of a child's stderr that says what went wrong, without the stack. */
function summary(text) {
  const lines = String(text || '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return (
    lines.find((l) => /^(\w*Error|error)\b/.test(l) && !/^Error: Electron failed to install/.test(l)) ||
    lines.find((l) => /error/i.test(l)) ||
    lines[0] ||
    'no details'
  );
}

/** Path of the Electron executable, downloading it on first use; { error } when impossible. */
function resolveElectron() {
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json', { paths: [root] }));
  } catch {
    return { error: 'the electron package is not installed (run "npm ci")' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const bin = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || (process.platform === 'win32' ? 'electron.exe' : 'electron'));
    return existsSync(bin) ? { bin } : { error: `ELECTRON_OVERRIDE_DIST_PATH has no Electron binary (${bin})` };
  }
  if (relative) {
    const bin = join(pkgDir, 'dist', relative);
    if (existsSync(bin)) return { bin };
  }
  // Not downloaded yet: let the electron package fetch it, in a child process so that its
  // failure (no network, blocked host) is reported here rather than thrown at us.
  console.log('Ringup: fetching the Electron binary (first run only)...');
  const child = spawnSync(process.execPath, ['-e', `process.stdout.write("\\n${MARKER}" + require("electron"))`], {
    cwd: root,
    encoding: 'utf8',
    timeout: 15 * 60 * 1000,
    env: electronEnv(),
  });
  const line = (child.stdout || '').split('\n').find((l) => l.startsWith(MARKER));
  const bin = line && line.slice(MARKER.length).trim();
  if (child.status === 0 && bin && existsSync(bin)) return { bin };
  if (child.error) return { error: `fetching Electron failed (${child.error.message})` };
  return { error: `fetching Electron failed (${summary(child.stderr)})` };
}

/**
 * better-sqlite3 is a native addon for one ABI. node_modules keeps the Node build (the tests run
 * under Node), so the unpackaged app gets its own Electron build, downloaded once by
 * prebuild-install into node_modules/.cache and handed to the shell in RINGUP_DEV_SQLITE_ADDON.
 * Packaged apps never use this: electron-builder rebuilds their copy (docs/releasing.md).
 */
function electronSqliteAddon() {
  let sqliteDir;
  let electronVersion;
  try {
    sqliteDir = dirname(require.resolve('better-sqlite3/package.json', { paths: [root] }));
    electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json', { paths: [root] }), 'utf8')).version;
  } catch {
    return { error: 'better-sqlite3 or electron is not installed (run "npm ci")' };
  }
  const sqliteVersion = JSON.parse(readFileSync(join(sqliteDir, 'package.json'), 'utf8')).version;
  const cacheDir = join(
    root,
    'node_modules',
    '.cache',
    'ringup-electron-sqlite',
    `${sqliteVersion}-electron-${electronVersion}-${process.platform}-${process.arch}`,
  );
  const addon = join(cacheDir, 'build', 'Release', 'better_sqlite3.node');
  if (existsSync(addon)) return { addon };

  let prebuildInstall;
  try {
    prebuildInstall = join(dirname(require.resolve('prebuild-install/package.json', { paths: [sqliteDir, root] })), 'bin.js');
  } catch {
    return { error: 'prebuild-install (a dependency of better-sqlite3) is missing (run "npm ci")' };
  }
  console.log(`Ringup: fetching better-sqlite3 ${sqliteVersion} built for Electron ${electronVersion} (first run only)...`);
  mkdirSync(cacheDir, { recursive: true });
  copyFileSync(join(sqliteDir, 'package.json'), join(cacheDir, 'package.json'));
  const child = spawnSync(
    process.execPath,
    [prebuildInstall, '--runtime', 'electron', '--target', electronVersion, '--arch', process.arch, '--platform', process.platform],
    { cwd: cacheDir, encoding: 'utf8', timeout: 5 * 60 * 1000, env: electronEnv() },
  );
  if (existsSync(addon)) return { addon };
  const why = child.error ? child.error.message : summary(child.stderr || child.stdout);
  return { error: `could not fetch better-sqlite3 built for Electron ${electronVersion} (${why})` };
}

function main() {
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) fail('the app is not built (out/main/index.js is missing); "npm start" builds it first');
  const found = resolveElectron();
  if (!found.bin) return fail(found.error);

  const sqlite = electronSqliteAddon();
  if (!sqlite.addon) return fail(sqlite.error);

  const env = { ...electronEnv(), RINGUP_DEV_SQLITE_ADDON: sqlite.addon };
  const app = spawn(found.bin, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env });
  app.on('error', (error) => fail(`Electron would not run (${error.message})`));
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      if (!app.killed) app.kill(signal);
    });
  }
  app.on('exit', (code, signal) => {
    if (code !== 0 && code !== null) console.error(`Ringup: Electron exited with code ${code}. If it cannot run on this machine, use "npm run web".`);
    process.exit(code ?? (signal ? 1 : 0));
  });
}

if (require.main === module) main();

module.exports = { electronSqliteAddon, resolveElectron };
