import { useTranslation } from 'react-i18next';

// The fields of a list's filter bar (documents, journal): a labelled input, or a labelled choice
// whose empty value means "all". One markup for every list, so the bars look and read the same.

interface TextFilterProps {
  label: string;
  value: string;
  onChange(value: string): void;
  testId: string;
  autoComplete?: string;
}

export function TextFilter({ label, value, onChange, testId, autoComplete }: TextFilterProps) {
  return (
    <label className="field">
      <span>{label}</span>
      <input type="text" value={value} onChange={(e) => onChange(e.target.value)} autoComplete={autoComplete} data-testid={testId} />
    </label>
  );
}

interface ChoiceFilterProps {
  label: string;
  value: string;
  onChange(value: string): void;
  choices: readonly { value: string | number; label: string }[];
  testId: string;
}

export function ChoiceFilter({ label, value, onChange, choices, testId }: ChoiceFilterProps) {
  const { t } = useTranslation();
  return (
    <label className="field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId}>
        <option value="">{t('documents.filter.all')}</option>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Who did it: the register's operators by name. */
export function OperatorFilter(props: {
  value: string;
  onChange(value: string): void;
  operators: readonly { id: number; name: string }[] | null | undefined;
  testId: string;
}) {
  const { t } = useTranslation();
  const choices = (props.operators ?? []).map((o) => ({ value: o.id, label: o.name }));
  return <ChoiceFilter label={t('documents.filter.operator')} value={props.value} onChange={props.onChange} choices={choices} testId={props.testId} />;
}
