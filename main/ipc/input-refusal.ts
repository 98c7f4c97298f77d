// What a refused input tells the person: the field, what was wrong with it and, for a number or a
// text out of bounds, the bound itself. "端口（99999）被拒绝" leaves the owner guessing; "端口最大为
// 65535" does not. Only the first problem is named: fixing it is the next step.
import type { z } from 'zod';
import type { ErrorParams } from '../../preload/contract/result';

export function inputRefusal(issue: z.core.$ZodIssue | undefined): ErrorParams {
  const params: ErrorParams = { field: issue?.path.join('.') ?? '', issue: issue?.code ?? 'invalid' };
  if (issue?.code === 'too_big' || issue?.code === 'too_small') {
    const limit = Number(issue.code === 'too_big' ? issue.maximum : issue.minimum);
    // Only what people type has a bound worth saying: numbers and texts, not arrays or dates.
    if ((issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'string') && Number.isSafeInteger(limit)) {
      params.origin = issue.origin === 'string' ? 'string' : 'number';
      params.limit = limit;
      params.inclusive = issue.inclusive !== false;
    }
  }
  // A rule of the contract's own (a cash rounding step, control characters in a text) names itself.
  const refusal = issue?.code === 'custom' ? (issue.params as { refusal?: unknown } | undefined)?.refusal : undefined;
  if (typeof refusal === 'string') params.issue = refusal;
  return params;
}
