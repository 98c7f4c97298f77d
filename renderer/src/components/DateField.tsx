import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dateText, readDate, readTime, type DateProblem, type DateReading } from '../format/date-input';

/** A day, a day and a time (the journal's moments), or a time of day alone (a schedule). */
export type DateFieldKind = 'date' | 'dateTime' | 'time';

const READERS: Record<DateFieldKind, (text: string) => DateReading> = {
  date: (text) => readDate(text),
  dateTime: (text) => readDate(text, true),
  time: readTime,
};
const PLACEHOLDERS: Record<DateFieldKind, string> = {
  date: 'dateField.placeholder',
  dateTime: 'dateField.placeholderTime',
  time: 'dateField.placeholderTimeOnly',
};
const FORMAT_PROBLEMS: Record<DateFieldKind, string> = {
  date: 'dateField.format',
  dateTime: 'dateField.formatTime',
  time: 'dateField.formatTimeOnly',
};

interface DateFieldProps {
  label: string;
  /** YYYY-MM-DD (YYYY-MM-DDTHH:MM for a dateTime, HH:MM for a time); '' for none; null as onChange left it (the text is no date). */
  value: string | null;
  /** The typed day once it is one, '' when cleared, null while the text is no date (its error shows under it). */
  onChange(value: string | null): void;
  kind?: DateFieldKind;
  required?: boolean;
  disabled?: boolean;
  /** A line under the field (what an empty one means). */
  hint?: ReactNode;
  testId: string;
}

function problemKey(problem: DateProblem, kind: DateFieldKind): string {
  if (problem === 'empty') return kind === 'time' ? 'dateField.requiredTime' : 'dateField.required';
  if (problem === 'format') return FORMAT_PROBLEMS[kind];
  return problem === 'impossibleDate' ? 'dateField.impossibleDate' : 'dateField.impossibleTime';
}

/**
 * A day typed as year-month-day, in place of `<input type="date">` (and a time as hour:minute, in
 * place of `type="time"`, which an English browser shows as 09:30 AM): Chromium draws those in
 * the browser's own language (mm/dd/yyyy in an English browser while the app speaks Chinese) and
 * the app's language switch never reaches it. Its hint and its refusals are the app's. Text that
 * is no date is said under the field once it is left or its form is sent, and never reaches the
 * form: the caller gets null and sends nothing.
 */
export function DateField({ label, value, onChange, kind = 'date', required = false, disabled, hint, testId }: DateFieldProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState(() => dateText(value ?? ''));
  const [touched, setTouched] = useState(false);
  const read = READERS[kind];

  // A value set from outside (a "today" button, a reset) replaces what was typed.
  useEffect(() => {
    if (value === null) return;
    setText((typed) => {
      const reading = read(typed);
      const same = reading.ok ? reading.value === value : reading.problem === 'empty' && value === '';
      return same ? typed : dateText(value);
    });
  }, [value, read]);

  // Sending the form is a moment to say what is wrong, as leaving the field is.
  useEffect(() => {
    const form = input.current?.form;
    if (!form) return;
    const onSubmit = () => setTouched(true);
    form.addEventListener('submit', onSubmit);
    return () => form.removeEventListener('submit', onSubmit);
  }, []);

  const reading = read(text);
  const problem = reading.ok || (reading.problem === 'empty' && !required) ? null : reading.problem;
  const shown = touched ? problem : null;
  const problemId = `${testId}-problem`;

  const change = (typed: string) => {
    setText(typed);
    const next = read(typed);
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
        placeholder={t(PLACEHOLDERS[kind])}
        disabled={disabled}
        value={text}
        onChange={(e) => change(e.target.value)}
        onBlur={leave}
        aria-invalid={shown !== null || undefined}
        aria-describedby={shown ? problemId : undefined}
        data-testid={testId}
      />
      {hint}
      {shown && (
        <span className="field__problem" role="alert" id={problemId} data-testid={problemId}>
          {t(problemKey(shown, kind), { text: text.trim() })}
        </span>
      )}
    </label>
  );
}
