// A return, refund or void prints what it takes back as the sale printed it: the goods at their
// price, and the discount share that was given on them, so the customer sees why less comes back
// than the price. The ledger keeps a correction's lines at the net amount given back (the
// discounts stay where they were given, on the sale); this view, for paper only, puts each line's
// share of its sale line's discount and of the order discount back in. The amounts given back do
// not change: price − discount share = what the line gives back, exactly. Pure.
import type { DocumentView, LineView } from '../../../preload/contract/views';

/** The correction as its receipt shows it, with the discount shares of the sale it corrects. */
export function withSoldDiscounts(correction: DocumentView, sale: DocumentView | null): DocumentView {
  if (correction.kind === 'sale' || sale === null) return correction;
  const sold = new Map(sale.lines.map((l) => [l.id, l]));
  let touched = false;
  const lines = correction.lines.map((line) => {
    const from = line.originalLineId === null ? undefined : sold.get(line.originalLineId);
    const shown = from ? withShare(line, from) : line;
    if (shown !== line) touched = true;
    return shown;
  });
  if (!touched) return correction;
  const discountMinor = lines.reduce((s, l) => s + l.lineDiscountMinor + l.orderDiscountMinor, 0);
  return {
    ...correction,
    orderDiscount: lines.some((l) => l.orderDiscountMinor !== 0) ? sale.orderDiscount : correction.orderDiscount,
    lines,
    totals: { ...correction.totals, grossMinor: lines.reduce((s, l) => s + l.grossMinor, 0), discountMinor },
  };
}

function withShare(line: LineView, from: LineView): LineView {
  // A price adjustment (no goods back), a line already shown with its discounts, or a sold line without any: as it is.
  if (line.qtyMilli <= 0 || from.qtyMilli <= 0 || line.lineDiscountMinor !== 0 || line.orderDiscountMinor !== 0) return line;
  if (from.lineDiscountMinor === 0 && from.orderDiscountMinor === 0) return line;
  const part = (minor: number) => Math.round((minor * line.qtyMilli) / from.qtyMilli);
  const grossMinor = line.qtyMilli === from.qtyMilli ? from.grossMinor : part(from.grossMinor);
  const share = grossMinor - line.grossMinor;
  if (share <= 0) return line;
  // The share splits as the sale's discounts did; the order discount's part is the rest, so the two add up exactly.
  const lineDiscountMinor = from.orderDiscountMinor === 0 ? share : Math.min(share, part(from.lineDiscountMinor));
  return { ...line, discount: from.discount, grossMinor, lineDiscountMinor, orderDiscountMinor: share - lineDiscountMinor };
}
