// The emulator's serial side: socat owns a pseudo-terminal and bridges it to a private TCP port,
// so the serial and the network printer are one emulator. Also the small server helpers.
import net from 'node:net';
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export class PtyBridge {
  /** Set as soon as each exists, so that `close` cleans up after a start that failed halfway. */
  server: net.Server | null = null;
  socat: ChildProcess | null = null;
  dir: string | null = null;
  path: string | null = null;

  constructor(private readonly onConnection: (socket: net.Socket) => void) {}

  async start(link?: string): Promise<void> {
    const bridge = net.createServer();
    bridge.on('connection', this.onConnection);
    const bridgePort = await listen(bridge, 0, '127.0.0.1');
    this.server = bridge;
    if (!link) {
      this.dir = mkdtempSync(join(tmpdir(), 'ringup-vprinter-'));
      link = join(this.dir, 'printer');
    }
    const connected = new Promise<void>((resolve) => bridge.once('connection', () => resolve()));
    this.socat = spawn('socat', [`pty,raw,echo=0,link=${link}`, `tcp:127.0.0.1:${bridgePort}`], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    this.socat.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<never>((_, reject) => this.socat?.once('exit', (code) => reject(new Error(`socat exited (${code}): ${stderr.trim()}`))));
    exited.catch(() => undefined);
    await Promise.race([connected, exited, timeout(5000, 'socat did not connect')]);
    const deadline = Date.now() + 5000;
    while (!existsSync(link)) {
      if (Date.now() > deadline) throw new Error('socat did not create the pty link');
      await new Promise((r) => setTimeout(r, 10));
    }
    this.path = link;
  }

  /** SIGTERM, then SIGKILL if socat is still there after 2 s. */
  async stopSocat(): Promise<void> {
    const socat = this.socat;
    this.socat = null;
    if (socat && socat.exitCode === null) {
      const gone = new Promise<void>((r) => socat.once('exit', () => r()));
      socat.kill('SIGTERM');
      await Promise.race([gone, new Promise((r) => setTimeout(r, 2000))]);
      if (socat.exitCode === null) socat.kill('SIGKILL');
    }
  }

  closeServer(): Promise<void> {
    return this.server ? closeServer(this.server) : Promise.resolve();
  }

  removeDir(): void {
    if (this.dir) rmSync(this.dir, { recursive: true, force: true });
  }
}

export function listen(server: net.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve((server.address() as net.AddressInfo).port));
  });
}

export function closeServer(server: net.Server): Promise<void> {
  return new Promise((resolve) => server.close(() => resolve()));
}

function timeout(ms: number, message: string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(message)), ms).unref());
}
