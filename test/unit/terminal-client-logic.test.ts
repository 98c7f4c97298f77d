// The pieces of the client that need no terminal: the link layer over an in-memory transport,
// the redacting frame logger, result/step translation keys and the recovery matcher.
import { describe, expect, it } from 'vitest';
import { apdu, encodeApdu } from '../../main/hardware/terminal/apdu';
import { resultKey, stepKey } from '../../main/hardware/terminal/codes';
import { describeApdu, formatLinkEvent } from '../../main/hardware/terminal/frame-logger';
import { ACK, FrameDecoder, encodeFrame } from '../../main/hardware/terminal/framing';
import { ZvtLink } from '../../main/hardware/terminal/link';
import { encodePanBcd } from '../../main/hardware/terminal/pan';
import { ptBuild } from '../../main/hardware/terminal/pt-messages';
import { matchRecoveredTransaction } from '../../main/hardware/terminal/recovery';
import { ok, type TerminalResult } from '../../main/hardware/terminal/result';
import { emptyStatus } from '../../main/hardware/terminal/status-info';
import type { ByteTransport } from '../../main/hardware/terminal/transport';

/** A serial line in memory: records writes, lets the test play the peer. */
class MemoryLine implements ByteTransport {
  readonly kind = 'serial' as const;
  readonly endpoint = 'memory';
  written: Uint8Array[] = [];
  private data: ((c: Uint8Array) => void)[] = [];
  private closed: ((r: string) => void)[] = [];
  onWrite: (bytes: Uint8Array) => void = () => undefined;
  async open(): Promise<TerminalResult<void>> {
    return ok(undefined);
  }
  async write(bytes: Uint8Array): Promise<TerminalResult<void>> {
    this.written.push(bytes);
    this.onWrite(bytes);
    return ok(undefined);
  }
  async close(): Promise<void> {
    this.closed.forEach((l) => l('closed'));
  }
  isOpen(): boolean {
    return true;
  }
  onData(l: (c: Uint8Array) => void): void {
    this.data.push(l);
  }
  onClose(l: (r: string) => void): void {
    this.closed.push(l);
  }
  feed(bytes: Uint8Array | number[]): void {
    this.data.forEach((l) => l(Uint8Array.from(bytes)));
  }
}

const timeouts = { ackMs: 20, maxRetransmits: 2, interByteMs: 20 };

describe('link layer (in memory)', () => {
  it('gives up with terminal.link_failed after the retransmissions, never more', async () => {
    const line = new MemoryLine();
    const link = new ZvtLink(line, { timeouts });
    const r = await link.send(apdu(0x06, 0x01, [0x04, 0, 0, 0, 0, 0x10, 0]));
    expect(r).toMatchObject({ ok: false, error: { code: 'terminal.link_failed', params: { attempts: 3 } } });
    expect(line.written.length).toBe(3);
  });

  it('ACKs a good frame, NAKs a bad CRC, and queues frames that arrive before anyone waits', async () => {
    const line = new MemoryLine();
    const link = new ZvtLink(line, { timeouts });
    const good = encodeFrame(Uint8Array.of(0x80, 0, 0));
    const bad = Uint8Array.from(good);
    bad[bad.length - 1] = 0;
    line.feed([...bad, ...good, ...encodeFrame(Uint8Array.of(0x04, 0xff, 0x01, 0x0a))]);
    expect(line.written.map((w) => w[0])).toEqual([0x15, ACK, ACK]);
    const first = await link.receive(100);
    const second = await link.receive(100);
    expect(first.ok && first.value.cls).toBe(0x80);
    expect(second.ok && second.value.ins).toBe(0xff);
    expect(await link.receive(10)).toMatchObject({ ok: false, error: { code: 'terminal.timeout' } });
  });

  it('drops a half frame after the inter-byte timeout so the next frame gets through', async () => {
    const line = new MemoryLine();
    // The link logs the drop when its inter-byte timer fires: the next frame is fed after that, not after a guessed pause.
    let logDrop: () => void = () => undefined;
    const dropped = new Promise<void>((resolve) => (logDrop = resolve));
    const link = new ZvtLink(line, {
      timeouts,
      logger: (e) => {
        if (e.type === 'link' && e.what === 'frame_error' && e.detail?.includes('inter-byte timeout')) logDrop();
      },
    });
    line.feed([0x10, 0x02, 0x04, 0xff]);
    await dropped;
    line.feed(encodeFrame(Uint8Array.of(0x80, 0, 0)));
    const r = await link.receive(100);
    expect(r.ok && r.value.cls).toBe(0x80);
  });

  it('resends the same frame after a NAK and succeeds on ACK', async () => {
    const line = new MemoryLine();
    const link = new ZvtLink(line, { timeouts: { ...timeouts, ackMs: 500 } });
    let n = 0;
    line.onWrite = () => setTimeout(() => line.feed([n++ === 0 ? 0x15 : ACK]), 1);
    const r = await link.send(apdu(0x80, 0));
    expect(r.ok).toBe(true);
    expect(line.written.length).toBe(2);
    expect(line.written[0]).toEqual(line.written[1]);
    const events = new FrameDecoder().push(line.written[0] ?? new Uint8Array());
    expect(events[0]?.type).toBe('frame');
  });

  it('fails waiting receivers with terminal.disconnected when the line closes', async () => {
    const line = new MemoryLine();
    const link = new ZvtLink(line, { timeouts });
    const pending = link.receive(10_000);
    await line.close();
    expect(await pending).toMatchObject({ ok: false, error: { code: 'terminal.disconnected' } });
    expect(await link.send(apdu(0x80, 0))).toMatchObject({ ok: false, error: { code: 'terminal.disconnected' } });
  });
});

