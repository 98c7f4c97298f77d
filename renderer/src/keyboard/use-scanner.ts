import { useEffect, useRef } from 'react';
import { createScannerDetector } from './scanner-burst';
import { soundScan } from '../display/display';

type Editable = HTMLInputElement | HTMLTextAreaElement;

function isEditable(el: Element | null): el is Editable {
  return el instanceof HTMLTextAreaElement || (el instanceof HTMLInputElement && !['button', 'checkbox', 'radio', 'submit'].includes(el.type));
}

/** Sets a field's value so React's onChange sees it too (a plain `.value =` is ignored by React). */
function restoreValue(el: Editable, value: string): void {
  const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
  Object.getOwnPropertyDescriptor(proto, 'value')?.set?.call(el, value);
  el.dispatchEvent(new Event('input', { bubbles: true }));
}

/**
 * Listens at window level (capture phase) for scanner bursts wherever focus is. A burst that
 * landed in a text field is undone: the field gets back the value it had before the burst.
 */
export function useScanner(onScan: (code: string) => void, enabled = true): void {
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;

  useEffect(() => {
    if (!enabled) return;
    const detector = createScannerDetector();
    let snapshot: { el: Editable; value: string } | null = null;

    const onKeyDown = (event: KeyboardEvent) => {
      const decision = detector.feed({ key: event.key, time: event.timeStamp, ctrlKey: event.ctrlKey, altKey: event.altKey, metaKey: event.metaKey });
      if (decision.kind === 'char' && decision.startsBurst) {
        const active = document.activeElement;
        snapshot = isEditable(active) ? { el: active, value: active.value } : null;
      } else if (decision.kind === 'scan') {
        event.preventDefault();
        event.stopPropagation();
        if (snapshot && snapshot.el.value !== snapshot.value) restoreValue(snapshot.el, snapshot.value);
        snapshot = null;
        soundScan();
        onScanRef.current(decision.code);
      }
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [enabled]);
}
