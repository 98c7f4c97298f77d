import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

export interface PinParams {
  N: number;
  r: number;
  p: number;
  keylen: number;
}

// N=2^14 costs ~30 ms per check here: invisible at the counter, expensive for a brute force of
// a stolen ledger file. Parameters are stored per operator so they can be raised later.
export const DEFAULT_PIN_PARAMS: PinParams = { N: 16384, r: 8, p: 1, keylen: 32 };

export function hashPin(pin: string, params: PinParams = DEFAULT_PIN_PARAMS): { hash: Buffer; salt: Buffer; params: PinParams } {
  const salt = randomBytes(16);
  return { hash: derive(pin, salt, params), salt, params };
}

/** Constant-time comparison so response time does not leak how much of a PIN matched. */
export function verifyPin(pin: string, hash: Buffer, salt: Buffer, params: PinParams): boolean {
  const candidate = derive(pin, salt, params);
  return candidate.length === hash.length && timingSafeEqual(candidate, hash);
}

function derive(pin: string, salt: Buffer, params: PinParams): Buffer {
  return scryptSync(pin.normalize('NFKC'), salt, params.keylen, { N: params.N, r: params.r, p: params.p, maxmem: 64 * 1024 * 1024 });
}
