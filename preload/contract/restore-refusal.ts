// The refusal of a restore that would take sales out of books that pass their checks: the same
// code and facts from main (the refused call) and in the back office (before the owner types the
// confirmation word). Pure, no zod and no I/O.
import type { RestoreComparisonView } from './backup-views';
import type { CallError } from './result';

export function restoreRefusal(comparison: RestoreComparisonView | null | undefined): CallError | null {
  if (!comparison?.refused) return null;
  const facts = {
    entries: comparison.entriesAfter,
    documents: comparison.documentsAfter,
    bundleLastReceipt: comparison.bundleLastReceipt ?? '—',
    currentLastReceipt: comparison.currentLastReceipt ?? '—',
  };
  if (comparison.relation === 'other_register') {
    return {
      code: 'backup.restore_other_register',
      // `scope` picks the sentence that also names the open shift (`<code>_shift_open`).
      params: {
        ...facts,
        bundleRegisterId: comparison.bundleRegisterId,
        registerId: comparison.currentRegisterId ?? '—',
        ...(comparison.openShift ? { scope: 'shift_open' } : {}),
      },
    };
  }
  return { code: comparison.relation === 'diverged' ? 'backup.restore_diverged' : 'backup.restore_older', params: facts };
}
