import { z } from 'zod';
import { call } from './define';
import { ENROL_CODE_PATTERN, HQ_URL_PATTERN } from './hq-enrol-format';
import { hqErrors, type OwnerOverview } from './hq-wire';
import type { SyncStatusView } from './sync-views';

export const syncCalls = {
  'sync.status': call<SyncStatusView>()(z.object({}).strict()),
  /** Enrols this register with HQ using the one-time code the owner got there. */
  'sync.enrol': call<SyncStatusView>()(
    z
      .object({
        hqUrl: z.string().trim().max(200).regex(HQ_URL_PATTERN),
        code: z.string().trim().toUpperCase().regex(ENROL_CODE_PATTERN),
      })
      .strict(),
  ),
  /** Tries the upload and the pull now; also clears a refusal once the owner has looked at HQ. */
  'sync.retry': call<SyncStatusView>()(z.object({}).strict()),
  /**
   * Takes this register out of the chain: HQ is told and refuses its key from then on, the link
   * goes here, the journal stays. hereOnly: without telling HQ (HQ cannot be reached any more).
   */
  'sync.withdraw': call<SyncStatusView>()(z.object({ hereOnly: z.boolean().default(false) }).strict()),
  /** The owner's view of HQ for a day and its month: figures per shop and register, the Z check's differences, open alerts. */
  'sync.hqOverview': call<OwnerOverview>()(z.object({ day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }).strict()),
};

/** Sync refusals, and HQ's own codes (shown as the upload's last error). Each needs its translation. */
export const syncErrors = [
  'sync.not_enrolled',
  'sync.already_enrolled',
  'sync.hq_unreachable',
  // Said by the enrolment form before anything is sent (hq-enrol-format.ts).
  'sync.hq_url_format',
  'sync.enrol_code_format',
  ...hqErrors,
] as const;
