import type { TFunction } from 'i18next';
import type { BundleProblemView } from '../../../../preload/contract';
import { totalsFieldText } from './totals-field';

/** Why, in the operator's language: a journal break by its code, else the checker's reason with its facts; never a library's own words. */
function reasonText(problem: BundleProblemView, t: TFunction): string {
  if (problem.code === 'chain_broken' && problem.detail)
    return t(`backOffice.journal.break.${problem.detail}`, { defaultValue: t('backup.problemReason.unknown') });
  if (!problem.reason) return t('backup.problemReason.unknown');
  const facts = { ...(problem.facts ?? {}) };
  // The day totals name a figure by its place in the manifest (kinds.sale.totalMinor): said in words.
  if (problem.reason === 'totals') facts.field = totalsFieldText(String(facts.field ?? ''), t);
  return t(`backup.problemReason.${problem.reason}`, { ...facts, defaultValue: t('backup.problemReason.unknown') });
}

/** The first problem of a bundle in the operator's language: which file, and the row or journal entry. */
export function bundleProblemText(problem: BundleProblemView | null, t: TFunction): string {
  if (!problem) return '';
  // A changed CSV or JSON file also says where it first differs; other files have no rows.
  const key = problem.code === 'hash_mismatch' && problem.row !== null ? 'hash_mismatch_row' : problem.code;
  return t(`backup.problem.${key}`, {
    file: problem.file ?? '',
    row: problem.row ?? '-',
    seq: problem.seq ?? '-',
    detail: problem.detail ?? '',
    reason: reasonText(problem, t),
    defaultValue: problem.code,
  });
}
