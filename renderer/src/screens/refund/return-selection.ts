// What the cashier keyed on the return screen, turned into what main is asked. Pure, so a unit
// test can pin it: quantities are typed as decimals (0.5 kg) and sent as thousandths.
import type { RefundableLineView } from '../../../../preload/contract/refund-views';
import { readAmount, type AmountProblem } from '../../format/amount-input';

/** One sold line as keyed: the quantity to take back (empty: none) and where the goods go. */
export interface LineChoice {
  qty: string;
  /** Back to stock (true) or damaged (false). */
  restock: boolean;
}

export interface ReturnLine {
  lineId: number;
  qtyMilli: number;
  restock: boolean;
}

export type ReturnSelection =
  | { kind: 'lines'; lines: ReturnLine[] }
  /** Nothing keyed yet. */
  | { kind: 'empty' }
  /**
   * A quantity that is not a number of at most three decimals, or has decimals on a line that comes
   * back in whole pieces (`fraction`): named so the screen can say which line, and what is wrong.
   */
  | { kind: 'badQty'; lineId: number; name: string; problem: QtyProblem };

export type QtyProblem = AmountProblem | 'fraction';

export function returnSelection(lines: readonly RefundableLineView[], choices: ReadonlyMap<number, LineChoice>): ReturnSelection {
  const chosen: ReturnLine[] = [];
  for (const line of lines) {
    const choice = choices.get(line.lineId);
    const text = choice?.qty.trim() ?? '';
    if (text === '') continue;
    const reading = readAmount(text, 3);
    if (!reading.ok) return { kind: 'badQty', lineId: line.lineId, name: line.name, problem: reading.problem === 'empty' ? 'notNumber' : reading.problem };
    const qtyMilli = reading.value;
    // Half a bottle cannot come back: main refuses it too (refund.qty_whole_pieces); weighed lines keep their decimals.
    if (line.wholePieces && qtyMilli % 1000 !== 0) return { kind: 'badQty', lineId: line.lineId, name: line.name, problem: 'fraction' };
    // A zero is "not this line"; more than is left is main's to refuse, with the maximum.
    if (qtyMilli === 0) continue;
    chosen.push({ lineId: line.lineId, qtyMilli, restock: choice?.restock ?? true });
  }
  return chosen.length === 0 ? { kind: 'empty' } : { kind: 'lines', lines: chosen };
}

/** Every line at what is still returnable: the "return everything" button. */
export function everythingLeft(lines: readonly RefundableLineView[], choices: ReadonlyMap<number, LineChoice>): Map<number, LineChoice> {
  const next = new Map(choices);
  for (const line of lines) {
    if (line.returnableQtyMilli <= 0) continue;
    next.set(line.lineId, { qty: qtyText(line.returnableQtyMilli), restock: choices.get(line.lineId)?.restock ?? true });
  }
  return next;
}

/** Thousandths as the cashier would key them: 2000 → "2", 1250 → "1.25". */
export function qtyText(qtyMilli: number): string {
  const whole = Math.trunc(qtyMilli / 1000);
  const fraction = String(qtyMilli % 1000)
    .padStart(3, '0')
    .replace(/0+$/, '');
  return fraction === '' ? String(whole) : `${whole}.${fraction}`;
}
