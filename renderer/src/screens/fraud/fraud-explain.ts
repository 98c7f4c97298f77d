// An alert in words: its figures formatted for the owner (money, shares, who) and put into the
// rule's translated sentence.
import type { TFunction } from 'i18next';
import type { FraudParams, FraudScope } from '../../../../preload/contract/fraud-views';

/** What the sentences need of the store's format (useFormat's StoreFormat); plain, so tests in Node can pass one. */
export interface AlertFormat {
  money(minor: number): string;
  rate(rateBp: number): string;
}

export function scopeText(scope: FraudScope, operatorName: string | null, t: TFunction): string {
  switch (scope.kind) {
    case 'register':
      return t('fraud.scope.register', { registerId: scope.registerId });
    case 'operator':
      return operatorName ?? t('fraud.scope.operator', { operatorId: scope.operatorId });
    case 'card':
      return t('fraud.scope.card', { maskedPan: scope.maskedPan });
    case 'document':
      return operatorName ?? '';
  }
}

/** Amounts (`…Minor`) as money, shares (`…Bp`) as percentages, the rest as they are. */
export function formattedParams(params: FraudParams, format: AlertFormat): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    out[key] = key.endsWith('Minor') ? format.money(value) : key.endsWith('Bp') ? format.rate(value) : String(value);
  }
  return out;
}

/** Each operator a figure names by id (`closedByOperatorId`) by name (`closedBy`); one the ledger does not know is a dash. */
export function namedOperators(params: FraudParams, names: Record<string, string> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of Object.keys(params)) if (key.endsWith('OperatorId')) out[key.slice(0, -'OperatorId'.length)] = names?.[key] ?? '—';
  return out;
}

export function explainAlert(
  alert: { rule: string; scope: FraudScope; params: FraudParams; operatorName: string | null; operatorNames?: Record<string, string> },
  t: TFunction,
  format: AlertFormat,
): string {
  // An alert raised before 改价 was counted with discounts carries no override figure: none was counted.
  let params = alert.rule === 'discount_share' ? { overrideMinor: 0, ...alert.params } : alert.params;
  // A handover is told as cash short (the rule's sentence) or over (its `_over` context), by how much.
  const difference = alert.rule === 'handover_difference' ? (alert.params.differenceMinor ?? 0) : 0;
  if (alert.rule === 'handover_difference') params = { ...params, gapMinor: Math.abs(difference) };
  return t(`fraud.explain.${alert.rule}`, {
    ...formattedParams(params, format),
    ...namedOperators(alert.params, alert.operatorNames),
    ...(difference > 0 ? { context: 'over' } : {}),
    // A count stays a number, so i18next picks the sentence's plural form ("1 sale", "2 sales").
    ...(typeof alert.params.count === 'number' ? { count: alert.params.count } : {}),
    who: scopeText(alert.scope, alert.operatorName, t),
    operator: alert.operatorName ?? '—',
    interpolation: { escapeValue: false },
  });
}
