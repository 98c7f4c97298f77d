import { useEffect, useRef, useState } from 'react';
import type { LineView } from '../../../../preload/contract';

/**
 * Which cart line the line keys act on. A selection that no longer exists moves to the last
 * line; a new line (added here or in another window) becomes the selection, and so does a line
 * whose quantity a scan just raised: the cart keeps the line that changed in view.
 */
export function useLineSelection(lines: LineView[]) {
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const selected = lines.find((l) => l.id === selectedId) ?? null;

  const previous = useRef(lines);
  useEffect(() => {
    const before = previous.current;
    previous.current = lines;
    if (before === lines) return;
    if (lines.length > before.length) return setSelectedId(lines[lines.length - 1]?.id ?? null);
    const grown = lines.find((l) => {
      const old = before.find((b) => b.id === l.id);
      return old !== undefined && l.qtyMilli > old.qtyMilli;
    });
    if (grown && lines.length === before.length) return setSelectedId(grown.id);
    if (selectedId !== null && !lines.some((l) => l.id === selectedId)) setSelectedId(lines[lines.length - 1]?.id ?? null);
  }, [lines, selectedId]);

  /** Up and down the cart; from no selection, down starts at the top and up at the bottom. */
  const move = (step: number) => {
    if (lines.length === 0) return;
    const index = lines.findIndex((l) => l.id === selectedId);
    const next = index < 0 ? (step > 0 ? 0 : lines.length - 1) : Math.min(Math.max(index + step, 0), lines.length - 1);
    setSelectedId(lines[next]?.id ?? null);
  };

  return { selected, select: setSelectedId, move };
}
