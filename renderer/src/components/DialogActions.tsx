import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The footer of a dialog that changes the sale: Cancel, then the one submit button, so Enter in
 * the form and the primary button do the same thing in every dialog. Extra actions (such as
 * removing a discount) come first, away from the primary button.
 */
interface DialogActionsProps {
  submitLabel: string;
  onCancel(): void;
  /** The submit button has the focus when the dialog opens (a question with no field to type in). */
  focusSubmit?: boolean;
  /** The way out, where 取消 would be read as the action itself (a dialog about 取消 a sale). */
  cancelLabel?: string;
  children?: ReactNode;
}

export function DialogActions({ submitLabel, onCancel, focusSubmit = false, cancelLabel, children }: DialogActionsProps) {
  const { t } = useTranslation();
  return (
    <div className="dialog__actions">
      {children}
      <button type="button" className="button" onClick={onCancel}>
        {cancelLabel ?? t('action.cancel')}
      </button>
      <button type="submit" className="button button--primary" data-autofocus={focusSubmit || undefined}>
        {submitLabel}
      </button>
    </div>
  );
}
