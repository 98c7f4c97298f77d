import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, TaxRateView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { percentProblemKey, readPercent, withoutPercentSign } from '../../format/percent-input';
import { useFormat } from '../../state/store-context';
import { api } from '../../transport/api';

/** The store's tax rates: add one (e.g. 5 %), rename or remove one no product uses. */
export function TaxRatesEditor() {
  const { t } = useTranslation();
  const format = useFormat();
  const [rates, setRates] = useState<TaxRateView[]>([]);
  const [percent, setPercent] = useState('');
  const [label, setLabel] = useState('');
  const [error, setError] = useState<CallError | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    void api.invoke('catalog.taxRates', {}).then((r) => (r.ok ? setRates(r.value) : setError(r.error)));
  }, []);

  const add = async () => {
    // "13.333" is refused for its decimals and "150%" for being over 100: each says which.
    const reading = readPercent(percent);
    if (!reading.ok) return setProblem(t(reading.problem === 'empty' ? 'dialog.invalidPercent' : percentProblemKey(reading.problem)));
    setProblem(null);
    const result = await api.invoke('catalog.saveTaxRate', { rateBp: reading.rateBp, label: label.trim() || `${withoutPercentSign(percent)}%` });
    if (!result.ok) return setError(result.error);
    setError(null);
    setRates(result.value);
    setPercent('');
    setLabel('');
  };
  const remove = async (rateBp: number) => {
    const result = await api.invoke('catalog.removeTaxRate', { rateBp });
    if (!result.ok) return setError(result.error);
    setError(null);
    setRates(result.value);
  };

  return (
    <div className="back-office__stack" data-testid="tax-rates">
      <table className="data-table" aria-label={t('taxRates.title')}>
        <thead>
          <tr>
            <th scope="col" className="numeric">
              {t('taxRates.rate')}
            </th>
            <th scope="col">{t('taxRates.label')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('backOffice.operators.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rates.map((r) => (
            <tr key={r.rateBp} data-testid="tax-rate-row">
              <td className="numeric">{format.rate(r.rateBp)}</td>
              <td>{r.label}</td>
              <td>
                <button type="button" className="button" onClick={() => void remove(r.rateBp)}>
                  {t('taxRates.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="back-office__row">
        <label className="field">
          <span>{t('taxRates.rate')}</span>
          <span className="field__with-suffix">
            <input value={percent} onChange={(e) => setPercent(e.target.value)} inputMode="decimal" data-testid="tax-rate-percent" />
            <span className="field__suffix">%</span>
          </span>
        </label>
        <label className="field">
          <span>{t('taxRates.label')}</span>
          <input value={label} onChange={(e) => setLabel(e.target.value)} maxLength={20} />
        </label>
        <button type="button" className="button" onClick={() => void add()} data-testid="tax-rate-add">
          {t('taxRates.add')}
        </button>
      </div>
      <ErrorNote error={error} message={problem} />
    </div>
  );
}
