// Packed BCD as ZVT uses it: two decimal digits per byte, most significant first. Amounts are
// cents in 6 bytes (12 digits), which stays well inside Number.MAX_SAFE_INTEGER.
import { fail, ok, type TerminalResult } from './result';

export function encodeBcd(digits: string, byteLength: number): TerminalResult<Uint8Array> {
  if (!/^\d*$/.test(digits) || digits.length > byteLength * 2) {
    return fail('codec.value_out_of_range', { digits: digits.length, byteLength });
  }
  const padded = digits.padStart(byteLength * 2, '0');
  const out = new Uint8Array(byteLength);
  for (let i = 0; i < byteLength; i++) {
    out[i] = (Number(padded[2 * i]) << 4) | Number(padded[2 * i + 1]);
  }
  return ok(out);
}

export function decodeBcd(bytes: Uint8Array): TerminalResult<string> {
  let s = '';
  for (const b of bytes) {
    const hi = b >> 4;
    const lo = b & 0x0f;
    if (hi > 9 || lo > 9) return fail('codec.bad_bcd', { byte: b });
    s += String(hi) + String(lo);
  }
  return ok(s);
}

export function decodeBcdNumber(bytes: Uint8Array): TerminalResult<number> {
  const d = decodeBcd(bytes);
  return d.ok ? ok(Number(d.value)) : d;
}

export const MAX_AMOUNT_MINOR = 999_999_999_999;

export function encodeAmount(amountMinor: number): TerminalResult<Uint8Array> {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0 || amountMinor > MAX_AMOUNT_MINOR) {
    return fail('codec.value_out_of_range', { amountMinor: String(amountMinor) });
  }
  return encodeBcd(String(amountMinor), 6);
}
