// Operators' PINs are hashed at HQ and only the hash goes down. The register checks a PIN with
// scrypt over the NFKC form, keyed by the salt and parameters stored beside the hash; this writes
// exactly that form (test/integration/hq-down.test.ts logs in at a register with a PIN set here).
import { randomBytes, scryptSync } from 'node:crypto';

export const HQ_PIN_PARAMS = { N: 16384, r: 8, p: 1, keylen: 32 };

export function hashPinForRegisters(pin: string): { pinHash: string; pinSalt: string; pinParams: typeof HQ_PIN_PARAMS } {
  if (!/^[0-9]{4,8}$/.test(pin)) throw new RangeError('a PIN is 4 to 8 digits');
  const salt = randomBytes(16);
  const p = HQ_PIN_PARAMS;
  const hash = scryptSync(pin.normalize('NFKC'), salt, p.keylen, { N: p.N, r: p.r, p: p.p, maxmem: 64 * 1024 * 1024 });
  return { pinHash: hash.toString('hex'), pinSalt: salt.toString('hex'), pinParams: { ...p } };
}
