import { useTranslation } from 'react-i18next';
import type { RestoreComparisonView } from '../../../../preload/contract';
import { restoreRefusal } from '../../../../preload/contract/restore-refusal';
import { useFormat } from '../../state/store-context';

/**
 * What a restore of a verified bundle would do to the books in place, before the owner types the
 * confirmation word: a refusal that says what would be lost, another register's bundle that makes
 * this machine that register (a move), or over a damaged ledger where the bundle ends and that
 * later sales stay only in the file moved aside.
 */
export function RestoreComparison({ comparison }: { comparison: RestoreComparisonView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const refusal = restoreRefusal(comparison);
  if (refusal) {
    return (
      <p className="error-note" role="alert" data-testid="restore-refused">
        {format.error(refusal)}
      </p>
    );
  }
  const facts = {
    receipt: comparison.bundleLastReceipt ?? t('backup.compare.noReceipt'),
    at: comparison.bundleLastEntryAt === null ? '—' : format.dateTime(comparison.bundleLastEntryAt),
  };
  // Another register's bundle, allowed: over books that are empty (a new or replacement machine) or fail their checks.
  if (comparison.move) {
    const register = { bundleRegisterId: comparison.bundleRegisterId, registerId: comparison.currentRegisterId ?? '—' };
    return comparison.damaged && comparison.relation === 'other_register' ? (
      <p className="restore-warning" role="alert" data-testid="restore-comparison">
        {t('backup.compare.moveDamaged', {
          ...facts,
          ...register,
          current: comparison.currentLastReceipt ?? t('backup.compare.noReceipt'),
          documents: comparison.documentsAfter,
        })}
      </p>
    ) : (
      <p className="restore-warning" role="alert" data-testid="restore-comparison">
        {t('backup.compare.move', { ...facts, ...register })}
      </p>
    );
  }
  const losing = comparison.relation === 'older' || comparison.relation === 'diverged';
  if (losing) {
    return (
      <p className="restore-warning" role="alert" data-testid="restore-comparison">
        {t('backup.compare.damaged', {
          ...facts,
          current: comparison.currentLastReceipt ?? t('backup.compare.noReceipt'),
          count: comparison.documentsAfter,
          entries: comparison.entriesAfter,
        })}
      </p>
    );
  }
  // A ledger that cannot be read (or compared) was checked and failed: what it held after the bundle is not known here.
  if (comparison.damaged && comparison.relation === 'no_ledger') {
    return (
      <p className="restore-warning" role="alert" data-testid="restore-comparison">
        {t('backup.compare.damagedUnknown', facts)}
      </p>
    );
  }
  return (
    <p className="muted" data-testid="restore-comparison">
      {t('backup.compare.ends', facts)}
    </p>
  );
}
