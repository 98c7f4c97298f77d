#!/usr/bin/env node
// `npm start` (after `npm run build`): launches the built app in Electron. The electron package
// fetches its binary lazily on first use; where that is impossible (offline machines, CI without
// Electron) this exits with a clear message pointing at browser mode instead of a stack trace.
'use strict';
const { spawn, spawnSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
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
      'Electron could not be obtained on this machine. To use Ringup without it, run:',
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
  const lines = String(text || '').split('\n').map((l) => l.trim()).filter(Boolean);
  return lines.find((l) => /^(\w*Error|error)\b/.test(l) && !/^Error: Electron failed to install/.test(l)) || lines.find((l) => /error/i.test(l)) || lines[0] || 'no details';
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

function main() {
  if (!existsSync(join(root, 'out', 'main', 'index.js'))) fail('the app is not built (out/main/index.js is missing); "npm start" builds it first');
  const found = resolveElectron();
  if (!found.bin) return fail(found.error);

  const app = spawn(found.bin, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env: electronEnv() });
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

main();
