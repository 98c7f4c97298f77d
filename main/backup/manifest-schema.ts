// A manifest read from a bundle is untrusted input: its shape is checked before anything in it
// is believed. Unknown extra keys are allowed, so an older Ringup can still check a newer bundle
// of the same format version.
import { z } from 'zod';
import { BUNDLE_FORMAT } from './bundle-format';

const count = z.number().int().min(0);
const minor = z.number().int();
const hash = z.string().regex(/^[0-9a-f]{64}$/);
const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

const dayTotals = z.object({
  documents: count,
  kinds: z.record(z.string(), z.object({ count, totalMinor: minor, taxMinor: minor })),
  payments: z.record(z.string(), z.object({ count, amountMinor: minor })),
});

export const manifestSchema = z.object({
  format: z.literal(BUNDLE_FORMAT),
  formatVersion: z.number().int().min(1),
  createdAt: z.string(),
  app: z.object({ name: z.string(), version: z.string() }),
  registerId: z.string().min(1).max(64),
  store: z.object({ name: z.string(), currency: z.string(), timeZone: z.string(), businessDayStartsAt: z.string() }),
  businessDays: z.object({ from: day, to: day }),
  journal: z.object({ fromSeq: z.number().int().min(1), toSeq: count, startHash: hash, headHash: hash, snapshotHeadSeq: count }),
  snapshot: z.object({ file: z.string().min(1), schemaVersion: count }),
  tables: z.record(z.string(), z.object({ rows: count, columns: z.array(z.string()) })),
  totals: z.record(day, dayTotals),
  files: z.array(z.object({ name: z.string().min(1).max(255), size: count, sha256: hash })),
});
