// Signing a register's requests to HQ, shared by both ends: HMAC-SHA256 with the register's own
// secret over the method, path, register, time, a one-time nonce and the body's SHA-256. The time
// and nonce let HQ refuse a replayed request; the register id in the signed text means one
// register's key can never speak for another.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export interface SignedParts {
  method: string;
  path: string;
  registerId: string;
  time: number;
  nonce: string;
  body: string | Uint8Array;
}

export function signingText(p: SignedParts): string {
  const bodyHash = createHash('sha256').update(p.body).digest('hex');
  return [p.method.toUpperCase(), p.path, p.registerId, String(p.time), p.nonce, bodyHash].join('\n');
}

export function signRequest(secret: Buffer, p: SignedParts): string {
  return createHmac('sha256', secret).update(signingText(p)).digest('hex');
}

export function newNonce(): string {
  return randomBytes(16).toString('hex');
}

/** Constant-time check of a signature given in hex. */
export function signatureHolds(secret: Buffer, p: SignedParts, signature: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(signature)) return false;
  const expected = Buffer.from(signRequest(secret, p), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature, 'hex'));
}
