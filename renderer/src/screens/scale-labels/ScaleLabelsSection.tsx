import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScaleLabelLayout } from '../../../../preload/contract/scale-label';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { useCall } from '../../state/use-call';

const PREFIXES = ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29'];

/** What one layout looks like on a label: P prefix, I item, C value check digit, V value, K EAN check digit. */
function pattern(l: ScaleLabelLayout): string {
  const item = 10 - l.valueDigits - (l.valueCheckDigit ? 1 : 0);
  return `${l.prefix} ${'I'.repeat(item)} ${l.valueCheckDigit ? 'C ' : ''}${'V'.repeat(l.valueDigits)} K`;
}

/** The owner says how the store's scales print their labels, one layout per prefix (main checks them). */
export function ScaleLabelsSection() {
  const { t } = useTranslation();
  const [layouts, setLayouts] = useState<ScaleLabelLayout[] | null>(null);
  const [saved, setSaved] = useState(false);
  const { run: load, error: loadError } = useCall('settings.get');
  const saving = useCall('settings.update');

  useEffect(() => {
    void load({}).then((r) => r.ok && setLayouts(r.value.scaleLabelLayouts));
  }, [load]);

  if (!layouts) return <ErrorNote error={loadError} />;

  const change = (next: ScaleLabelLayout[]) => {
    setSaved(false);
    setLayouts(next);
  };
  const update = (i: number, patch: Partial<ScaleLabelLayout>) => change(layouts.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const free = PREFIXES.find((p) => !layouts.some((l) => l.prefix === p));
  const save = async () => {
    const r = await saving.run({ scaleLabelLayouts: layouts });
    if (!r.ok) return;
    setLayouts(r.value.scaleLabelLayouts);
    setSaved(true);
  };

  return (
    <div className="back-office__stack">
      <p className="muted">{t('scaleLabels.intro')}</p>
      <table className="table" data-testid="scale-layouts">
        <thead>
          <tr>
            <th>{t('scaleLabels.prefix')}</th>
            <th>{t('scaleLabels.kind')}</th>
            <th>{t('scaleLabels.valueDigits')}</th>
            <th>{t('scaleLabels.valueCheckDigit')}</th>
            <th>{t('scaleLabels.pattern')}</th>
            <th>
              <span className="visually-hidden">{t('scaleLabels.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {layouts.map((l, i) => (
            <tr key={l.prefix} data-testid="scale-layout">
              <td>
                <select aria-label={t('scaleLabels.prefix')} value={l.prefix} onChange={(e) => update(i, { prefix: e.target.value })}>
                  {PREFIXES.filter((p) => p === l.prefix || !layouts.some((o) => o.prefix === p)).map((p) => (
                    <option key={p} value={p}>
                      {p}
                    </option>
                  ))}
                </select>
              </td>
              <td>
                <select
                  aria-label={t('scaleLabels.kind')}
                  value={l.kind}
                  onChange={(e) => update(i, { kind: e.target.value === 'price' ? 'price' : 'weight' })}
                >
                  <option value="weight">{t('scaleLabels.weight')}</option>
                  <option value="price">{t('scaleLabels.price')}</option>
                </select>
              </td>
              <td>
                <select
                  aria-label={t('scaleLabels.valueDigits')}
                  value={l.valueDigits}
                  onChange={(e) => update(i, { valueDigits: e.target.value === '4' ? 4 : 5 })}
                >
                  <option value="4">4</option>
                  <option value="5">5</option>
                </select>
              </td>
              <td>
                {/* The label is the touch target around the box. */}
                <label className="check check--cell">
                  <input
                    type="checkbox"
                    aria-label={t('scaleLabels.valueCheckDigit')}
                    checked={l.valueCheckDigit}
                    onChange={(e) => update(i, { valueCheckDigit: e.target.checked })}
                  />
                </label>
              </td>
              <td className="mono">{pattern(l)}</td>
              <td>
                <button type="button" className="button" onClick={() => change(layouts.filter((_, j) => j !== i))}>
                  {t('scaleLabels.remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div>
        <button
          type="button"
          className="button"
          disabled={free === undefined}
          onClick={() => free && change([...layouts, { prefix: free, kind: 'weight', valueDigits: 5, valueCheckDigit: false }])}
        >
          {t('scaleLabels.add')}
        </button>{' '}
        <button type="button" className="button button--primary" disabled={saving.busy} onClick={() => void save()} data-testid="scale-layouts-save">
          {t('scaleLabels.save')}
        </button>
      </div>
      <ErrorNote error={saving.error} />
      <Notice message={saved ? t('scaleLabels.saved') : null} />
    </div>
  );
}
