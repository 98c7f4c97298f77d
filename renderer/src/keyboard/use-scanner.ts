import { useEffect, useRef } from 'react';
import { createScannerDetector } from './scanner-burst';
import { soundScan } from '../display/display';

type Editable = HTMLInputElement | HTMLTextAreaElement;

interface Snapshot {
  el: Editable;
  value: string;
}

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
 * landed in a text field is undone: the field gets back the value it had before the scan's first
 * key, however the burst was paced, so no field (the search box above all) keeps a scan's head.
 */
export function useScanner(onScan: (code: string) => void, enabled = true): void {
  const onScanRef = useRef(onScan);
  onScanRef.current = onScan;

  useEffect(() => {
    if (!enabled) return;
    const detector = createScannerDetector<Snapshot | null>();

    const onKeyDown = (event: KeyboardEvent) => {
      const active = document.activeElement;
      // What the focused field held before this key: given back if the key turns out to start a scan.
      const before = isEditable(active) ? { el: active, value: active.value } : null;
      const decision = detector.feed({ key: event.key, time: event.timeStamp, ctrlKey: event.ctrlKey, altKey: event.altKey, metaKey: event.metaKey }, before);
      if (decision.kind !== 'scan') return;
      event.preventDefault();
      event.stopPropagation();
      const first = decision.first;
      if (first && first.el.isConnected && first.el.value !== first.value) restoreValue(first.el, first.value);
      soundScan();
      onScanRef.current(decision.code);
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [enabled]);
}
