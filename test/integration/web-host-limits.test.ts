// Browser mode's host facing a misbehaving client (malformed frames, per RFC 6455) and messages at
// and beyond its size limits: the connection closes with the right code and the books do not change.
// A client that stops reading (a frozen tab) is cut off once a bounded backlog waits for it.
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { MAX_CSV_BYTES } from '../../preload/contract/limits';
import { MAX_MESSAGE_BYTES, WS_PROTOCOL } from '../../preload/contract/web-protocol';
import { MAX_QUEUED_BYTES } from '../../main/host/web';
import { reg, host, authLines, pageSocket, useWebHost } from '../support/web-host-rig';

useWebHost();

/** The register's books, to show a misbehaving client changed nothing in them. */
function ledgerSnapshot(): string {
  const tables = ['journal', 'documents', 'document_lines', 'payments', 'products', 'operators'];
  return JSON.stringify(tables.map((t) => reg.db.prepare(`SELECT * FROM ${t} ORDER BY rowid`).all()));
}

/** One call over an open socket, answered by its result. */
function callOver(
  ws: WebSocket,
  id: number,
  name: string,
  input: unknown,
): Promise<{ ok: boolean; error?: { code: string; params: Record<string, unknown> } }> {
  return new Promise((resolve, reject) => {
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse((data as Buffer).toString('utf8')) as { type: string; id?: number; result?: { ok: boolean } };
      if (message.type !== 'result' || message.id !== id) return;
      ws.off('message', onMessage);
      resolve(message.result as { ok: boolean });
    };
    ws.on('message', onMessage);
    ws.once('close', () => reject(new Error('socket closed before the answer')));
    ws.send(JSON.stringify({ type: 'call', id, name, input }));
  });
}

// RFC 6455 section 1.3: this client key must be answered with this accept value.
const RFC_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
const RFC_ACCEPT = 's3pPLMBiTxaQ9kYGzzhZRbK+xOo=';
// RFC 6455 section 5.7: "A single-frame masked text message" carrying "Hello", and its masking key.
const RFC_MASKED_HELLO = [0x81, 0x85, 0x37, 0xfa, 0x21, 0x3d, 0x7f, 0x9f, 0x4d, 0x51, 0x58];
const RFC_MASK = [0x37, 0xfa, 0x21, 0x3d];
// RFC 6455 section 5.7: "A single-frame unmasked text message" carrying "Hello".
const RFC_UNMASKED_HELLO = [0x81, 0x05, 0x48, 0x65, 0x6c, 0x6c, 0x6f];

/** Masks a client payload with the RFC's example key (section 5.3: octet i XOR key octet i mod 4). */
const masked = (payload: number[]) => payload.map((b, i) => b ^ (RFC_MASK[i % 4] ?? 0));

/**
 * Frames a client must never send, each built by hand from RFC 6455 section 5.2, with the close
 * code section 7.4.1 gives for it: 1002 protocol error, 1007 data that does not match the message
 * type, 1009 a message too big to process.
 */
const MALFORMED: { kind: string; bytes: () => number[]; closeCode: number }[] = [
  // 0xFF never appears in UTF-8 (RFC 3629 section 1).
  { kind: 'a text frame that is not UTF-8', bytes: () => [0x81, 0x81, ...RFC_MASK, ...masked([0xff])], closeCode: 1007 },
  // RSV1 without a negotiated extension (section 5.2): the RFC's frame with bit 0x40 set.
  { kind: 'RSV1 set', bytes: () => [0x81 | 0x40, ...RFC_MASKED_HELLO.slice(1)], closeCode: 1002 },
  // Opcode 0x3 is reserved for further non-control frames (section 5.2).
  { kind: 'an unknown opcode', bytes: () => [0x83, ...RFC_MASKED_HELLO.slice(1)], closeCode: 1002 },
  // A client MUST mask every frame (section 5.1).
  { kind: 'an unmasked client frame', bytes: () => RFC_UNMASKED_HELLO, closeCode: 1002 },
  // A text frame announcing one byte more than the register takes: 127 then a 64-bit length.
  {
    kind: 'a frame larger than the limit',
    bytes: () => {
      const length = Buffer.alloc(8);
      length.writeBigUInt64BE(BigInt(MAX_MESSAGE_BYTES + 1));
      return [0x81, 0x80 | 127, ...length, ...RFC_MASK];
    },
    closeCode: 1009,
  },
  // Control frames carry at most 125 bytes (section 5.5): a ping of 200, with a 16-bit length.
  { kind: 'a 200-byte ping', bytes: () => [0x89, 0x80 | 126, 0x00, 200, ...RFC_MASK, ...masked(new Array<number>(200).fill(0x61))], closeCode: 1002 },
];

