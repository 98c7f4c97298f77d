import type { TFunction } from 'i18next';
import type { BundleProblemView } from '../../../../preload/contract';

/** The first problem of a bundle in the operator's language: which file, and the row or journal entry. */
export function bundleProblemText(problem: BundleProblemView | null, t: TFunction): string {
  if (!problem) return '';
  return t(`backup.problem.${problem.code}`, {
    file: problem.file ?? '',
    row: problem.row ?? '-',
    seq: problem.seq ?? '-',
    detail: problem.detail ?? '',
    defaultValue: problem.code,
  });
}
