import { useEffect, useLayoutEffect, useRef } from 'react';
import { commandFor, type SaleCommand } from '../../keyboard/shortcuts';

/**
 * The sale screen's keys (keyboard/shortcuts.ts), turned into the same commands as its buttons.
 * Off while a dialog or the help has the keyboard.
 */
export function useSaleShortcuts(onCommand: (command: SaleCommand) => void, enabled: boolean): void {
  const latest = useRef(onCommand);
  // Updated as the render commits: a key pressed right after a click acts on what the click selected.
  useLayoutEffect(() => {
    latest.current = onCommand;
  });

  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target;
      const inText = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
      const empty = inText ? target.value === '' : true;
      // Arrows inside a field that has text belong to the field.
      if (inText && !empty && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) return;
      const command = commandFor(event, inText, empty);
      // F1 is the whole register's (RegisterFlow), not the sale screen's.
      if (!command || command === 'help') return;
      event.preventDefault();
      latest.current(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [enabled]);
}
