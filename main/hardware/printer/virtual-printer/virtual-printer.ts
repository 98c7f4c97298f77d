// An ESC/POS printer emulator for development and tests: a TCP server (like port 9100) and,
// through socat, a pseudo-terminal that behaves like a serial printer. It records every byte,
// answers status requests from scriptable conditions, and "prints" (completes a job) only
// while nothing blocks it, holding data in its buffer meanwhile as a real printer does.
// The drawer port follows the ESC/POS references (research hardware.md §5): ESC p is print
// data, so it pulses when its job prints and waits in the buffer while printing is stopped;
// the real-time DLE DC4 1 m t pulses as it arrives, even while printing is stopped, except in
// an error status, where the references that say anything about it have it ignored.
import net from 'node:net';
import {
  applyCondition,
  dleEotAnswer,
  garbageBytes,
  isBlocked,
  okConditions,
  paperSensorAnswer,
  type ConditionName,
  type VirtualConditions,
} from './scripted-status';
import { escPKicks, isOnlyRealtime, RequestScanner } from './request-scanner';
import { closeServer, listen, PtyBridge } from './pty-bridge';
import { waitUntil } from './wait-until';

export interface VirtualPrinterOptions {
  /** TCP port; 0 picks a free one (tests). */
  port?: number;
  host?: string;
  /** Also expose a pseudo-terminal (needs socat). A string is the symlink path to create. */
  pty?: boolean | string;
  /** Receive buffer: while blocked, the printer stops reading once this much is held. */
  bufferBytes?: number;
  /** On the serial line a job ends after this much silence (there is no connection close). */
  serialJobGapMs?: number;
}

export interface DrawerPulse {
  command: 'ESC p' | 'DLE DC4';
  /** 0 = connector pin 2, 1 = pin 5. */
  pin: 0 | 1;
  onMs: number;
  via: 'tcp' | 'pty';
  /** Printing was stopped (paper out, cover open, offline) when the drawer opened. */
  whilePrintingStopped: boolean;
}

export interface VirtualJob {
  via: 'tcp' | 'pty';
  bytes: Buffer;
  /** Sequence number in print order. */
  seq: number;
}

interface Session {
  via: 'tcp' | 'pty';
  socket: net.Socket;
  scanner: RequestScanner;
  current: Buffer[];
  gapTimer: NodeJS.Timeout | null;
}

export class VirtualPrinter {
  private conditions: VirtualConditions = { ...okConditions };
  private readonly received: Buffer[] = [];
  private readonly printed: VirtualJob[] = [];
  /** Finished jobs waiting for the condition to clear. */
  private readonly held: { via: 'tcp' | 'pty'; bytes: Buffer }[] = [];
  private readonly sessions = new Set<Session>();
  private readonly jobListeners = new Set<(job: VirtualJob) => void>();
  private readonly pulses: DrawerPulse[] = [];
  private readonly pulseListeners = new Set<(pulse: DrawerPulse) => void>();
  private statusAnswers = 0;
  private readonly statusListeners = new Set<() => void>();
  private pty: PtyBridge | null = null;
  port = 0;
  ptyPath: string | null = null;

  private constructor(
    private readonly server: net.Server,
    private readonly options: VirtualPrinterOptions,
  ) {}

  static async start(options: VirtualPrinterOptions = {}): Promise<VirtualPrinter> {
    const server = net.createServer();
    const vp = new VirtualPrinter(server, options);
    server.on('connection', (s) => vp.attach(s, 'tcp'));
    vp.port = await listen(server, options.port ?? 0, options.host ?? '127.0.0.1');
    if (options.pty) await vp.startPty(typeof options.pty === 'string' ? options.pty : undefined);
    return vp;
  }

  /** socat owns the pty and bridges it to a private TCP port, so both paths share one emulator. */
  private async startPty(link?: string): Promise<void> {
    this.pty = new PtyBridge((s) => this.attach(s, 'pty'));
    await this.pty.start(link);
    this.ptyPath = this.pty.path;
  }

  private attach(socket: net.Socket, via: 'tcp' | 'pty'): void {
    const session: Session = { via, socket, scanner: new RequestScanner(), current: [], gapTimer: null };
    this.sessions.add(session);
    socket.setNoDelay(true);
    socket.on('error', () => undefined);
    socket.on('data', (chunk) => this.onData(session, chunk));
    const finish = (): void => {
      this.endJob(session);
      this.sessions.delete(session);
    };
    // TCP: one connection per job; the printer closes its side once the client has finished.
    socket.on('end', () => {
      finish();
      socket.end();
    });
    socket.on('close', finish);
  }

  private onData(session: Session, chunk: Buffer): void {
    this.received.push(chunk);
    // A status poll or a real-time pulse between jobs is not printed and does not extend a serial job.
    const pollOnly = isOnlyRealtime(chunk);
    if (!pollOnly) session.current.push(chunk);
    for (const req of session.scanner.push(chunk)) {
      if (req.kind === 'dle-dc4-pulse') {
        if (!this.conditions.error)
          this.pulse({ command: 'DLE DC4', pin: req.pin, onMs: req.t * 100, via: session.via, whilePrintingStopped: isBlocked(this.conditions) });
        continue;
      }
      if (this.conditions.noAnswer) continue;
      const answer = req.kind === 'dle-eot' ? dleEotAnswer(req.n, this.conditions) : paperSensorAnswer(this.conditions);
      if (this.conditions.garbage) session.socket.write(garbageBytes);
      session.socket.write(Uint8Array.of(answer));
      this.statusAnswers += 1;
      for (const l of this.statusListeners) l();
    }
    if (session.via === 'pty' && !pollOnly) {
      if (session.gapTimer) clearTimeout(session.gapTimer);
      session.gapTimer = setTimeout(() => this.endJob(session), this.options.serialJobGapMs ?? 150);
    }
    this.applyBackpressure();
  }

