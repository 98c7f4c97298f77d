// Document ids are UUIDs (RFC 9562) of version 7: 48 bits of the Unix time in ms, then random
// bits. A document's id is repeated in every index over its lines and payments; random (v4) ids
// land anywhere in those B-trees and leave their pages about two-thirds full, while ids that grow
// with time append at the end and fill them. Nothing reads the time back out of an id.
import { randomFillSync } from 'node:crypto';

// Random bytes drawn a page at a time (one call to the CSPRNG per 409 ids, not one per id).
const pool = new Uint8Array(4096);
let used = pool.length;

function randomBytes10(): Uint8Array {
  if (used + 10 > pool.length) {
    randomFillSync(pool);
    used = 0;
  }
  used += 10;
  return pool.subarray(used - 10, used);
}

/** A new document id; `now` is the register's clock (epoch ms). */
export function newDocumentId(now: number): string {
  const random = randomBytes10();
  const ms = Math.max(0, Math.floor(now));
  const time = ms.toString(16).padStart(12, '0').slice(-12);
  const hex = (i: number): string => (random[i] ?? 0).toString(16).padStart(2, '0');
  // Version 7 in the high nibble of byte 6, variant 10 in the two high bits of byte 8.
  const version = `7${((random[0] ?? 0) & 0x0f).toString(16)}${hex(1)}`;
  const variant = `${(((random[2] ?? 0) & 0x3f) | 0x80).toString(16).padStart(2, '0')}${hex(3)}`;
  return `${time.slice(0, 8)}-${time.slice(8, 12)}-${version}-${variant}-${hex(4)}${hex(5)}${hex(6)}${hex(7)}${hex(8)}${hex(9)}`;
}
