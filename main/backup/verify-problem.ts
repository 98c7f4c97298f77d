// What a bundle check throws at the first thing wrong: the code, and the file, row or journal seq
// it was found at. Every check module throws it; verifyBundle turns it into the report.
import type { BundleProblemView } from '../../preload/contract/backup-views';

export class Problem extends Error {
  constructor(readonly view: BundleProblemView) {
    super(view.code);
  }
}

export function problem(code: string, at: { file?: string | null; row?: number | null; seq?: number | null; detail?: string | null } = {}): Problem {
  return new Problem({ code, file: at.file ?? null, row: at.row ?? null, seq: at.seq ?? null, detail: at.detail ?? null });
}