  private heldBytes(): number {
    let n = this.held.reduce((s, j) => s + j.bytes.length, 0);
    for (const s of this.sessions) n += s.current.reduce((a, b) => a + b.length, 0);
    return n;
  }

  /** A blocked printer with a full buffer stops reading: the client's writes back up. */
  private applyBackpressure(): void {
    const full = isBlocked(this.conditions) && this.heldBytes() >= (this.options.bufferBytes ?? 64 * 1024);
    for (const s of this.sessions) {
      if (full) s.socket.pause();
      else s.socket.resume();
    }
  }

  private endJob(session: Session): void {
    if (session.gapTimer) clearTimeout(session.gapTimer);
    session.gapTimer = null;
    if (session.current.length === 0) return;
    const bytes = Buffer.concat(session.current);
    session.current = [];
    // A status poll alone is not a print job.
    if (isOnlyRealtime(bytes)) return;
    this.held.push({ via: session.via, bytes });
    this.flush();
  }

  private flush(): void {
    if (isBlocked(this.conditions)) return;
    for (const j of this.held.splice(0)) {
      // Buffered drawer kicks run when the printer gets to them, i.e. now that it prints.
      for (const kick of escPKicks(j.bytes)) this.pulse({ ...kick, via: j.via, whilePrintingStopped: false });
      const job: VirtualJob = { ...j, seq: this.printed.length + 1 };
      this.printed.push(job);
      for (const l of this.jobListeners) l(job);
    }
    this.applyBackpressure();
  }

  private pulse(p: DrawerPulse): void {
    this.pulses.push(p);
    for (const l of this.pulseListeners) l(p);
  }

  /** Every drawer pulse the printer has put out, in order. */
  drawerPulses(): DrawerPulse[] {
    return [...this.pulses];
  }

  onPulse(listener: (pulse: DrawerPulse) => void): () => void {
    this.pulseListeners.add(listener);
    return () => this.pulseListeners.delete(listener);
  }

  /** Resolves once `count` drawer pulses have been put out in total. */
  waitForPulses(count: number, timeoutMs = 5000): Promise<DrawerPulse[]> {
    return waitUntil(
      this.pulseListeners,
      () => this.pulses.length >= count,
      () => this.drawerPulses(),
      timeoutMs,
      () => `expected ${count} drawer pulses, got ${this.pulses.length}`,
    );
  }

  /** Status requests (DLE EOT, GS r) answered so far: how often clients have looked at the printer. */
  statusRequestsAnswered(): number {
    return this.statusAnswers;
  }

  /** Resolves once `count` status requests have been answered in total. */
  waitForStatusRequests(count: number, timeoutMs = 5000): Promise<void> {
    return waitUntil(
      this.statusListeners,
      () => this.statusAnswers >= count,
      () => undefined,
      timeoutMs,
      () => `expected ${count} status requests answered, got ${this.statusAnswers}`,
    );
  }

  /** Script a condition by name ('paper_out', 'ok', …) or set flags directly. */
  setStatus(change: ConditionName | Partial<VirtualConditions>): void {
    this.conditions = typeof change === 'string' ? applyCondition(this.conditions, change) : { ...this.conditions, ...change };
    this.flush();
    this.applyBackpressure();
  }

  /** socat's process id while the pty is up (tests check it is gone after close). */
  get socatPid(): number | null {
    return this.pty?.socat?.pid ?? null;
  }

  status(): VirtualConditions {
    return { ...this.conditions };
  }

  /** Every byte received, status requests included, in arrival order. */
  receivedBytes(): Buffer {
    return Buffer.concat(this.received);
  }

  /** Jobs printed so far (held jobs appear once the printer can print). */
  jobs(): VirtualJob[] {
    return [...this.printed];
  }

  heldJobs(): number {
    return this.held.length;
  }

  onJob(listener: (job: VirtualJob) => void): () => void {
    this.jobListeners.add(listener);
    return () => this.jobListeners.delete(listener);
  }

  /** Resolves once `count` jobs have printed in total. */
  waitForJobs(count: number, timeoutMs = 5000): Promise<VirtualJob[]> {
    return waitUntil(
      this.jobListeners,
      () => this.printed.length >= count,
      () => this.jobs(),
      timeoutMs,
      () => `expected ${count} jobs, printed ${this.printed.length}`,
    );
  }

  /** Push raw bytes to every connected client (line noise, unsolicited status). */
  inject(bytes: Uint8Array): void {
    for (const s of this.sessions) s.socket.write(bytes);
  }

  async close(): Promise<void> {
    if (this.pty) await this.pty.stopSocat();
    for (const s of this.sessions) s.socket.destroy();
    await Promise.all([closeServer(this.server), this.pty ? this.pty.closeServer() : Promise.resolve()]);
    this.pty?.removeDir();
  }
}
