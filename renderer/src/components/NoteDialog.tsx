import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../preload/contract';
import { Dialog } from './Dialog';
import { DialogActions } from './DialogActions';
import { ErrorNote } from './ErrorNote';

export function NoteDialog({ note, onSave, onClose }: { note: string; onSave(note: string): Promise<CallError | null>; onClose(): void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(note);
  const [error, setError] = useState<CallError | null>(null);
  const submit = async () => {
    const failed = await onSave(value);
    if (failed) setError(failed);
    else onClose();
  };
  return (
    <Dialog title={t('dialog.noteTitle')} onClose={onClose} onSubmit={() => void submit()} testId="note-dialog">
      <label className="field">
        <span>{t('dialog.note')}</span>
        <textarea
          value={value}
          onChange={(e) => setValue(e.target.value)}
          maxLength={500}
          rows={3}
          autoFocus
          data-testid="note-input"
          onKeyDown={(e) => {
            // Enter saves, Shift+Enter starts a new line.
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              void submit();
            }
          }}
        />
      </label>
      <ErrorNote error={error} />
      <DialogActions submitLabel={t('action.save')} onCancel={onClose} />
    </Dialog>
  );
}
