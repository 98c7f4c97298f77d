// X reports, the day close (Z) with its card reconciliation, and past Z reports.
import { z } from 'zod';
import { call } from './define';
import { id, idempotencyKey, shortText } from './primitives';
import type { PrintJobView } from './printer';
import type { DayCloseStatusView, ReportSummaryView, XReportView, ZReportSummaryView, ZReportView } from './day-close-views';

const businessDay = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/);
const xScope = z.object({ scope: z.enum(['shift', 'day']) }).strict();

export const dayCloseCalls = {
  /** The live shift's or the open business day's figures so far, with the expected cash. Changes nothing. */
  'report.x': call<XReportView>()(xScope),
  /** Prints the X report as it stands now. */
  'report.printX': call<PrintJobView>()(xScope),
  /** What the next Z would close and what stands in its way. */
  'dayClose.status': call<DayCloseStatusView>()(z.object({}).strict()),
  /**
   * Closes `businessDay` with a numbered Z: shifts still live are force-closed with the reason
   * given for each; the terminal's end of day runs and is reconciled. If it cannot run, the Z is
   * refused unless `terminalSkipReason` says why to close without it.
   */
  'dayClose.close': call<ZReportView>()(
    z
      .object({
        businessDay,
        forceClose: z
          .array(z.object({ shiftId: id, reason: shortText }).strict())
          .min(1)
          .max(20)
          .optional(),
        terminalSkipReason: shortText.optional(),
        idempotencyKey,
      })
      .strict(),
    { movesMoney: true },
  ),
  /** Past Z reports, newest first. */
  'zReport.list': call<ZReportSummaryView[]>()(z.object({ limit: z.number().int().min(1).max(1000).optional() }).strict()),
  'zReport.get': call<ZReportView>()(z.object({ zNo: id }).strict()),
  /** Prints a past Z again, marked as a copy (journalled and numbered). */
  'zReport.reprint': call<PrintJobView>()(z.object({ zNo: id }).strict()),
  /** Closed days between two dates summed from the Z rollups (a month, a year). */
  'report.summary': call<ReportSummaryView>()(z.object({ from: businessDay, to: businessDay }).strict()),
};

/** Day close and report refusals. */
export const dayCloseErrors = [
  'dayClose.already_closed',
  'dayClose.wrong_day',
  'dayClose.nothing_to_close',
  'dayClose.in_progress',
  'dayClose.shift_open',
  'dayClose.card_unresolved',
  'dayClose.sale_in_progress',
  'dayClose.correction_in_progress',
  'dayClose.terminal_failed',
  'zReport.not_found',
] as const;
