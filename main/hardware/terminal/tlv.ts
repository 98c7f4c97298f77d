// ZVT's TLV container (BMP 06) uses BER tags and lengths. Constructed tags (bit 0x20 of the
// first tag byte) hold nested TLVs, e.g. the text block's 25 -> repeated 07 lines.
import { fail, ok, type TerminalResult } from './result';

export interface Tlv {
  tag: number;
  value: Uint8Array;
  children?: Tlv[];
}

const MAX_DEPTH = 8;

export function decodeTlvLength(bytes: Uint8Array, at: number): TerminalResult<{ length: number; size: number }> {
  const first = bytes[at];
  if (first === undefined) return fail('codec.truncated', { at });
  if (first < 0x80) return ok({ length: first, size: 1 });
  const n = first & 0x7f;
  if (n === 0 || n > 2) return fail('codec.bad_tlv', { at, lengthByte: first });
  let length = 0;
  for (let i = 1; i <= n; i++) {
    const b = bytes[at + i];
    if (b === undefined) return fail('codec.truncated', { at });
    length = (length << 8) | b;
  }
  return ok({ length, size: 1 + n });
}

export function encodeTlvLength(length: number): number[] {
  if (length < 0x80) return [length];
  if (length <= 0xff) return [0x81, length];
  return [0x82, length >> 8, length & 0xff];
}

export function decodeTlv(bytes: Uint8Array, depth = 0): TerminalResult<Tlv[]> {
  if (depth > MAX_DEPTH) return fail('codec.bad_tlv', { reason: 'too_deep' });
  const out: Tlv[] = [];
  let at = 0;
  while (at < bytes.length) {
    const first = bytes[at];
    if (first === undefined) break;
    let tag = first;
    let tagSize = 1;
    if ((first & 0x1f) === 0x1f) {
      // Multi-byte tag: continuation bytes have bit 7 set; ZVT uses at most 3 tag bytes.
      for (;;) {
        const next = bytes[at + tagSize];
        if (next === undefined) return fail('codec.truncated', { at });
        tag = (tag << 8) | next;
        tagSize++;
        if ((next & 0x80) === 0) break;
        if (tagSize > 3) return fail('codec.bad_tlv', { at, reason: 'tag_too_long' });
      }
    }
    const len = decodeTlvLength(bytes, at + tagSize);
    if (!len.ok) return len;
    const start = at + tagSize + len.value.size;
    const end = start + len.value.length;
    if (end > bytes.length) return fail('codec.truncated', { at, need: end, have: bytes.length });
    const value = bytes.slice(start, end);
    const node: Tlv = { tag, value };
    if (first & 0x20) {
      const kids = decodeTlv(value, depth + 1);
      if (!kids.ok) return kids;
      node.children = kids.value;
    }
    out.push(node);
    at = end;
  }
  return ok(out);
}

function tagBytes(tag: number): number[] {
  if (tag > 0xffff) return [tag >> 16, (tag >> 8) & 0xff, tag & 0xff];
  if (tag > 0xff) return [tag >> 8, tag & 0xff];
  return [tag];
}

export function encodeTlv(items: Tlv[]): Uint8Array {
  const out: number[] = [];
  for (const item of items) {
    const value = item.children ? encodeTlv(item.children) : item.value;
    out.push(...tagBytes(item.tag), ...encodeTlvLength(value.length), ...value);
  }
  return Uint8Array.from(out);
}

export function findTlv(items: Tlv[] | undefined, tag: number): Tlv | undefined {
  for (const item of items ?? []) {
    if (item.tag === tag) return item;
    const inner = findTlv(item.children, tag);
    if (inner) return inner;
  }
  return undefined;
}
