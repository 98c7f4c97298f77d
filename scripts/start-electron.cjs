#!/usr/bin/env node
// `npm start` (after `npm run build`): launches the built app in Electron. Each step that can go
// wrong on a shop's computer is checked in order and, when it fails, named with its fix, so that
// nobody has to read a stack trace: Node version, build output, the electron package, its binary
// (fetched lazily on first use), the SQLite driver, and on Linux the Chromium sandbox.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, readFileSync, statSync } = require('node:fs');
const { dirname, join } = require('node:path');

const root = join(__dirname, '..');
const MARKER = 'RINGUP_ELECTRON_PATH=';
const MIN_NODE = [22, 12];

/** The environment for Electron: without ELECTRON_RUN_AS_NODE, which would turn it into plain Node. */
function electronEnv() {
  const env = { ...process.env };
  delete env.ELECTRON_RUN_AS_NODE;
  return env;
}

function fail(step, reason, fix) {
  console.error(
    [
      '',
      `Ringup: cannot start the desktop app. Step "${step}" failed: ${reason}`,
      ...(fix ? ['', `Fix: ${fix}`] : []),
      '',
      'To use Ringup without the desktop app, run:',
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

/** null when `version` (e.g. "24.21.0") is at least MIN_NODE, else the reason. */
function nodeProblem(version) {
  const [major, minor] = version.split('.').map(Number);
  if (major > MIN_NODE[0] || (major === MIN_NODE[0] && minor >= MIN_NODE[1])) return null;
  return `Node ${version} is too old (Ringup needs ${MIN_NODE.join('.')} or newer)`;
}

/** Path of the Electron executable, downloading it on first use; { error, step } when impossible. */
function resolveElectron() {
  let pkgDir;
  try {
    pkgDir = dirname(require.resolve('electron/package.json', { paths: [root] }));
  } catch {
    return { step: 'electron package', error: 'the electron package is not installed', fix: 'run "npm ci" in the Ringup folder' };
  }
  const pathFile = join(pkgDir, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : null;
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const bin = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || (process.platform === 'win32' ? 'electron.exe' : 'electron'));
    return existsSync(bin)
      ? { bin }
      : { step: 'electron binary', error: `ELECTRON_OVERRIDE_DIST_PATH has no Electron binary (${bin})`, fix: 'point it at an unpacked Electron release' };
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
  const why = child.error ? child.error.message : summary(child.stderr);
  return {
    step: 'electron binary',
    error: `fetching Electron failed (${why})`,
    fix: 'this machine needs access to github.com once (or set ELECTRON_MIRROR / ELECTRON_OVERRIDE_DIST_PATH)',
  };
}

/**
 * better-sqlite3 13 is Node-API: the prebuilt binary inside the package loads in Node and in
 * Electron alike, so nothing is fetched or compiled. Checked by loading it in a child Node
 * process, which also catches a binary replaced by an old "rebuild for Electron".
 */
function sqliteProblem() {
  const child = spawnSync(
    process.execPath,
    [
      '-e',
      'const D = require("better-sqlite3"); const db = new D(":memory:"); process.stdout.write(db.prepare("select sqlite_version() v").get().v); db.close();',
    ],
    { cwd: root, encoding: 'utf8', timeout: 60_000, env: electronEnv() },
  );
  if (child.status === 0) return null;
  return {
    step: 'SQLite driver',
    error: `better-sqlite3 does not load for ${process.platform}-${process.arch} (${child.error ? child.error.message : summary(child.stderr)})`,
    fix: 'run "npm ci" again; if it says the platform has no prebuilt binary, Ringup does not support this machine yet',
  };
}

/**
 * Chromium sandboxes its renderers with unprivileged user namespaces; where the kernel forbids
 * them (Ubuntu 23.10+ through AppArmor, some hardened kernels by sysctl) it falls back to the
 * setuid helper chrome-sandbox, which must then be owned by root with mode 4755. From a source
 * checkout it never is, and Electron aborts with a message about the "SUID sandbox helper".
 * `probe` gives the facts so that this stays a pure function.
 */
function sandboxProblem(probe) {
  if (probe.platform !== 'linux') return null;
  if (probe.uid === 0) {
    return {
      step: 'Chromium sandbox',
      error: 'the desktop app is being started as root, which Chromium refuses with its sandbox on',
      fix: 'start Ringup as the shop\'s normal user account (in the "dialout" and "lp" groups for serial and USB devices), not as root',
    };
  }
  const restricted = probe.sysctl('kernel/apparmor_restrict_unprivileged_userns') === '1' || probe.sysctl('kernel/unprivileged_userns_clone') === '0';
  if (!restricted) return null;
  const helper = probe.helper;
  const stat = helper ? probe.stat(helper) : null;
  if (stat && stat.uid === 0 && (stat.mode & 0o4755) === 0o4755) return null;
  return {
    step: 'Chromium sandbox',
    error: 'this system forbids unprivileged user namespaces (AppArmor on Ubuntu 24.04) and chrome-sandbox is not set up',
    fix: helper
      ? `sudo chown root:root "${helper}" && sudo chmod 4755 "${helper}"   (installed packages, the .deb, do this themselves)`
      : 'install the Ringup .deb package, which sets up the sandbox helper',
  };
}

function realSandboxProbe(electronBin) {
  return {
    platform: process.platform,
    uid: typeof process.getuid === 'function' ? process.getuid() : -1,
    sysctl: (name) => {
      try {
        return readFileSync(`/proc/sys/${name}`, 'utf8').trim();
      } catch {
        return null;
      }
    },
    helper: join(dirname(electronBin), 'chrome-sandbox'),
    stat: (path) => {
      try {
        const s = statSync(path);
        return { uid: s.uid, mode: s.mode };
      } catch {
        return null;
      }
    },
  };
}

function main() {
  const tooOld = nodeProblem(process.versions.node);
  if (tooOld)
    return fail('Node.js', tooOld, 'run "npm start" (it uses the Node 24 that "npm ci" installs into node_modules), not "node scripts/start-electron.cjs"');
  for (const built of [join('out', 'main', 'index.js'), join('out', 'preload', 'index.js'), join('out', 'renderer', 'index.html')]) {
    if (!existsSync(join(root, built)))
      return fail('build', `the app is not built (${built} is missing)`, '"npm start" builds it first; run "npm run build" and read its errors');
  }
  const found = resolveElectron();
  if (!found.bin) return fail(found.step, found.error, found.fix);
  const sqlite = sqliteProblem();
  if (sqlite) return fail(sqlite.step, sqlite.error, sqlite.fix);
  // `--no-sandbox` is the caller's explicit choice (containers, tests as root): Chromium then needs no helper.
  const sandbox = process.argv.includes('--no-sandbox') ? null : sandboxProblem(realSandboxProbe(found.bin));
  if (sandbox) return fail(sandbox.step, sandbox.error, sandbox.fix);

  const app = spawn(found.bin, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env: electronEnv() });
  app.on('error', (error) => fail('launch', `Electron would not run (${error.message})`));
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

module.exports = { nodeProblem, resolveElectron, sandboxProblem, sqliteProblem };
