import type { CallError } from '../../../preload/contract';
import { useEffect } from 'react';
import { soundError } from '../display/display';
import { useFormat } from '../state/store-context';

/** A refused call, in the cashier's language; never a raw exception. */
export function ErrorNote({ error, message }: { error?: CallError | null; message?: string | null }) {
  const format = useFormat();
  const text = error ? format.error(error) : message;
  useEffect(() => {
    if (text) soundError();
  }, [text]);
  if (!text) return null;
  return (
    <p className="error-note" role="alert" data-testid="error">
      {text}
    </p>
  );
}
