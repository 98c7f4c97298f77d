import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dateText, readDate, type DateProblem } from '../format/date-input';

interface DateFieldProps {
  label: string;
  /** YYYY-MM-DD (YYYY-MM-DDTHH:MM with `withTime`); '' for none; null as onChange left it (the text is no date). */
  value: string | null;
  /** The typed day once it is one, '' when cleared, null while the text is no date (its error shows under it). */
  onChange(value: string | null): void;
  withTime?: boolean;
  required?: boolean;
  testId: string;
}

function problemKey(problem: DateProblem, withTime: boolean): string {
  if (problem === 'empty') return 'dateField.required';
  if (problem === 'format') return withTime ? 'dateField.formatTime' : 'dateField.format';
  return problem === 'impossibleDate' ? 'dateField.impossibleDate' : 'dateField.impossibleTime';
}

/**
 * A day typed as year-month-day, in place of `<input type="date">`: Chromium draws that one in
 * the browser's own language (mm/dd/yyyy in an English browser while the app speaks Chinese) and
 * the app's language switch never reaches it. Its hint and its refusals are the app's. Text that
 * is no date is said under the field once it is left or its form is sent, and never reaches the
 * form: the caller gets null and sends nothing.
 */
export function DateField({ label, value, onChange, withTime = false, required = false, testId }: DateFieldProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => dateText(value ?? ''));
  const [touched, setTouched] = useState(false);

  // A value set from outside (a "today" button, a reset) replaces what was typed.
  useEffect(() => {
    if (value === null) return;
    setText((typed) => {
      const reading = readDate(typed, withTime);
      const same = reading.ok ? reading.value === value : reading.problem === 'empty' && value === '';
      return same ? typed : dateText(value);
    });
  }, [value, withTime]);

  // Sending the form is a moment to say what is wrong, as leaving the field is.
  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    const onSubmit = () => setTouched(true);
    form.addEventListener('submit', onSubmit);
    return () => form.removeEventListener('submit', onSubmit);
  }, []);

  const reading = readDate(text, withTime);
  const problem = reading.ok || (reading.problem === 'empty' && !required) ? null : reading.problem;
  const shown = touched ? problem : null;
  const problemId = `${testId}-problem`;

  const change = (typed: string) => {
    setText(typed);
    const next = readDate(typed, withTime);
    onChange(next.ok ? next.value : next.problem === 'empty' && !required ? '' : null);
  };
  const leave = () => {
    setTouched(true);
    // 2026/11/3 becomes 2026-11-03: the field shows the day as it was understood.
    if (reading.ok) setText(dateText(reading.value));
  };

  return (
    <label className="field date-field">
      <span>{label}</span>
      <input
        ref={input}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        placeholder={t(withTime ? 'dateField.placeholderTime' : 'dateField.placeholder')}
        value={text}
        onChange={(e) => change(e.target.value)}
        onBlur={leave}
        aria-invalid={shown !== null || undefined}
        aria-describedby={shown ? problemId : undefined}
        data-testid={testId}
      />
      {shown && (
        <span className="field__problem" role="alert" id={problemId} data-testid={problemId}>
          {t(problemKey(shown, withTime), { text: text.trim() })}
        </span>
      )}
    </label>
  );
}
