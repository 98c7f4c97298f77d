// A sold line's quantities on the return screen, in the line's own unit: a weighed line reads as
// on the sale screen and the receipt ("0.452 kg × ¥9.80/kg"), not as 0.452 pieces.
import type { TFunction } from 'i18next';
import type { RefundableLineView } from '../../../../preload/contract/refund-views';
import type { StoreFormat } from '../../state/store-context';

/** "0.452 kg" for a weighed line, "2" for one sold by the piece. */
export function lineQty(format: StoreFormat, line: RefundableLineView, qtyMilli: number): string {
  return line.soldByWeight ? format.weight(qtyMilli) : format.qty(qtyMilli);
}

/** What was sold: "0.452 kg × ¥9.80/kg", "2 × ¥2.00". */
export function soldText(t: TFunction, format: StoreFormat, line: RefundableLineView): string {
  const price = format.money(line.unitPriceMinor);
  return line.soldByWeight
    ? t('sale.weightTimesPrice', { weight: format.weight(line.soldQtyMilli), price })
    : t('sale.qtyTimesPrice', { qty: format.qty(line.soldQtyMilli), price });
}
