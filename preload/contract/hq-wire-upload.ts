// One upload: a signed batch of consecutive journal entries with the records they reference, and
// how far HQ holds the register's chain afterwards.
import { z } from 'zod';
import { hex64, hqId, int, seq } from './hq-wire-fields';
import { wireRecords } from './hq-wire-records';

export const wireEntry = z
  .object({
    seq,
    at: int,
    kind: z.string().min(1).max(64),
    payload: z
      .string()
      .min(2)
      .max(256 * 1024),
    prev_hash: hex64,
    hash: hex64,
  })
  .strict();
export type WireEntry = z.infer<typeof wireEntry>;

export const MAX_UPLOAD_ENTRIES = 2000;

export const uploadRequest = z
  .object({
    registerId: hqId,
    entries: z.array(wireEntry).min(1).max(MAX_UPLOAD_ENTRIES),
    records: wireRecords,
  })
  .strict();
export type UploadRequest = z.input<typeof uploadRequest>;

/** What HQ holds of a register's chain after the request: the register acknowledges up to here. */
export interface HqHead {
  seq: number;
  hash: string;
}
export interface UploadResponse {
  head: HqHead;
  /** Entries this request added (0 for a repeat). */
  added: number;
}
