// Starts the register in browser mode (out/main/web.js) as its own process, for the end-to-end
// tests and the Chromium benches. The register picks its own port (`--port 0`) and the address is
// read from the line it prints once it listens: a port picked here and handed over would be free
// only until the register's own demo simulators took an ephemeral port, which once was that port.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const WEB_MAIN = resolve(__dirname, '../../out/main/web.js');
const READY = /Ringup is running\. Open: (http:\/\/127\.0\.0\.1:(\d+))\/\?token=/;
const START_TIMEOUT_MS = 30_000;

export interface WebRegister {
  /** http://127.0.0.1:PORT */
  origin: string;
  /** The launch address with its token. */
  url: string;
  /** The launch token alone, to check it never reaches anyone else. */
  token: string;
  /** The register's process, for tests that play the operating system (a file size limit). */
  pid: number;
  child: ChildProcess;
  dataDir: string;
  output(): string;
  /** Stops the process and removes the data folder if this launcher made it. */
  stop(): Promise<void>;
}

export interface WebRegisterOptions {
  /** Demo data and the demo terminal and provider (default true). */
  demo?: boolean;
  /** An existing data folder (kept on stop); a fresh temporary one otherwise. */
  dataDir?: string;
  /** A port to listen on (0: any free one): a register started again at the same origin keeps its windows' session storage. */
  port?: number;
}

export async function startWebRegister(options: WebRegisterOptions = {}): Promise<WebRegister> {
  if (!existsSync(WEB_MAIN)) throw new Error('out/main/web.js is missing: run `npm run build` first');
  const ownDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ringup-web-'));
  const token = randomBytes(18).toString('base64url');
  const args = [WEB_MAIN, ...(options.demo === false ? [] : ['--demo']), '--data-dir', dataDir, '--port', String(options.port ?? 0)];
  const child = spawn(process.execPath, args, { env: { ...process.env, RINGUP_TOKEN: token }, stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      // Waits for the exit itself; a register that ignores SIGTERM for 3 s is killed outright.
      const escalate = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(escalate);
    }
    if (ownDir) rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const origin = await new Promise<string>((ready, fail) => {
      const timer = setTimeout(() => fail(new Error(`register did not start within ${START_TIMEOUT_MS} ms:\n${log}`)), START_TIMEOUT_MS);
      const onData = (chunk: Buffer): void => {
        log += chunk.toString();
        const match = READY.exec(log);
        if (match?.[1]) {
          clearTimeout(timer);
          ready(match[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
      child.once('exit', () => {
        clearTimeout(timer);
        fail(new Error(`register exited early:\n${log}`));
      });
    });
    return { origin, url: `${origin}/?token=${token}`, token, pid: child.pid ?? 0, child, dataDir, output: () => log, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
