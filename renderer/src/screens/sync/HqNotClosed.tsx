import { useTranslation } from 'react-i18next';
import type { HqFigure, OwnerOverview } from '../../../../preload/contract/hq-wire';

/**
 * Under a day's or month's Z sums: the sales HQ holds on days no Z covers yet (a till that sold and
 * has not closed, or whose Z has not arrived), which the sums above leave out. Nothing when none,
 * or when HQ is too old to say.
 */
export function NotClosedLine({ f, money, testId }: { f: HqFigure; money: (minor: number) => string; testId: string }) {
  const { t } = useTranslation();
  if (!f.notClosed || f.notClosed.documentCount === 0) return null;
  return (
    <div className="muted" data-testid={testId} title={t('hqView.notClosedHint')}>
      {t('hqView.notClosed', { count: f.notClosed.documentCount, amount: money(f.notClosed.netMinor) })}
    </div>
  );
}

/** The Z check's other half: register days with uploaded sales and no Z yet, named as not covered (not an error). */
export function UncoveredDays({ v, money }: { v: OwnerOverview; money: (minor: number) => string }) {
  const { t } = useTranslation();
  const days = v.uncovered ?? [];
  if (days.length === 0) return null;
  return (
    <ul className="muted" data-testid="hq-overview-uncovered">
      {days.map((u) => (
        <li key={`${u.registerId}/${u.businessDay}`}>
          {t('hqView.uncoveredLine', { register: u.registerId, day: u.businessDay, count: u.documentCount, amount: money(u.netMinor) })}
        </li>
      ))}
    </ul>
  );
}