/** A client that completes a real upgrade by hand over TCP, then writes whatever bytes it likes. */
async function rawClient(): Promise<{ send(bytes: number[]): void; closed: Promise<Buffer>; stopReading(): void; readAgain(): void }> {
  const socket = connect({ host: '127.0.0.1', port: host.port });
  let buffer = Buffer.alloc(0);
  let upgraded: (rest: Buffer) => void = () => undefined;
  const headerDone = new Promise<Buffer>((resolve) => (upgraded = resolve));
  let headerSeen = false;
  socket.on('data', (chunk: Buffer) => {
    buffer = Buffer.concat([buffer, chunk]);
    const end = buffer.indexOf('\r\n\r\n');
    if (!headerSeen && end >= 0) {
      headerSeen = true;
      upgraded(buffer);
    }
  });
  const closed = new Promise<Buffer>((resolve, reject) => {
    socket.once('close', () => resolve(buffer));
    socket.once('error', reject);
  });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const request = [
    'GET /ws HTTP/1.1',
    `Host: 127.0.0.1:${host.port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${RFC_KEY}`,
    'Sec-WebSocket-Version: 13',
    `Origin: http://127.0.0.1:${host.port}`,
    ...authLines(),
  ];
  socket.write(`${request.join('\r\n')}\r\n\r\n`);
  const head = await Promise.race([headerDone, closed]);
  const text = head.toString('latin1');
  expect(text.split('\r\n')[0]).toBe('HTTP/1.1 101 Switching Protocols');
  expect(text).toContain(`Sec-WebSocket-Accept: ${RFC_ACCEPT}`);
  expect(text).toContain(`Sec-WebSocket-Protocol: ${WS_PROTOCOL}\r\n`);
  const headerLength = head.indexOf('\r\n\r\n') + 4;
  return {
    send: (bytes) => socket.write(Buffer.from(bytes)),
    closed: closed.then((all) => all.subarray(headerLength)),
    // A frozen tab: the connection stays up, nothing is read from it.
    stopReading: () => socket.pause(),
    readAgain: () => socket.resume(),
  };
}

describe('browser mode host, facing a misbehaving client', () => {
  it.each(MALFORMED)('drops a client that sends $kind, logs it, and keeps serving the others', async ({ bytes, closeCode }) => {
    const other = await pageSocket();
    expect((await callOver(other, 1, 'session.current', {})).ok).toBe(true);
    const before = ledgerSnapshot();
    const logged = reg.log.lines.length;

    const bad = await rawClient();
    bad.send(bytes());
    const answer = await bad.closed;
    // The register's last word to it: a Close frame (FIN + opcode 0x8) with the RFC's status code.
    expect(answer[0]).toBe(0x88);
    expect(answer.readUInt16BE(2)).toBe(closeCode);
    expect(reg.log.lines.slice(logged).filter((l) => l.includes('WebSocket client'))).toHaveLength(1);

    expect((await callOver(other, 2, 'session.current', {})).ok).toBe(true);
    const later = await pageSocket();
    expect((await callOver(later, 1, 'session.current', {})).ok).toBe(true);
    later.close();
    other.close();
    expect(ledgerSnapshot()).toBe(before);
  });
});

describe('browser mode host, size limits', () => {
  it('carries any CSV the schema accepts, even at its worst JSON growth, and leaves one byte more to the schema', async () => {
    const ws = await pageSocket();
    // U+0001 is one byte of CSV and six of JSON ("\u0001"): the most a call can grow on the wire.
    const worst = '\u0001'.repeat(MAX_CSV_BYTES);
    expect(Buffer.byteLength(JSON.stringify({ type: 'call', id: 1, name: 'catalog.importCsv', input: { csv: worst } }))).toBeGreaterThan(5 * MAX_CSV_BYTES);
    // Through the socket and past the schema: the router's next word is that a cashier may not import.
    expect(await callOver(ws, 1, 'catalog.importCsv', { csv: worst })).toMatchObject({ ok: false, error: { code: 'session.forbidden' } });
    // One byte over the limit, in Chinese (3 bytes a character): far fewer characters than bytes.
    const characters = Math.floor(MAX_CSV_BYTES / 3);
    const chinese = `${'价'.repeat(characters)}${'a'.repeat(MAX_CSV_BYTES + 1 - 3 * characters)}`;
    expect(Buffer.byteLength(chinese)).toBe(MAX_CSV_BYTES + 1);
    expect(await callOver(ws, 2, 'catalog.importCsv', { csv: chinese })).toMatchObject({
      ok: false,
      error: { code: 'request.invalid_input', params: { field: 'csv' } },
    });
    // The socket is still open for the next call.
    expect((await callOver(ws, 3, 'session.current', {})).ok).toBe(true);
    ws.close();
  });
});

describe('browser mode host, facing a client that stops reading', () => {
  it('cuts off a frozen tab once a bounded backlog waits for it, while a page that reads hears every event', async () => {
    const reading = await pageSocket();
    let heard = 0;
    reading.on('message', (data) => {
      const message = JSON.parse((data as Buffer).toString('utf8')) as { type: string; event?: string };
      // Each sale.changed also moves the customer display (display.changed): count the sales' own.
      if (message.type === 'event' && message.event === 'sale.changed') heard++;
    });
    const frozen = await rawClient();
    frozen.stopReading();
    const logged = reg.log.lines.length;

    // Events of 1 MiB each (a sale's view padded out) until twice the backlog the host keeps for one socket.
    const sale = await reg.must('sale.current', {});
    const big = { ...sale, note: 'x'.repeat(1024 * 1024) };
    const events = (2 * MAX_QUEUED_BYTES) / (1024 * 1024);
    for (let i = 0; i < events; i++) {
      reg.events.emit('sale.changed', big);
      // The host's sends run as the loop turns, as they do between a till's calls.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await expect.poll(() => heard, { timeout: 20_000 }).toBe(events);
    const dropped = reg.log.lines.slice(logged).filter((l) => l.includes('stopped reading'));
    expect(dropped).toHaveLength(1);

    // Woken up, the tab finds its connection gone (the page then connects again).
    frozen.readAgain();
    const received = await frozen.closed;
    expect(received.length).toBeLessThan(events * 1024 * 1024);
    expect((await callOver(reading, 1, 'session.current', {})).ok).toBe(true);
    reading.close();
  });
});
