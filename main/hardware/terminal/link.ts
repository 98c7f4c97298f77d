// The ZVT link layer, used by both the register (client) and the simulator.
//
// Serial: every APDU travels in a DLE frame and is answered by a single ACK (06) or NAK (15).
// A NAK or a missing ACK makes the sender retransmit the *same* frame (safe: it is the link
// repeating bytes, not the application repeating a payment), at most `maxRetransmits` times.
// TCP: APDUs are sent bare; TCP itself guarantees delivery, so there is no ACK byte.
//
// Received APDUs go into an Inbox so none is lost while no one is waiting for it.
import { decodeApdu, encodeApdu, type Apdu } from './apdu';
import { ApduStreamDecoder } from './apdu';
import { silentLogger, type FrameLogger } from './frame-logger';
import { ACK, FrameDecoder, NAK, encodeFrame } from './framing';
import { Inbox } from './inbox';
import { fail, ok, type TerminalResult } from './result';
import type { ByteTransport } from './transport';

/**
 * Timeouts. T1 (inter-byte), T3 (command acknowledgement) and T4 (how long the master may stay
 * silent) carry the values used by ecrterm's `signals.py`; the ACK timeout follows ecrterm's
 * practice of about one second, with three retransmissions.
 */
export interface ZvtTimeouts {
  /** A half-received frame idle longer than this is dropped (T1). */
  interByteMs: number;
  /** Wait for the ACK/NAK byte after a frame. */
  ackMs: number;
  /** Retransmissions after a NAK or ACK timeout before the link gives up. */
  maxRetransmits: number;
  /** The PT must acknowledge a command (80 00 00 / 84 xx 00) within T3. */
  commandAckMs: number;
  /** While the PT holds master rights, the ECR waits at most T4 for its next message. */
  masterSilenceMs: number;
}

export const ZVT_TIMEOUTS: ZvtTimeouts = {
  interByteMs: 200,
  ackMs: 1000,
  maxRetransmits: 3,
  commandAckMs: 5000,
  masterSilenceMs: 180_000,
};

/** Fault-injection hooks: the simulator uses them to NAK frames or corrupt the line. */
export interface LinkHooks {
  /** Decide how to answer a correctly received frame (default: ack). 'ignore' sends nothing. */
  answerFrame?: (apdu: Apdu) => 'ack' | 'nak' | 'ignore';
  /** Rewrite the bytes of an outgoing frame, e.g. to put garbage in front of it. */
  outgoing?: (frame: Uint8Array) => Uint8Array;
}

export interface LinkOptions {
  timeouts?: Partial<ZvtTimeouts>;
  logger?: FrameLogger;
  hooks?: LinkHooks;
  /** Called whenever an APDU is queued (the client uses it to answer unsolicited messages). */
  onArrival?: () => void;
}

export class ZvtLink {
  readonly timeouts: ZvtTimeouts;
  readonly inbox = new Inbox<Apdu>();
  private readonly logger: FrameLogger;
  private readonly hooks: LinkHooks;
  private readonly frames = new FrameDecoder();
  private readonly stream = new ApduStreamDecoder();
  private interByteTimer: NodeJS.Timeout | null = null;
  private pendingAck: ((answer: 'ack' | 'nak' | 'closed') => void) | null = null;
  private sendChain: Promise<unknown> = Promise.resolve();
  private closed = false;
  private closeListeners: ((reason: string) => void)[] = [];
  onArrival: (() => void) | undefined;

  constructor(
    readonly transport: ByteTransport,
    options: LinkOptions = {},
  ) {
    this.timeouts = { ...ZVT_TIMEOUTS, ...options.timeouts };
    this.logger = options.logger ?? silentLogger;
    this.hooks = options.hooks ?? {};
    this.onArrival = options.onArrival;
    transport.onData((chunk) => this.onData(chunk));
    transport.onClose((reason) => this.onTransportClosed(reason));
  }

  get framed(): boolean {
    return this.transport.kind === 'serial';
  }

  isOpen(): boolean {
    return !this.closed && this.transport.isOpen();
  }

  onClose(listener: (reason: string) => void): void {
    this.closeListeners.push(listener);
  }

  /** Send one APDU; resolves once the peer has acknowledged it at link level. */
  send(a: Apdu): Promise<TerminalResult<void>> {
    const run = () => this.sendNow(a);
    const p = this.sendChain.then(run, run);
    this.sendChain = p;
    return p;
  }

  receive(timeoutMs: number): Promise<TerminalResult<Apdu>> {
    return this.inbox.take(timeoutMs);
  }

