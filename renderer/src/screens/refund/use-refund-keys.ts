import { useWindowKeys } from '../../keyboard/use-window-keys';

/**
 * The return screen's keys: F12 confirms (as it pays on the sale screen), Esc goes back one step
 * when the focus is not in a field with text in it. Off while a dialog has the keyboard.
 */
export function useRefundKeys({ enabled, onConfirm, onBack }: { enabled: boolean; onConfirm?(): void; onBack(): void }): void {
  useWindowKeys((event) => {
    if (event.defaultPrevented || event.ctrlKey || event.altKey || event.metaKey) return;
    const target = event.target;
    if (target instanceof Element && target.closest('dialog')) return;
    if (event.key === 'F12' && onConfirm) {
      event.preventDefault();
      onConfirm();
      return;
    }
    if (event.key !== 'Escape') return;
    const typed = (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement) && target.value !== '';
    if (typed) return;
    event.preventDefault();
    onBack();
  }, enabled);
}
