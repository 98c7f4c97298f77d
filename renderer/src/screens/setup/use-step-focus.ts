import { useEffect, useRef } from 'react';

/** What the keys may start in: the step's own fields and buttons. */
const FIELD = 'input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled)';
/** The printer and terminal steps load their settings before they show their fields; the step settles within this. */
const SETTLE_MS = 3000;

/**
 * A wizard step opens with the keys in its first field. The focus was once left on nothing, the
 * first Tab landed on 以后再说 (finish later), and Enter there left the wizard. Some steps show
 * their form a moment later (loaded settings) or disable a button while it checks something: until
 * the user presses a key or clicks, the focus follows the step's first field as the step settles.
 * The back and skip buttons (marked `data-wizard-way`) are not a field.
 */
export function useStepFocus<E extends HTMLElement>(key: string | null) {
  const body = useRef<E>(null);
  useEffect(() => {
    const root = body.current;
    if (key === null || !root) return;
    let ours: Element | null = null;
    const field = () => Array.from(root.querySelectorAll<HTMLElement>(FIELD)).find((el) => el.closest('[data-wizard-way]') === null);
    // Nothing focused, the way on just pressed, or still where this put it: the user has gone nowhere yet.
    const untouched = () => {
      const active = document.activeElement;
      return active === null || active === document.body || active === ours || active.closest('[data-wizard-way]') !== null;
    };
    const follow = () => {
      const first = field();
      if (!first || first === document.activeElement) return;
      first.focus();
      ours = first;
    };
    follow();
    const watch = new MutationObserver(() => untouched() && follow());
    watch.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['disabled'] });
    const stop = () => {
      watch.disconnect();
      window.clearTimeout(timer);
      root.removeEventListener('keydown', stop);
      root.removeEventListener('pointerdown', stop);
    };
    const timer = window.setTimeout(stop, SETTLE_MS);
    root.addEventListener('keydown', stop);
    root.addEventListener('pointerdown', stop);
    return stop;
  }, [key]);
  return body;
}
