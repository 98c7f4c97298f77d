// The refusal of a restore that would take sales out of books that pass their checks: the same
// code and facts from main (the refused call) and in the back office (before the owner types the
// confirmation word). Pure, no zod and no I/O.
import type { RestoreComparisonView } from './backup-views';
import type { CallError } from './result';

export function restoreRefusal(comparison: RestoreComparisonView | null | undefined): CallError | null {
  if (!comparison?.refused) return null;
  return {
    code: comparison.relation === 'diverged' ? 'backup.restore_diverged' : 'backup.restore_older',
    params: {
      entries: comparison.entriesAfter,
      documents: comparison.documentsAfter,
      bundleLastReceipt: comparison.bundleLastReceipt ?? '—',
      currentLastReceipt: comparison.currentLastReceipt ?? '—',
    },
  };
}
