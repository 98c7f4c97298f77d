// Enrolment: a register trades HQ's one-time code for its name at HQ and its signing key.
import { z } from 'zod';

export const enrolRequest = z.object({ code: z.string().regex(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){2}$/), localRegisterId: z.string().max(16) }).strict();
export interface EnrolResponse {
  registerId: string;
  shopId: string;
  /** The shop's name at HQ when the register enrolled. Absent from an HQ older than this field. */
  shopName?: string;
  /** The register's HMAC key, hex; HQ never shows it again. */
  secret: string;
  serverTime: number;
}

/** The till's owner takes the register out of the chain (signed with its key, like an upload). */
export const withdrawRequest = z.object({ registerId: z.string().min(1).max(64) }).strict();
export interface WithdrawResponse {
  registerId: string;
  /** When HQ took it out (the first time it was asked). */
  withdrawnAt: number;
  /** What HQ holds of the register's journal, up to this seq. */
  headSeq: number;
}
