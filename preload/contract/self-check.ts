import { z } from 'zod';
import { call } from './define';
import type { AboutView, SelfCheckItem, SelfCheckView, UpdateCheckView } from './self-check-views';

export const selfCheckCalls = {
  /** Every device and the ledger, checked now: the self-check screen and the startup summary. */
  'selfcheck.run': call<SelfCheckView>()(z.object({}).strict()),
  /** The scanner read the test code shown on screen (typed by it as keys, so only the screen can tell). */
  'selfcheck.scannerSeen': call<SelfCheckItem>()(z.object({ code: z.string().trim().min(1).max(64) }).strict()),
  /** Version, commit and build date. */
  'app.about': call<AboutView>()(z.object({}).strict()),
  /** Asks the update feed whether a newer version is out (desktop only; browser mode says why not). */
  'updates.check': call<UpdateCheckView>()(z.object({}).strict()),
  /** Installs a downloaded update and restarts: never with a sale open or before the day is closed. */
  'updates.install': call<UpdateCheckView>()(z.object({}).strict()),
};

/** Self-check and update refusals. Each needs its translation in assets/locales (errors.json). */
export const selfCheckErrors = [
  'selfcheck.scanner_mismatch',
  'updates.browser_mode',
  'updates.no_feed',
  'updates.none_downloaded',
  'updates.sale_open',
  'updates.day_open',
] as const;