describe('frame logger redaction', () => {
  it('never prints a full PAN, even when the terminal sends one, nor track data', () => {
    const full = '4761739001010119';
    const data = Uint8Array.from([0x27, 0x00, 0x22, 0xf0, 0xf8, ...encodePanBcd(full), 0x23, 0xf0, 0xf4, 0x47, 0x61, 0x73, 0x90]);
    const line = describeApdu(apdu(0x04, 0x0f, data));
    expect(line).toContain('476173******0119');
    expect(line).not.toContain(full);
    const printLine = describeApdu(ptBuild.printLine(`Karte ${full}`));
    expect(printLine).not.toContain(full);
    const unknown = describeApdu(apdu(0x06, 0x99, Uint8Array.from([0x22, 0xf0, 0xf8, ...encodePanBcd(full)])));
    expect(unknown).not.toMatch(/47 61 73 90/);
    expect(unknown).not.toContain(full);
    expect(formatLinkEvent({ type: 'link', dir: 'rx', what: 'frame_error', detail: `junk ${full}` })).not.toContain(full);
  });
  it('logs undecodable card-bearing messages by header and length only', () => {
    const line = describeApdu(apdu(0x04, 0x0f, [0x22, 0xf0, 0xf8, 0x47, 0x61]));
    expect(line).toMatch(/^04 0f len=5 \(undecoded: codec\./);
    const bytes = encodeApdu(apdu(0x80, 0));
    expect(bytes.ok).toBe(true);
  });
});

describe('translation keys', () => {
  it('maps result codes and intermediate status to stable keys', () => {
    expect(resultKey(0x00)).toBe('terminal.result.success');
    expect(resultKey(0x6c)).toBe('terminal.result.aborted');
    expect(resultKey(0x51)).toBe('terminal.result.insufficient_funds');
    expect(resultKey(0x42)).toBe('terminal.result.declined');
    expect(resultKey(0xee)).toBe('terminal.result.unknown');
    expect(stepKey(0x0a)).toBe('terminal.step.insert_card');
    expect(stepKey(0x01)).toBe('terminal.step.enter_pin');
    expect(stepKey(0x17)).toBe('terminal.step.please_wait');
    expect(stepKey(0x0b)).toBe('terminal.step.remove_card');
    expect(stepKey(0x77)).toBe('terminal.step.other');
  });
});

describe('recovery matcher', () => {
  const startedAt = new Date(2026, 10, 26, 14, 30, 0);
  const last = { ...emptyStatus(0), amountMinor: 1250, receiptNo: 7, trace: 9, date: '11-26', time: '14:30:40' };
  it('approves a matching approval and declines a matching decline', () => {
    expect(matchRecoveredTransaction({ amountMinor: 1250, startedAt }, last)).toBe('approved');
    expect(matchRecoveredTransaction({ amountMinor: 1250, startedAt }, { ...last, resultCode: 0x51 })).toBe('declined');
  });
  it('says unknown rather than guess', () => {
    expect(matchRecoveredTransaction({ amountMinor: 1250, startedAt }, null)).toBe('unknown');
    expect(matchRecoveredTransaction({ amountMinor: 999, startedAt }, last)).toBe('unknown');
    expect(matchRecoveredTransaction({ amountMinor: 1250, startedAt, receiptNo: 8 }, last)).toBe('unknown');
    expect(matchRecoveredTransaction({ amountMinor: 1250, startedAt: new Date(2026, 10, 26, 18, 0, 0) }, last)).toBe('unknown');
    expect(matchRecoveredTransaction({ amountMinor: 1250, startedAt }, { ...last, time: null })).toBe('unknown');
  });
  it('trusts an identifying receipt number even when the clock is off', () => {
    expect(matchRecoveredTransaction({ amountMinor: 1250, startedAt: new Date(2026, 10, 26, 15, 30, 0), receiptNo: 7 }, last)).toBe('approved');
  });
  it('declines when the terminal still reports the transaction before ours', () => {
    expect(matchRecoveredTransaction({ amountMinor: 500, startedAt, previousReceiptNo: 7 }, last)).toBe('declined');
  });
  it('handles the year boundary (terminal sends no year)', () => {
    const nye = new Date(2026, 11, 31, 23, 59, 0);
    expect(matchRecoveredTransaction({ amountMinor: 1250, startedAt: nye }, { ...last, date: '01-01', time: '00:01:00' })).toBe('approved');
  });
});
