import type { TFunction } from 'i18next';

// Which of a day's figures a bundle's totals disagree on, in the owner's words. The checker names
// it by its place in the manifest (main/backup/day-totals.ts): `documents`, `kinds.sale.totalMinor`,
// `payments.cash.training.count`, or `day` when a whole day is missing on one side. None of those
// names reaches the screen: a part not known here is "a figure", never the internal name.

const KINDS = new Set(['sale', 'refund', 'void']);
const METHODS = new Set(['cash', 'card', 'scan']);
const KIND_FIGURES = new Set(['count', 'totalMinor', 'taxMinor']);
const PAYMENT_FIGURES = new Set(['count', 'amountMinor']);

export function totalsFieldText(field: string, t: TFunction): string {
  if (field === 'day') return t('backup.totalsField.day');
  if (field === 'documents') return t('backup.totalsField.documents');
  const [group, name, ...rest] = field.split('.');
  const training = rest[0] === 'training';
  const figure = training ? rest[1] : rest[0];
  if (rest.length > (training ? 2 : 1) || name === undefined) return t('backup.totalsField.unknown');
  const known = group === 'kinds' ? KINDS : group === 'payments' ? METHODS : null;
  const figures = group === 'kinds' ? KIND_FIGURES : PAYMENT_FIGURES;
  if (!known?.has(name) || (figure !== undefined && !figures.has(figure))) return t('backup.totalsField.unknown');
  const what = t(`backup.totalsField.${group}.${name}`);
  const whose = training ? t('backup.totalsField.training', { what }) : what;
  return t(`backup.totalsField.${group}.${figure ?? 'entry'}`, { what: whose });
}
