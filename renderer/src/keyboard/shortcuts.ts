// The sale screen's keyboard map: one table, shown in the help overlay and in docs/shortcuts.md.

export type SaleCommand =
  | 'help'
  | 'search'
  | 'quantity'
  | 'adHoc'
  | 'note'
  | 'lineDiscount'
  /** 改价: the selected catalog line's price; its button only, no key left for it. */
  | 'priceOverride'
  | 'orderDiscount'
  | 'pay'
  | 'payCard'
  | 'remove'
  | 'up'
  | 'down'
  | 'cancel'
  | 'backOffice'
  | 'refund'
  | 'hold'
  | 'recall'
  | 'cancelSale';

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
  // 挂单 / 取单 / 整单取消: every function key is taken, and F5 reloads a browser. Ins and Home sit
  // beside Del on every full keyboard, no browser or desktop keeps them, and a POS keyboard's
  // programmable keys can send them; Shift+Del is Del's "the whole sale" (a browser reloads on
  // Ctrl+R / Shift+F5 and keeps Ctrl+W/T/N; a Linux desktop keeps Ctrl+Alt combinations).
  { keys: ['Insert'], command: 'hold' },
  { keys: ['Home'], command: 'recall' },
  { keys: ['Shift+Delete'], command: 'cancelSale' },
  { keys: ['ArrowUp'], command: 'up' },
  { keys: ['ArrowDown'], command: 'down' },
  { keys: ['Escape'], command: 'cancel' },
];

/** Keys that would otherwise edit the search field (type, delete, cut, move the caret) only count there when it is empty. */
const TYPING_KEYS = new Set(['+', 'Delete', 'Shift+Delete', 'Home']);

/**
 * The key as the table names it. Shift with a named key (Del, Ins, F12) is its own combination,
 * which counts only where the table has it (Shift+Ins pastes, Shift+arrows select); with a
 * character it is how that character is typed (+ is Shift+= on many keyboards).
 */
function keyName(event: { key: string; shiftKey?: boolean }): string {
  return event.shiftKey && event.key.length > 1 ? `Shift+${event.key}` : event.key;
}

export function commandFor(
  event: { key: string; shiftKey?: boolean; ctrlKey: boolean; altKey: boolean; metaKey: boolean },
  inTextField: boolean,
  fieldEmpty: boolean,
): SaleCommand | null {
  if (event.ctrlKey || event.altKey || event.metaKey) return null;
  const key = keyName(event);
  if (TYPING_KEYS.has(key) && inTextField && !fieldEmpty) return null;
  return saleShortcuts.find((s) => s.keys.includes(key))?.command ?? null;
}
