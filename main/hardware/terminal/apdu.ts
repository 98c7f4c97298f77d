// APDU = CLASS INSTR LEN data. LEN is one byte, or FF lo hi for long payloads (text blocks run to
// ~1000 bytes). Over TCP the APDUs arrive back to back with no framing, so the stream decoder
// below is what finds their boundaries there.
import { fail, ok, type TerminalResult } from './result';

export interface Apdu {
  cls: number;
  ins: number;
  data: Uint8Array;
}

export const MAX_APDU_DATA = 0xffff;

export function apdu(cls: number, ins: number, data: Uint8Array | number[] = []): Apdu {
  return { cls, ins, data: data instanceof Uint8Array ? data : Uint8Array.from(data) };
}

export function encodeApdu(a: Apdu): TerminalResult<Uint8Array> {
  const n = a.data.length;
  if (n > MAX_APDU_DATA) return fail('codec.value_out_of_range', { length: n });
  const head = n < 0xff ? [a.cls, a.ins, n] : [a.cls, a.ins, 0xff, n & 0xff, n >> 8];
  const out = new Uint8Array(head.length + n);
  out.set(head, 0);
  out.set(a.data, head.length);
  return ok(out);
}

/** Bytes the length header needs, or a negative number when more bytes are required to know. */
function headerLength(bytes: Uint8Array): { header: number; dataLength: number } | null {
  if (bytes.length < 3) return null;
  if (bytes[2] !== 0xff) return { header: 3, dataLength: bytes[2] ?? 0 };
  if (bytes.length < 5) return null;
  return { header: 5, dataLength: (bytes[3] ?? 0) | ((bytes[4] ?? 0) << 8) };
}

/** Decode exactly one APDU; trailing or missing bytes are an error, not silently tolerated. */
export function decodeApdu(bytes: Uint8Array): TerminalResult<Apdu> {
  const h = headerLength(bytes);
  if (!h) return fail('codec.truncated', { length: bytes.length });
  const expected = h.header + h.dataLength;
  if (bytes.length !== expected) return fail('codec.length_mismatch', { expected, actual: bytes.length });
  return ok({ cls: bytes[0] ?? 0, ins: bytes[1] ?? 0, data: bytes.slice(h.header) });
}

/** Splits a TCP byte stream into APDUs; keeps the incomplete tail for the next chunk. */
export class ApduStreamDecoder {
  private buf = new Uint8Array(0);

  push(chunk: Uint8Array): Apdu[] {
    const merged = new Uint8Array(this.buf.length + chunk.length);
    merged.set(this.buf, 0);
    merged.set(chunk, this.buf.length);
    const out: Apdu[] = [];
    let offset = 0;
    for (;;) {
      const rest = merged.subarray(offset);
      const h = headerLength(rest);
      if (!h || rest.length < h.header + h.dataLength) break;
      out.push({ cls: rest[0] ?? 0, ins: rest[1] ?? 0, data: rest.slice(h.header, h.header + h.dataLength) });
      offset += h.header + h.dataLength;
    }
    this.buf = merged.slice(offset);
    return out;
  }

  pending(): number {
    return this.buf.length;
  }
}

export function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

export function fromHex(s: string): Uint8Array {
  const clean = s.replace(/[^0-9a-fA-F]/g, '');
  const out = new Uint8Array(clean.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(clean.slice(2 * i, 2 * i + 2), 16);
  return out;
}

export function commandName(a: Pick<Apdu, 'cls' | 'ins'>): string {
  return `${a.cls.toString(16).padStart(2, '0')} ${a.ins.toString(16).padStart(2, '0')}`;
}
