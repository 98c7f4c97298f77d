// BMP fields: a one-byte id followed by a value whose length the id implies (fixed), or which
// carries its own length (LLVAR `Fx Fy`, LLLVAR `Fx Fy Fz`, BER for the TLV container 06).
// An unknown id makes the rest of the APDU unparseable, so it is an error, not a skip.
import { decodeTlvLength, encodeTlvLength } from './tlv';
import { fail, ok, type TerminalResult } from './result';

type BmpFormat = { fixed: number } | 'llvar' | 'lllvar' | 'tlv';

export const BMP = {
  timeout: 0x01,
  maxStatusInfos: 0x02,
  serviceByte: 0x03,
  amount: 0x04,
  tlv: 0x06,
  trace: 0x0b,
  time: 0x0c,
  date: 0x0d,
  expiry: 0x0e,
  cardSequence: 0x17,
  paymentType: 0x19,
  pan: 0x22,
  track2: 0x23,
  track3: 0x24,
  resultCode: 0x27,
  terminalId: 0x29,
  vuNumber: 0x2a,
  track1: 0x2d,
  originalTrace: 0x37,
  cvv: 0x3a,
  aid: 0x3b,
  additionalText: 0x3c,
  password: 0x3d,
  currency: 0x49,
  singleTotals: 0x60,
  receiptNo: 0x87,
  turnoverNo: 0x88,
  cardType: 0x8a,
  cardName: 0x8b,
  cardTypeId: 0x8c,
  resultCodeAs: 0xa0,
  chipData: 0xa7,
  aidParameter: 0xba,
} as const;

const FORMATS: Record<number, BmpFormat> = {
  0x01: { fixed: 1 },
  0x02: { fixed: 1 },
  0x03: { fixed: 1 },
  0x04: { fixed: 6 },
  0x05: { fixed: 1 },
  0x06: 'tlv',
  0x0b: { fixed: 3 },
  0x0c: { fixed: 3 },
  0x0d: { fixed: 2 },
  0x0e: { fixed: 2 },
  0x17: { fixed: 2 },
  0x19: { fixed: 1 },
  0x22: 'llvar',
  0x23: 'llvar',
  0x24: 'lllvar',
  0x27: { fixed: 1 },
  0x29: { fixed: 4 },
  0x2a: { fixed: 15 },
  0x2d: 'llvar',
  0x2e: 'lllvar',
  0x37: { fixed: 3 },
  0x3a: { fixed: 2 },
  0x3b: { fixed: 8 },
  0x3c: 'lllvar',
  0x3d: { fixed: 3 },
  0x49: { fixed: 2 },
  0x60: 'lllvar',
  0x87: { fixed: 2 },
  0x88: { fixed: 3 },
  0x8a: { fixed: 1 },
  0x8b: 'llvar',
  0x8c: { fixed: 1 },
  0x9a: 'lllvar',
  0xa0: { fixed: 1 },
  0xa7: 'llvar',
  0xaf: 'lllvar',
  0xba: { fixed: 5 },
  0xd0: { fixed: 1 },
  0xd1: 'llvar',
  0xd2: { fixed: 1 },
  0xd3: { fixed: 1 },
  0xe0: { fixed: 1 },
  0xe9: { fixed: 1 },
  0xea: { fixed: 1 },
  0xeb: { fixed: 8 },
  0xf0: { fixed: 1 },
  0xf9: { fixed: 1 },
};
for (const id of [0xe1, 0xe2, 0xe3, 0xe4, 0xe5, 0xe6, 0xe7, 0xe8, 0xf1, 0xf2, 0xf3, 0xf4, 0xf5, 0xf6, 0xf7, 0xf8]) {
  FORMATS[id] = 'llvar';
}

/** Fields that carry card secrets: decoded only to skip them; their values never leave the codec. */
export const SECRET_BMPS: ReadonlySet<number> = new Set([0x23, 0x24, 0x2d, 0x3a]);

export interface BmpField {
  id: number;
  value: Uint8Array;
}

function readVarLength(bytes: Uint8Array, at: number, digits: number): TerminalResult<number> {
  let n = 0;
  for (let i = 0; i < digits; i++) {
    const b = bytes[at + i];
    if (b === undefined) return fail('codec.truncated', { at });
    if (b >> 4 !== 0x0f || (b & 0x0f) > 9) return fail('codec.bad_bcd', { at: at + i, byte: b });
    n = n * 10 + (b & 0x0f);
  }
  return ok(n);
}

export function decodeBmps(bytes: Uint8Array): TerminalResult<BmpField[]> {
  const out: BmpField[] = [];
  let at = 0;
  while (at < bytes.length) {
    const id = bytes[at] ?? 0;
    const format = FORMATS[id];
    if (!format) return fail('codec.unknown_bmp', { id, at });
    let start: number;
    let length: number;
    if (format === 'tlv') {
      const l = decodeTlvLength(bytes, at + 1);
      if (!l.ok) return l;
      start = at + 1 + l.value.size;
      length = l.value.length;
    } else if (format === 'llvar' || format === 'lllvar') {
      const digits = format === 'llvar' ? 2 : 3;
      const l = readVarLength(bytes, at + 1, digits);
      if (!l.ok) return l;
      start = at + 1 + digits;
      length = l.value;
    } else {
      start = at + 1;
      length = format.fixed;
    }
    if (start + length > bytes.length) return fail('codec.truncated', { id, at });
    out.push({ id, value: bytes.slice(start, start + length) });
    at = start + length;
  }
  return ok(out);
}

function varLength(n: number, digits: number): number[] {
  const s = String(n).padStart(digits, '0');
  return [...s].map((d) => 0xf0 | Number(d));
}

export function encodeBmp(id: number, value: Uint8Array): TerminalResult<Uint8Array> {
  const format = FORMATS[id];
  if (!format) return fail('codec.unknown_bmp', { id });
  let head: number[];
  if (format === 'tlv') head = [id, ...encodeTlvLength(value.length)];
  else if (format === 'llvar') {
    if (value.length > 99) return fail('codec.value_out_of_range', { id, length: value.length });
    head = [id, ...varLength(value.length, 2)];
  } else if (format === 'lllvar') {
    if (value.length > 999) return fail('codec.value_out_of_range', { id, length: value.length });
    head = [id, ...varLength(value.length, 3)];
  } else {
    if (value.length !== format.fixed) return fail('codec.length_mismatch', { id, expected: format.fixed, actual: value.length });
    head = [id];
  }
  const out = new Uint8Array(head.length + value.length);
  out.set(head, 0);
  out.set(value, head.length);
  return ok(out);
}

/** Encode several BMPs in order; the first failure wins. */
export function encodeBmps(fields: BmpField[]): TerminalResult<Uint8Array> {
  const parts: Uint8Array[] = [];
  for (const f of fields) {
    const e = encodeBmp(f.id, f.value);
    if (!e.ok) return e;
    parts.push(e.value);
  }
  return ok(concat(parts));
}

export function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
