import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, DocumentView, LineView } from '../../../../preload/contract';
import { CartLines } from '../../components/CartLines';
import { ErrorNote } from '../../components/ErrorNote';
import { Notice } from '../../components/Notice';
import { SaleModeMark } from '../../components/TrainingMark';
import type { SaleCommand } from '../../keyboard/shortcuts';
import { LineActions } from './LineActions';

interface SaleCartProps {
  sale: DocumentView;
  /** The scan and search field, first in the cart's column. */
  search: ReactNode;
  /** Main's last refusal of a change made on this screen. */
  error: CallError | null;
  /** What just worked and left nothing else to see (a sale parked). */
  notice?: string | null;
  selected: LineView | null;
  onSelect(lineId: number): void;
  onQty(lineId: number, qtyMilli: number): void;
  onCommand(command: SaleCommand): void;
  /** Whether the operator rings up in training: a cart of lines in the other mode is marked. */
  operatorTraining: boolean;
}

/**
 * The cart's column: what was refused (above the search field, where no search result can cover
 * it), search, the lines with the selected one's toolbar, the sale's note.
 */
export function SaleCart({ sale, search, error, notice = null, selected, onSelect, onQty, onCommand, operatorTraining }: SaleCartProps) {
  const { t } = useTranslation();
  return (
    <section className="sale__left" aria-label={t('sale.cart')}>
      {sale.lines.length > 0 && <SaleModeMark saleTraining={sale.training} operatorTraining={operatorTraining} />}
      <ErrorNote error={error} />
      <Notice message={notice} testId="held-notice" />
      {search}
      <CartLines lines={sale.lines} selectedId={selected?.id ?? null} onSelect={onSelect} />
      {selected && <LineActions line={selected} onQty={onQty} onCommand={onCommand} />}
      {sale.note && (
        // Two lines at most (sale.css), the whole note on hover: a long one must not eat the cart.
        <p className="sale__note" data-testid="sale-note" title={sale.note}>
          <span className="sale__note-text">{t('sale.noteLine', { note: sale.note })}</span>
        </p>
      )}
    </section>
  );
}
