import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { amountProblemKey, typedProblem, type AmountKind } from '../format/amount-input';
import { percentProblemKey, typedPercentProblem } from '../format/percent-input';

/** The ui.json key of what is wrong with the keyed text, or null. */
function problemKey(value: string, kind: AmountKind | 'percent', digits: number | null): string | null {
  if (kind === 'percent') {
    const problem = typedPercentProblem(value);
    return problem === null ? null : percentProblemKey(problem);
  }
  const problem = typedProblem(value, digits);
  return problem === null ? null : amountProblemKey(problem, kind, digits);
}

interface AmountFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  onFocus?(): void;
  testId?: string;
  autoFocus?: boolean;
  inputRef?: RefObject<HTMLInputElement | null>;
  suffix?: string;
  /** Decimals the value may have (a price: the currency's; a quantity: 3); unchecked when absent: only the sign and characters are. */
  digits?: number;
  /** A percentage takes a trailing "%" and is at most 100 with two decimals (percent-input.ts). */
  kind?: AmountKind | 'percent';
  /** Shown while the field is empty: what an empty field stands for. */
  placeholder?: string;
}

/**
 * A decimal field keyed by keyboard or by the on-screen keypad. It keeps what was keyed, even
 * "-5" or "abc", and says under it what is wrong: a field that dropped the characters it did not
 * like turned "-5" into 5 and "abc" into an empty field (exact cash) without a word.
 */
export function AmountField({ label, value, onChange, onFocus, testId, autoFocus, inputRef, suffix, digits, kind = 'amount', placeholder }: AmountFieldProps) {
  const { t } = useTranslation();
  const problem = problemKey(value, kind, digits ?? null);
  const problemId = testId ? `${testId}-problem` : undefined;
  return (
    <label className="field">
      <span>{label}</span>
      <span className="field__with-suffix">
        <input
          ref={inputRef}
          className="field__amount"
          inputMode="decimal"
          autoComplete="off"
          value={value}
          placeholder={placeholder}
          data-testid={testId}
          autoFocus={autoFocus}
          onFocus={onFocus}
          aria-invalid={problem !== null || undefined}
          aria-describedby={problem && problemId ? problemId : undefined}
          onChange={(e) => onChange(e.target.value)}
        />
        {suffix && <span className="field__suffix">{suffix}</span>}
      </span>
      {problem && (
        <span className="field__problem" role="alert" id={problemId} data-testid={problemId}>
          {t(problem)}
        </span>
      )}
    </label>
  );
}
