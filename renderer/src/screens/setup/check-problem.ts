import type { TFunction } from 'i18next';
import type { CallError, CheckProblem } from '../../../../preload/contract';

/**
 * A self-check problem and its fix in the UI's language. Moments (`*At`) are written as the rest of
 * the UI writes them; a failure carried as its error code (`failureCode`, a failed backup) becomes
 * that refusal's own translated sentence, the one the backup section shows.
 */
export function checkProblemText(
  p: CheckProblem,
  t: TFunction,
  dateTime: (epochMs: number) => string,
  error: (e: CallError) => string,
): { problem: string; fix: string } {
  const { failureCode, ...rest } = p.params;
  const params: Record<string, string | number | null> = {};
  for (const [name, value] of Object.entries(rest)) params[name] = name.endsWith('At') && typeof value === 'number' ? dateTime(value) : value;
  if (typeof failureCode === 'string') {
    const { failedAt: _failedAt, ...failure } = rest;
    params.reason = error({ code: failureCode as CallError['code'], params: failure });
  }
  return {
    problem: t(`selfCheck.problem.${p.code}`, { ...params, defaultValue: p.code }),
    fix: t(`selfCheck.fix.${p.code}`, { ...params, defaultValue: '' }),
  };
}
