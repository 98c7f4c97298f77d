import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { DenominationCountView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { amountProblemKey, readAmount, typedProblem } from '../../format/amount-input';
import { useFormat } from '../../state/store-context';

/** Six digits: more pieces of one note than any drawer holds. */
const MAX_PIECES = 999_999;

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
  const [problem, setProblem] = useState<string | null>(null);
  // As keyed: "-3" or "abc" is refused with its reason; it was once read as 3, or as none.
  const count = (d: number) => {
    const reading = readAmount(pieces[d] ?? '', 0);
    return reading.ok && reading.value <= MAX_PIECES ? reading.value : 0;
  };
  const rowProblem = (d: number) => {
    const text = pieces[d] ?? '';
    const bad = typedProblem(text, 0);
    if (bad) return t(amountProblemKey(bad, 'count', 0));
    const reading = readAmount(text, 0);
    return reading.ok && reading.value > MAX_PIECES ? t('input.tooLarge') : null;
  };
  const total = denominations.reduce((s, d) => s + d * count(d), 0);
  // Enter goes on to the next note or coin, as on paper; only the last one's Enter (or the button)
  // hands in the count. It once handed in a half-counted drawer from the first field.
  const nextOnEnter = (event: KeyboardEvent<HTMLInputElement>, index: number) => {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing || index + 1 >= denominations.length) return;
    event.preventDefault();
    const next = event.currentTarget.form?.querySelector<HTMLInputElement>(`[data-testid="count-${denominations[index + 1] ?? ''}"]`);
    next?.focus();
    next?.select();
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const bad = denominations.find((d) => rowProblem(d) !== null);
    if (bad !== undefined) return setProblem(t('shift.count.badPieces', { denomination: format.money(bad), problem: rowProblem(bad) }));
    setProblem(null);
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
                  aria-invalid={rowProblem(d) !== null || undefined}
                  onChange={(e) => {
                    setProblem(null);
                    setPieces({ ...pieces, [d]: e.target.value });
                  }}
                  onKeyDown={(e) => nextOnEnter(e, i)}
                />
              </td>
              <td className="numeric" data-testid={`count-${d}-subtotal`}>
                {rowProblem(d) ?? format.money(d * count(d))}
              </td>
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
      <ErrorNote message={problem} />
      <button type="submit" className="button button--primary" disabled={busy} data-testid={`${testId}-submit`}>
        {submitLabel}
      </button>
    </form>
  );
}
