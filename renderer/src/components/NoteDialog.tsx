import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../preload/contract';
import { MAX_NOTE } from '../../../preload/contract/primitives';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { ErrorNote } from './ErrorNote';
import { overLimit, TextLimit } from './TextLimit';

interface NoteDialogProps {
  note: string;
  onSave(note: string): void;
  /** Main's refusal of the note; the dialog stays open to fix it. */
  error: CallError | null;
  onClose(): void;
}

/** A free-text note on the sale (delivery, a customer's wish), kept with it in the ledger. */
export function NoteDialog({ note, onSave, error, onClose }: NoteDialogProps) {
  const { t } = useTranslation();
  const [value, setValue] = useState(note);
  // A note over the limit is said under the field (TextLimit) and not sent.
  const submit = () => {
    if (!overLimit(value, MAX_NOTE)) onSave(value);
  };
  return (
    <Dialog title={t('dialog.noteTitle')} onClose={onClose} onSubmit={submit} testId="note-dialog">
      <label className="field">
        <span>{t('dialog.note')}</span>
        <textarea
          value={value}
          onChange={(e) => setValue(e.target.value)}
          rows={3}
          autoFocus
          data-testid="note-input"
          aria-invalid={overLimit(value, MAX_NOTE) || undefined}
          aria-describedby="note-input-limit"
          onKeyDown={(e) => {
            // Enter saves, Shift+Enter starts a new line.
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              submit();
            }
          }}
        />
        <TextLimit length={value.length} max={MAX_NOTE} id="note-input-limit" />
      </label>
      <ErrorNote error={error} />
      <DialogActions submitLabel={t('action.save')} onCancel={onClose} />
    </Dialog>
  );
}
