import { useEffect, useId, useRef, type FormEvent, type KeyboardEvent, type ReactNode } from 'react';

interface DialogProps {
  title: string;
  onClose(): void;
  /** Enter in the dialog's form submits; Esc closes (the browser's own modal dialog behaviour). */
  onSubmit?(): void;
  children: ReactNode;
  testId?: string;
  wide?: boolean;
}

/**
 * A modal on the native <dialog>: focus stays inside, Esc cancels, the page behind is inert.
 * Closing gives the focus back to what opened it, or, when that is gone, to the screen's home
 * field (`data-focus-home`, the sale screen's search), so a scan or a key after Esc is not lost
 * on <body>. A screen that manages the focus itself (the sale dialogs) moves it after this.
 */
export function Dialog({ title, onClose, onSubmit, children, testId, wide = false }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    // showModal focuses the first focusable element (often a button); the first field is what
    // the cashier wants to type into, with its text selected so typing replaces it.
    const field = dialog.querySelector<HTMLInputElement | HTMLTextAreaElement>('input:not([type="checkbox"]):not([type="radio"]), textarea');
    // A question without a field (整单取消?) puts the focus on its answer, so Enter confirms as in every dialog.
    const answer = dialog.querySelector<HTMLElement>('[data-autofocus]');
    if (!field && answer) answer.focus();
    if (field) {
      field.focus();
      field.select();
    }
    const cancel = (event: Event) => {
      event.preventDefault();
      onCloseRef.current();
    };
    dialog.addEventListener('cancel', cancel);
    return () => {
      dialog.removeEventListener('cancel', cancel);
      if (dialog.open) dialog.close();
      const back = opener?.isConnected ? opener : document.querySelector<HTMLElement>('[data-focus-home]');
      back?.focus();
    };
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit?.();
  };

  // A browser submits a form on Enter in a text field, not in a <select>: the void's reason, the
  // last field before 确认撤销, would need a Tab first. Enter confirms there too (a select's open
  // list takes its own keys, so this is only the closed one).
  const enterInSelect = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key !== 'Enter' || !onSubmit || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
    if (!(event.target instanceof HTMLSelectElement)) return;
    event.preventDefault();
    event.currentTarget.requestSubmit();
  };

  return (
    <dialog ref={ref} className={`dialog${wide ? ' dialog--wide' : ''}`} aria-labelledby={titleId} data-testid={testId}>
      <form className="dialog__form" onSubmit={submit} onKeyDown={enterInSelect}>
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        {children}
      </form>
    </dialog>
  );
}
