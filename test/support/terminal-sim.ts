// Test helpers for the card terminal: a simulator on a real socat pty pair and clients tuned
// with short link timeouts so fault tests finish quickly. Everything started is tracked and
// stopped by `stopAll()`, and socat pids are remembered so tests can prove none leaked.
import { TerminalClient, type TerminalClientOptions } from '../../main/hardware/terminal/client';
import { createFrameLogger } from '../../main/hardware/terminal/frame-logger';
import { TerminalSimulator } from '../../main/hardware/terminal/simulator/simulator';
import type { SimulatorOptions } from '../../main/hardware/terminal/simulator/simulator-state';

export const FAST_SIM_TIMEOUTS = { ackMs: 300, maxRetransmits: 2, commandAckMs: 2000 };
export const FAST_CLIENT_TIMEOUTS = { ackMs: 300, maxRetransmits: 3, commandAckMs: 2000, masterSilenceMs: 1500 };

export class TerminalFixture {
  readonly sims: TerminalSimulator[] = [];
  readonly clients: TerminalClient[] = [];
  readonly socatPids: number[] = [];
  readonly logLines: string[] = [];

  async sim(opts: SimulatorOptions = {}): Promise<TerminalSimulator> {
    const r = await TerminalSimulator.startPty({ timeouts: FAST_SIM_TIMEOUTS, ...opts });
    if (!r.ok) throw new Error(`simulator did not start: ${r.error.code} ${JSON.stringify(r.error.params)}`);
    this.sims.push(r.value);
    if (r.value.socatPid) this.socatPids.push(r.value.socatPid);
    return r.value;
  }

  client(sim: TerminalSimulator, opts: TerminalClientOptions = {}): TerminalClient {
    const path = sim.registerPath;
    if (!path) throw new Error('simulator has no pty');
    const c = TerminalClient.serial({ path }, { timeouts: FAST_CLIENT_TIMEOUTS, logger: createFrameLogger((l) => this.logLines.push(l)), ...opts });
    this.clients.push(c);
    return c;
  }

  async connected(sim: TerminalSimulator, opts: TerminalClientOptions = {}): Promise<TerminalClient> {
    const c = this.client(sim, opts);
    const r = await c.connect();
    if (!r.ok) throw new Error(`connect failed: ${r.error.code} ${JSON.stringify(r.error.params)}`);
    return c;
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.clients.splice(0).map((c) => c.close()));
    await Promise.all(this.sims.splice(0).map((s) => s.stop()));
  }
}

export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