  async close(): Promise<void> {
    await this.transport.close();
    this.onTransportClosed('closed by us');
  }

  private async sendNow(a: Apdu): Promise<TerminalResult<void>> {
    if (this.closed) return fail('terminal.disconnected');
    const bytes = encodeApdu(a);
    if (!bytes.ok) return bytes;
    this.logger({ type: 'apdu', dir: 'tx', apdu: a });
    if (!this.framed) return this.transport.write(bytes.value);

    const frame = encodeFrame(bytes.value);
    for (let attempt = 0; attempt <= this.timeouts.maxRetransmits; attempt++) {
      if (attempt > 0) this.logger({ type: 'link', dir: 'tx', what: 'retransmit', detail: `attempt ${attempt + 1}` });
      const answer = new Promise<'ack' | 'nak' | 'closed' | 'timeout'>((resolve) => {
        const timer = setTimeout(() => {
          this.pendingAck = null;
          resolve('timeout');
        }, this.timeouts.ackMs);
        this.pendingAck = (ans) => {
          clearTimeout(timer);
          this.pendingAck = null;
          resolve(ans);
        };
      });
      const w = await this.transport.write(this.hooks.outgoing ? this.hooks.outgoing(frame) : frame);
      if (!w.ok) {
        this.pendingAck?.('closed');
        return w;
      }
      const result = await answer;
      if (result === 'ack') return ok(undefined);
      if (result === 'closed') return fail('terminal.disconnected');
      if (result === 'timeout') this.logger({ type: 'link', dir: 'rx', what: 'timeout', detail: 'no ACK' });
    }
    return fail('terminal.link_failed', { attempts: this.timeouts.maxRetransmits + 1 });
  }

  private onData(chunk: Uint8Array): void {
    if (!this.framed) {
      for (const a of this.stream.push(chunk)) this.deliver(a);
      return;
    }
    for (const e of this.frames.push(chunk)) {
      switch (e.type) {
        case 'ack':
        case 'nak':
          this.logger({ type: 'link', dir: 'rx', what: e.type });
          // A stray 06/15 while nothing is pending is line noise, not an answer.
          this.pendingAck?.(e.type);
          break;
        case 'noise':
          this.logger({ type: 'link', dir: 'rx', what: 'noise', detail: `${e.count} bytes` });
          break;
        case 'error':
          this.logger({ type: 'link', dir: 'rx', what: 'frame_error', detail: e.code });
          if (e.code === 'codec.crc_mismatch') this.writeControl(NAK);
          break;
        case 'frame': {
          const decoded = decodeApdu(e.apdu);
          const answer = decoded.ok ? (this.hooks.answerFrame?.(decoded.value) ?? 'ack') : 'ack';
          if (answer !== 'ignore') this.writeControl(answer === 'ack' ? ACK : NAK);
          if (answer !== 'ack') break;
          // A frame with a good CRC but a malformed APDU was transmitted faithfully; NAKing it
          // would only bring the same bytes back. Log and drop it.
          if (decoded.ok) this.deliver(decoded.value);
          else this.logger({ type: 'link', dir: 'rx', what: 'frame_error', detail: decoded.error.code });
          break;
        }
      }
    }
    this.armInterByteTimer();
  }

  private armInterByteTimer(): void {
    if (this.interByteTimer) clearTimeout(this.interByteTimer);
    this.interByteTimer = null;
    if (!this.frames.inFrame()) return;
    this.interByteTimer = setTimeout(() => {
      this.interByteTimer = null;
      for (const e of this.frames.reset()) {
        if (e.type === 'error') this.logger({ type: 'link', dir: 'rx', what: 'frame_error', detail: `${e.code} (inter-byte timeout)` });
      }
    }, this.timeouts.interByteMs);
  }

  private writeControl(byte: number): void {
    this.logger({ type: 'link', dir: 'tx', what: byte === ACK ? 'ack' : 'nak' });
    void this.transport.write(Uint8Array.of(byte));
  }

  private deliver(a: Apdu): void {
    this.logger({ type: 'apdu', dir: 'rx', apdu: a });
    this.inbox.push(a);
    this.onArrival?.();
  }

  private onTransportClosed(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    if (this.interByteTimer) clearTimeout(this.interByteTimer);
    this.pendingAck?.('closed');
    this.inbox.close('terminal.disconnected');
    this.logger({ type: 'link', dir: 'rx', what: 'closed', detail: reason });
    this.closeListeners.forEach((l) => l(reason));
  }
}
