// What a bundle check throws at the first thing wrong: the code, and the file, row or journal seq
// it was found at. Every check module throws it; verifyBundle turns it into the report.
import type { BundleProblemView } from '../../preload/contract/backup-views';

export class Problem extends Error {
  constructor(readonly view: BundleProblemView) {
    super(view.code);
  }
}

export interface ProblemAt {
  file?: string | null;
  row?: number | null;
  seq?: number | null;
  detail?: string | null;
  reason?: string | null;
  facts?: Record<string, string | number> | null;
}

export function problem(code: string, at: ProblemAt = {}): Problem {
  return new Problem({
    code,
    file: at.file ?? null,
    row: at.row ?? null,
    seq: at.seq ?? null,
    detail: at.detail ?? null,
    reason: at.reason ?? null,
    facts: at.facts ?? null,
  });
}

/**
 * A zip or inflate library's exception in words the UI translates: it is no zip at all (a file cut
 * short loses its zip directory, which is at the end), its data does not inflate, or the disk
 * would not give it. An entry that inflates to another size than the directory gives is damaged
 * data in a file of full length (a flipped byte), not a file cut short: nothing is "missing".
 * The library's own message stays in `detail`.
 */
export function readFailure(error: unknown): Pick<ProblemAt, 'detail' | 'reason' | 'facts'> {
  const message = error instanceof Error ? error.message : String(error);
  const detail = message.slice(0, 200);
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code) && !/^ERR_/.test(code)) return { detail, reason: 'io' };
  if (/end of central directory|not a zip|signature|multi-disk|comment length|truncated/i.test(message)) return { detail, reason: 'not_zip' };
  return { detail, reason: 'corrupt' };
}
