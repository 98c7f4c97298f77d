// The audit trail: the journal filtered and read in words, exported with its chain, checked in steps.
import { z } from 'zod';
import { call } from './define';
import { id } from './primitives';
import type { JournalPageView, JournalVerifyStepView } from './audit-views';

const epochMs = z.number().int().min(0).max(8_640_000_000_000_000);
const sha256 = z.string().regex(/^[0-9a-f]{64}$/);

export const journalFilter = z
  .object({
    fromAt: epochMs.optional(),
    toAt: epochMs.optional(),
    kinds: z.array(z.string().min(1).max(64)).min(1).max(100).optional(),
    operatorId: id.optional(),
    registerId: z.string().min(1).max(32).optional(),
    documentId: z.string().min(1).max(64).optional(),
  })
  .strict();

export const auditCalls = {
  /** Journal entries matching the filter, oldest first, a page at a time. */
  'journal.list': call<JournalPageView>()(
    journalFilter.extend({ afterSeq: z.number().int().min(0).optional(), limit: z.number().int().min(1).max(5000).optional() }).strict(),
  ),
  /** Checks the chain from `fromSeq` on (1 and the genesis hash to begin), at most `max` entries a step. */
  'journal.verifyStep': call<JournalVerifyStepView>()(
    z.object({ fromSeq: id, prevHash: sha256, max: z.number().int().min(1).max(100_000).optional() }).strict(),
  ),
};
