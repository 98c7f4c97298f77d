import type { RefObject } from 'react';

interface AmountFieldProps {
  label: string;
  value: string;
  onChange(value: string): void;
  onFocus?(): void;
  testId?: string;
  autoFocus?: boolean;
  inputRef?: RefObject<HTMLInputElement | null>;
  suffix?: string;
}

/** A decimal field keyed by keyboard or by the on-screen keypad. */
export function AmountField({ label, value, onChange, onFocus, testId, autoFocus, inputRef, suffix }: AmountFieldProps) {
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
          data-testid={testId}
          autoFocus={autoFocus}
          onFocus={onFocus}
          onChange={(e) => onChange(e.target.value.replace(/[^0-9.]/g, ''))}
        />
        {suffix && <span className="field__suffix">{suffix}</span>}
      </span>
    </label>
  );
}
