// The terminal's side of one connection, in the steps the command handlers are written in: send
// and wait for the register's acknowledgement, refuse other commands while busy, let the customer
// take their time unless the register aborts, and the scripted line faults (garbage, a dropped line).
import { setTimeout as sleep } from 'node:timers/promises';
import type { Apdu } from '../apdu';
import { parseEcrCommand } from '../commands';
import { RESULT } from '../codes';
import { encodeFrame } from '../framing';
import type { ZvtLink } from '../link';
import { ackApdu, nackApdu, parsePtMessage, ptBuild } from '../pt-messages';
import type { TerminalResult } from '../result';
import type { SimBehaviour } from './behaviour';
import type { SimulatorState } from './simulator-state';

/** The register went away mid-command: the handler stops, the connection's loop ends. */
export class LineGone extends Error {}

/** Set when the register sent Abort (06 B0) during the transaction. */
export interface AbortFlag {
  abort: boolean;
}

export function must(r: TerminalResult<Apdu>): Apdu {
  if (!r.ok) throw new Error(`simulator built an invalid message: ${r.error.code}`);
  return r.value;
}

export class PtExchange {
  constructor(
    readonly link: ZvtLink,
    readonly sim: SimulatorState,
    /** Pulls the cable: the pty pair goes away, or the TCP connection closes. */
    readonly dropLine: () => Promise<void>,
  ) {}

  async accept(b: SimBehaviour | null): Promise<void> {
    await this.sendRaw(ackApdu(), b);
  }

  /** Send a message; garbage and broken frames go first when the behaviour asks for them. */
  async sendRaw(a: Apdu, b: SimBehaviour | null): Promise<void> {
    const link = this.link;
    if (b && b.garbageFrames > 0 && link.framed) {
      b.garbageFrames--;
      const broken = encodeFrame(Uint8Array.of(0x04, 0xff, 0x01, 0x0a));
      broken[broken.length - 1] = (broken[broken.length - 1] ?? 0) ^ 0x5a; // bad CRC: the register NAKs and drops it
      await link.transport.write(Uint8Array.from([0x41, 0x00, 0xfe, 0x7f, ...broken, 0x33, 0x99]));
      await sleep(30); // let the NAK for the broken frame arrive before the real frame is pending
    }
    const s = await link.send(a);
    if (!s.ok) throw new LineGone();
  }

  /**
   * Send and wait for the register's 80 00 00. While waiting, an Abort (06 B0) is remembered
   * and any other command is refused as busy: the PT is master.
   */
  async sendAwait(a: Apdu, b: SimBehaviour | null, state?: AbortFlag): Promise<void> {
    await this.sendRaw(a, b);
    const deadline = Date.now() + this.link.timeouts.commandAckMs;
    for (;;) {
      const r = await this.link.receive(Math.max(1, deadline - Date.now()));
      if (!r.ok) throw new LineGone();
      const m = parsePtMessage(r.value);
      if (m.ok && m.value.kind === 'ack') return;
      if (m.ok && m.value.kind === 'nack') return; // 84 xx: the register saw it and objects; carry on
      await this.whileBusy(r.value, state);
    }
  }

  private async whileBusy(a: Apdu, state?: AbortFlag): Promise<void> {
    const cmd = parseEcrCommand(a);
    if (cmd.ok && cmd.value.kind === 'abort') {
      if (state) state.abort = true;
      return;
    }
    const s = await this.link.send(nackApdu(RESULT.functionNotPossible));
    if (!s.ok) throw new LineGone();
  }

  /** Wait `ms` as the customer does something; an Abort from the register cuts it short. */
  async customerWait(ms: number, state: AbortFlag): Promise<void> {
    this.sim.scriptedDelayTotalMs += ms;
    const deadline = Date.now() + ms;
    while (!state.abort) {
      const left = deadline - Date.now();
      if (left <= 0) return;
      const r = await this.link.receive(left);
      if (!r.ok) {
        if (r.error.code === 'terminal.timeout') return;
        throw new LineGone();
      }
      const m = parsePtMessage(r.value);
      if (m.ok && (m.value.kind === 'ack' || m.value.kind === 'nack')) continue;
      await this.whileBusy(r.value, state);
    }
  }

  /** Intermediate status is information for the cashier; losing one must not stop the payment. */
  async step(status: number, b: SimBehaviour, state: AbortFlag): Promise<void> {
    try {
      await this.sendAwait(ptBuild.intermediate(status), b, state);
    } catch (e) {
      if (!(e instanceof LineGone)) throw e;
    }
  }

  async print(line: string, b: SimBehaviour | null): Promise<void> {
    this.sim.noteLine(line);
    await this.sendAwait(ptBuild.printLine(line, { charset: this.sim.charset }), b);
  }
}
