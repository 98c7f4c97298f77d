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
