import { commandFor, type SaleCommand } from '../../keyboard/shortcuts';
import { useWindowKeys } from '../../keyboard/use-window-keys';

/**
 * Whose the keyboard is: the sale screen's (`on`), the help's or another screen's (`off`), or
 * an open dialog's (`dialog`). A function key pressed in a dialog whose change is already on
 * its way (Enter, then F12 at once) is the sale screen's: the cashier is done with the dialog.
 */
export type SaleKeys = 'on' | 'off' | 'dialog';

const FUNCTION_KEY = /^F([2-9]|1[0-2])$/;

/**
 * The sale screen's keys (keyboard/shortcuts.ts), turned into the same commands as its buttons.
 * `sending` says whether a change is on its way: a key taken from a dialog then waits for its
 * answer with the other commands (useAfterEdits), and the screen drops it if the dialog stays
 * open with a refusal. A key pressed right after a click acts on what the click selected (the
 * handler is the committed render's).
 */
export function useSaleShortcuts(onCommand: (command: SaleCommand) => void, keys: SaleKeys, sending: () => boolean): void {
  useWindowKeys((event) => {
    if (event.defaultPrevented) return;
    if (keys === 'dialog' && !(FUNCTION_KEY.test(event.key) && !event.shiftKey && sending())) return;
    const target = event.target;
    const inText = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
    const empty = inText ? target.value === '' : true;
    // Arrows inside a field that has text belong to the field.
    if (inText && !empty && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) return;
    const command = commandFor(event, inText, empty);
    // F1 is the whole register's (RegisterFlow), not the sale screen's.
    if (!command || command === 'help') return;
    event.preventDefault();
    onCommand(command);
  }, keys !== 'off');
}
