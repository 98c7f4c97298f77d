import { useTranslation } from 'react-i18next';

interface TextLimitProps {
  /** The text as it stands in the field. */
  length: number;
  max: number;
  id: string;
}

/** The share of the limit from which the count is shown: a short text needs no counter. */
const SHOW_FROM = 0.8;

/**
 * How much of a text field's limit is used, shown near the limit; beyond it, what is wrong. The
 * field takes a pasted text whole (a maxLength would cut its end off without a word) and the form
 * is not sent until it fits.
 */
export function TextLimit({ length, max, id }: TextLimitProps) {
  const { t } = useTranslation();
  if (length > max)
    return (
      <span className="field__problem" role="alert" id={id} data-testid={id}>
        {t('input.textTooLong', { max, length })}
      </span>
    );
  if (length < max * SHOW_FROM) return null;
  return (
    <span className="muted small" id={id} data-testid={id} aria-live="polite">
      {t('input.textCount', { length, max })}
    </span>
  );
}

/** Whether a text is over its limit (the form says so under the field and sends nothing). */
export const overLimit = (text: string, max: number): boolean => text.length > max;
