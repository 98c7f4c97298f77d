// A pseudo-terminal pair via socat: the simulator opens one end, the register the other, and
// the bytes in between are real serial-port bytes (termios, 8N2, read chunking and all).
// socat is a child process, so every pair must be stopped; a process exit hook kills leftovers.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fail, ok, type TerminalResult } from '../result';

export interface PtyPair {
  /** The path the register opens (like /dev/ttyUSB0). */
  registerPath: string;
  /** The path the simulated terminal opens. */
  terminalPath: string;
  pid: number;
  stop(): Promise<void>;
}

const live = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.once('exit', () => {
    for (const child of live) child.kill('SIGTERM');
  });
}

/** A fresh folder for a pair's two links. */
export function newPtyDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ringup-pty-'));
}

export async function startPtyPair(opts: { dir?: string; socat?: string; timeoutMs?: number } = {}): Promise<TerminalResult<PtyPair>> {
  const ownDir = opts.dir === undefined;
  const dir = opts.dir ?? newPtyDir();
  const registerPath = path.join(dir, 'register');
  const terminalPath = path.join(dir, 'terminal');
  const child = spawn(opts.socat ?? 'socat', ['-d', '-d', `pty,raw,echo=0,link=${registerPath}`, `pty,raw,echo=0,link=${terminalPath}`], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  installExitHook();
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  void exited.then(() => live.delete(child));

  const ready = await new Promise<TerminalResult<void>>((resolve) => {
    let log = '';
    const timer = setTimeout(() => resolve(fail('terminal.open_failed', { reason: 'socat did not start', log: log.slice(-300) })), opts.timeoutMs ?? 5000);
    child.once('error', (e) => {
      clearTimeout(timer);
      resolve(fail('terminal.open_failed', { reason: e.message }));
    });
    child.stderr?.on('data', (d: Buffer) => {
      log += d.toString();
      if (log.includes('starting data transfer loop') && fs.existsSync(registerPath) && fs.existsSync(terminalPath)) {
        clearTimeout(timer);
        resolve(ok(undefined));
      }
    });
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    // socat removes its links on exit; a folder the pair made for them is the pair's to remove,
    // or every pair would leave an empty one in /tmp. A folder it was given stays its owner's.
    if (ownDir) fs.rmSync(dir, { recursive: true, force: true });
  };
  if (!ready.ok) {
    await stop();
    return ready;
  }
  return ok({ registerPath, terminalPath, pid: child.pid ?? -1, stop });
}
