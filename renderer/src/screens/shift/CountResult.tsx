import { useTranslation } from 'react-i18next';
import type { ExpectedCashView } from '../../../../preload/contract';
import { useFormat } from '../../state/store-context';

/** The expected cash term by term, set against what was counted. */
export function ExpectedCashTable({ expected, label }: { expected: ExpectedCashView; label: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows: [string, number, string][] = [
    ['shift.expected.float', expected.floatMinor, ''],
    ['shift.expected.cashTaken', expected.cashTakenMinor, '+'],
    ['shift.expected.changeGiven', expected.changeGivenMinor, '−'],
    ['shift.expected.paidIn', expected.paidInMinor, '+'],
    ['shift.expected.floatTopUp', expected.floatTopUpMinor, '+'],
    ['shift.expected.paidOut', expected.paidOutMinor, '−'],
    ['shift.expected.safeDrop', expected.safeDropMinor, '−'],
    ['shift.expected.cashRefunds', expected.cashRefundsMinor, '−'],
    ['shift.expected.cashVoids', expected.cashVoidsMinor, '−'],
  ];
  return (
    <table className="data-table" aria-label={label} data-testid="expected-cash">
      <tbody>
        {rows.map(([key, value, sign]) => (
          <tr key={key}>
            <th scope="row">
              <span className="term-sign">{sign}</span> {t(key)}
            </th>
            <td className="numeric">{format.money(value)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('shift.expected.total')}</th>
          <td className="numeric" data-testid="expected-total">
            {format.money(expected.expectedMinor)}
          </td>
        </tr>
      </tfoot>
    </table>
  );
}

/** Over is positive, short negative; shown as it is, never rounded to zero. */
export function OverShort({ differenceMinor, testId }: { differenceMinor: number; testId?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const text =
    differenceMinor > 0
      ? t('shift.over', { amount: format.money(differenceMinor) })
      : differenceMinor < 0
        ? t('shift.short', { amount: format.money(-differenceMinor) })
        : t('shift.even');
  return (
    <span className={differenceMinor < 0 ? 'negative' : undefined} data-testid={testId}>
      {text}
    </span>
  );
}
