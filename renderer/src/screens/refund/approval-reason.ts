import type { TFunction } from 'i18next';
import type { Role } from '../../../../preload/contract/primitives';

/**
 * Whether the cashier must fetch a supervisor before sending: main's preview names why
 * (`refund.approval.*`); a supervisor or owner approves their own.
 */
export function needsApproval(role: Role, reasons: readonly string[]): boolean {
  return role === 'cashier' && reasons.length > 0;
}

/** The approval dialog's sentence for main's reasons, as main's own refusal would say it. */
export function approvalReason(reasons: readonly string[], t: TFunction, locale: string): string {
  const named = reasons.map((r) => t(`reason.${r}`, { ns: 'errors', defaultValue: r }));
  const list = new Intl.ListFormat(locale, { type: 'conjunction' }).format(named);
  return t('refund.needs_supervisor', { ns: 'errors', reason: list });
}
