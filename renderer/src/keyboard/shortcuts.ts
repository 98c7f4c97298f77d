// The sale screen's keyboard map: one table, shown in the help overlay and in docs/shortcuts.md.

export type SaleCommand =
  | 'help'
  | 'search'
  | 'quantity'
  | 'adHoc'
  | 'note'
  | 'lineDiscount'
  | 'orderDiscount'
  | 'pay'
  | 'payCard'
  | 'remove'
  | 'up'
  | 'down'
  | 'cancel'
  | 'backOffice'
  | 'refund';

export interface Shortcut {
  keys: string[];
  command: SaleCommand;
}

export const saleShortcuts: Shortcut[] = [
  { keys: ['F1'], command: 'help' },
  { keys: ['F2'], command: 'search' },
  { keys: ['F3'], command: 'quantity' },
  { keys: ['F4'], command: 'adHoc' },
  { keys: ['F6'], command: 'note' },
  { keys: ['F7'], command: 'refund' },
  { keys: ['F8'], command: 'lineDiscount' },
  { keys: ['F9'], command: 'orderDiscount' },
  { keys: ['F10'], command: 'backOffice' },
  // F11: the browser's full-screen key, which the till's window does not use; the card tender is what a cashier needs there.
  { keys: ['F11'], command: 'payCard' },
  { keys: ['F12', '+'], command: 'pay' },
  { keys: ['Delete'], command: 'remove' },
  { keys: ['ArrowUp'], command: 'up' },
  { keys: ['ArrowDown'], command: 'down' },
  { keys: ['Escape'], command: 'cancel' },
];

/** Keys that would otherwise type into the search field only count there when it is empty. */
const TYPING_KEYS = new Set(['+', 'Delete']);

export function commandFor(
  event: { key: string; ctrlKey: boolean; altKey: boolean; metaKey: boolean },
  inTextField: boolean,
  fieldEmpty: boolean,
): SaleCommand | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  if (TYPING_KEYS.has(event.key) && inTextField && !fieldEmpty) return null;
  return saleShortcuts.find((s) => s.keys.includes(event.key))?.command ?? null;
}
