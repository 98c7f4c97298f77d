import type { TFunction } from 'i18next';
import type { BundleProblemView } from '../../../../preload/contract';

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
    defaultValue: problem.code,
  });
}
