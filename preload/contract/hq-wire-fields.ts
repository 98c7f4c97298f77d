// The field shapes every message between registers and HQ is built from.
import { z } from 'zod';

export const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
export const int = z.number().int();
export const seq = z.number().int().min(1).max(Number.MAX_SAFE_INTEGER);
export const text = z.string().max(400);

/** HQ's own name for a register (unique in the chain) and for a shop. */
export const hqId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/);
