import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FRAUD_RULES, type FraudRule, type FraudThresholds } from '../../../../preload/contract/fraud-views';
import { ErrorNote } from '../../components/ErrorNote';
import { currencyDigits, minorToDecimal } from '../../format/money';
import { parseDecimal } from '../../format/parse-amount';
import { useFormat } from '../../state/store-context';
import { useCall } from '../../state/use-call';

type Draft = Record<FraudRule, Record<string, string | boolean>>;

/** Amounts are typed in yuan (major units), shares in percent, the rest as whole numbers. */
function toDraft(th: FraudThresholds, digits: number): Draft {
  const draft = {} as Draft;
  for (const rule of FRAUD_RULES) {
    const fields: Record<string, string | boolean> = {};
    for (const [field, value] of Object.entries(th[rule])) {
      fields[field] =
        typeof value === 'boolean'
          ? value
          : field.endsWith('Minor')
            ? minorToDecimal(value, digits)
            : field.endsWith('Bp')
              ? String(value / 100)
              : String(value);
    }
    draft[rule] = fields;
  }
  return draft;
}

function fromDraft(draft: Draft, digits: number): FraudThresholds | { bad: { rule: FraudRule; field: string } } {
  const out: Record<string, Record<string, number | boolean>> = {};
  for (const rule of FRAUD_RULES) {
    const fields: Record<string, number | boolean> = {};
    for (const [field, value] of Object.entries(draft[rule])) {
      if (typeof value === 'boolean') {
        fields[field] = value;
        continue;
      }
      const n = field.endsWith('Minor') ? parseDecimal(value, digits) : field.endsWith('Bp') ? parseDecimal(value, 2) : Number(value.trim());
      if (n === null || !Number.isSafeInteger(n) || n < 0 || value.trim() === '') return { bad: { rule, field } };
      fields[field] = n;
    }
    out[rule] = fields;
  }
  return out as unknown as FraudThresholds;
}

/** The rules' switches and limits; only the owner may change them (main checks it too). */
export function FraudThresholdsForm({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const digits = currencyDigits(format.currency);
  const settings = useCall('fraud.settings');
  const update = useCall('fraud.updateSettings');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [saved, setSaved] = useState(false);
  const [bad, setBad] = useState<string | null>(null);
  const load = settings.run;

  useEffect(() => {
    void load({}).then((r) => {
      if (r.ok) setDraft(toDraft(r.value.thresholds, digits));
    });
  }, [load, digits]);

  if (!draft) return <ErrorNote error={settings.error} />;

  const set = (rule: FraudRule, field: string, value: string | boolean) => {
    setSaved(false);
    setBad(null);
    setDraft((d) => (d ? { ...d, [rule]: { ...d[rule], [field]: value } } : d));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsed = fromDraft(draft, digits);
    if ('bad' in parsed) {
      // Five rules have a 笔数: the refusal names the rule and the value as labelled, and the
      // field itself is marked and given the focus, wherever the long form has scrolled.
      const { rule, field } = parsed.bad;
      setBad(`${rule}.${field}`);
      document.querySelector<HTMLInputElement>(`[data-testid="fraud-${rule}-${field}"]`)?.focus();
      const kind = field.endsWith('Minor') ? 'amount' : field.endsWith('Bp') ? 'percent' : 'whole';
      return update.refuse({ code: 'fraud.threshold_invalid', params: { rule: t(`fraud.rule.${rule}`), field: t(`fraud.field.${field}`), scope: kind } });
    }
    setBad(null);
    const r = await update.run({ thresholds: parsed });
    if (r.ok) {
      setDraft(toDraft(r.value.thresholds, digits));
      setSaved(true);
    }
  };

  return (
    <form className="fraud__thresholds" onSubmit={(e) => void submit(e)} data-testid="fraud-thresholds">
      <h3>{t('fraud.thresholds')}</h3>
      <fieldset disabled={!editable} className="fraud__rules">
        {FRAUD_RULES.map((rule) => (
          <div key={rule} className="fraud__rule-fields" data-testid={`fraud-rule-${rule}`}>
            <label className="fraud__switch">
              <input type="checkbox" checked={draft[rule].enabled === true} onChange={(e) => set(rule, 'enabled', e.target.checked)} />
              <span>{t(`fraud.rule.${rule}`)}</span>
            </label>
            {/* The values wrap among themselves, beside the rule's name, never under it. */}
            <div className="fraud__rule-values">
              {Object.entries(draft[rule])
                .filter(([field]) => field !== 'enabled')
                .map(([field, value]) => (
                  <label key={field} className="field field--inline">
                    <span>{t(`fraud.field.${field}`)}</span>
                    <input
                      value={String(value)}
                      inputMode="decimal"
                      onChange={(e) => set(rule, field, e.target.value)}
                      aria-invalid={bad === `${rule}.${field}` ? true : undefined}
                      data-testid={`fraud-${rule}-${field}`}
                    />
                  </label>
                ))}
            </div>
          </div>
        ))}
      </fieldset>
      {editable && (
        <button type="submit" className="button button--primary" disabled={update.busy} data-testid="fraud-thresholds-save">
          {t('fraud.save')}
        </button>
      )}
      {saved && (
        <p className="muted" role="status">
          {t('fraud.saved')}
        </p>
      )}
      <ErrorNote error={update.error} />
    </form>
  );
}
