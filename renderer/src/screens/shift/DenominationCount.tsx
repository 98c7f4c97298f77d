import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DenominationCountView } from '../../../../preload/contract';
import { useFormat } from '../../state/store-context';

interface DenominationCountProps {
  denominations: readonly number[];
  submitLabel: string;
  busy: boolean;
  onSubmit(counts: DenominationCountView[]): void;
  testId: string;
}

/** Pieces per note and coin, the total as counted: the drawer is counted, never typed as one sum. */
export function DenominationCount({ denominations, submitLabel, busy, onSubmit, testId }: DenominationCountProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [pieces, setPieces] = useState<Record<number, string>>({});
  const count = (d: number) => {
    const n = Number(pieces[d] ?? '');
    return Number.isSafeInteger(n) && n >= 0 ? n : 0;
  };
  const total = denominations.reduce((s, d) => s + d * count(d), 0);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(denominations.map((d) => ({ denominationMinor: d, count: count(d) })));
  };
  return (
    <form className="count-form" onSubmit={submit} data-testid={testId}>
      <table className="data-table count-table" aria-label={t('shift.count.table')}>
        <thead>
          <tr>
            <th scope="col">{t('shift.count.denomination')}</th>
            <th scope="col" className="numeric">
              {t('shift.count.pieces')}
            </th>
            <th scope="col" className="numeric">
              {t('shift.count.subtotal')}
            </th>
          </tr>
        </thead>
        <tbody>
          {denominations.map((d, i) => (
            <tr key={d}>
              <th scope="row">{format.money(d)}</th>
              <td className="numeric">
                <input
                  className="count-input"
                  inputMode="numeric"
                  autoComplete="off"
                  aria-label={t('shift.count.piecesOf', { denomination: format.money(d) })}
                  value={pieces[d] ?? ''}
                  placeholder="0"
                  // The count is what this form is for: its first field takes the keys at once.
                  autoFocus={i === 0}
                  data-testid={`count-${d}`}
                  onChange={(e) => setPieces({ ...pieces, [d]: e.target.value.replace(/[^0-9]/g, '').slice(0, 6) })}
                />
              </td>
              <td className="numeric">{format.money(d * count(d))}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('shift.count.total')}</th>
            <td />
            <td className="numeric" data-testid={`${testId}-total`}>
              {format.money(total)}
            </td>
          </tr>
        </tfoot>
      </table>
      <button type="submit" className="button button--primary" disabled={busy} data-testid={`${testId}-submit`}>
        {submitLabel}
      </button>
    </form>
  );
}
