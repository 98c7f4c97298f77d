import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, DocumentView, ProductView, Result } from '../../../../preload/contract';
import { SearchBox } from '../../components/SearchBox';
import { TotalsPanel } from '../../components/TotalsPanel';
import { useFormat } from '../../state/store-context';
import type { SaleCommand } from '../../keyboard/shortcuts';
import { SaleActionBar } from './SaleActionBar';
import { SaleCart } from './SaleCart';
import { SaleDialogs } from './SaleDialogs';
import type { SaleEdits } from './sale-edits';
import { useAfterEdits } from './use-after-edits';
import { useCartAnnouncement } from './use-cart-announcement';
import { useLineSelection } from './use-line-selection';
import { useSaleDialogs, type SaleDialog } from './use-sale-dialogs';
import { useSaleShortcuts } from './use-sale-shortcuts';

/**
 * The amount typed into the search field after F12 began to wait, for the payment screen's
 * 实收: digits and a point only (full-width too). Anything else was not a sum of cash.
 */
function typedAhead(query: string, from: number | null): string {
  if (from === null || query.length <= from) return '';
  const typed = query.slice(from).trim();
  return /^[0-9０-９.．]+$/.test(typed) ? typed : '';
}

interface SaleScreenProps {
  sale: DocumentView;
  /** Changes made here and by the scanner; their refusals show under the search field. */
  edits: SaleEdits;
  apply(result: Result<DocumentView>): CallError | null;
  /** The cash tender; `typedAhead`: an amount keyed after F12 while it waited for the cart (the cash handed over). */
  onPay(typedAhead: string): void;
  /** The card tender: the payment screen, with the terminal started. */
  onPayCard(): void;
  /** Opens the return screen (退货). */
  onReturn(): void;
  /** Another overlay (help) has the keyboard. */
  paused: boolean;
  /** Opens the back office; absent when the operator's role has no section there. */
  onBackOffice?(): void;
  /** 换货 in progress: its panel, which takes the payment in place of the tenders. */
  exchange?: ReactNode;
  /** An exchange not yet begun: its panel takes the payment, the sale's own tenders would skip the credit. */
  tendersBlocked?: boolean;
  /** The exchange's difference is going back to the card: the cart stays as the return's credit pays it. */
  locked?: boolean;
  /** Whether the operator rings up in training (the session's): a cart in the other mode is marked. */
  operatorTraining?: boolean;
}

/** Ringing up: the cart and its totals, the buttons and keys that change it, and its dialogs. */
export function SaleScreen({
  sale,
  edits,
  apply,
  onPay,
  onPayCard,
  onReturn,
  paused,
  onBackOffice,
  exchange,
  tendersBlocked,
  locked = false,
  operatorTraining = false,
}: SaleScreenProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const search = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  /** Said once a sale is parked, until the next item: an emptied cart alone looks like a lost sale. */
  const [held, setHeld] = useState<string | null>(null);
  const { selected, select, move } = useLineSelection(sale.lines);
  const dialogs = useSaleDialogs(search);
  /** Where the search field's text stood when F12 began to wait for the cart: what follows is typed ahead. */
  const aheadFrom = useRef<number | null>(null);
  const announcement = useCartAnnouncement(sale);
  const saleId = sale.id;

  useEffect(() => search.current?.focus(), []);
  useEffect(() => {
    if (sale.lines.length > 0) setHeld(null);
  }, [sale.lines.length]);

  const edit = (send: Promise<Result<DocumentView>>) => edits.track(send.then(apply));

  // A product sold by weight, scanned by its own barcode or picked from the list, is refused
  // without a weight: whichever way it came (the scanner answers through the same edits), the
  // cashier is asked for the weight, and the refusal itself gives way to the question.
  const refused = edits.error;
  useEffect(() => {
    if (refused?.code !== 'sale.weight_required' || dialogs.dialog !== null) return;
    const { productId, name, nameZh, nameEn } = refused.params;
    if (typeof productId !== 'number') return;
    edits.reset();
    const catalogName = (n: unknown) => (typeof n === 'string' ? n : null);
    dialogs.open({ kind: 'weigh', productId, name: String(name ?? ''), names: { zh: catalogName(nameZh), en: catalogName(nameEn) } });
  }, [refused, dialogs, edits]);

  const addCode = async (code: string) => {
    // Typed after F12 (or another key) that waits for the cart: the cashier is typing ahead for
    // the screen that key opens (the cash handed over), not looking up an item. Taken as a code,
    // "50" would be added to the sale about to be paid. It is the payment screen's 实收 (typedAhead).
    if (locked || command.waiting()) return;
    if (!(await edit(edits.run('sale.addProduct', { saleId, code })))) setQuery('');
  };
  const addPicked = async (product: ProductView) => {
    if (locked || command.waiting()) return;
    if (!(await edit(edits.run('sale.addProduct', { saleId, productId: product.id })))) setQuery('');
    search.current?.focus();
  };
  const changeQty = (lineId: number, qtyMilli: number) => !locked && void edit(edits.run('sale.setQty', { saleId, lineId, qtyMilli }));

  const pay = (tender: () => void) => {
    if (sale.lines.length === 0) return edits.refuse({ code: 'sale.empty', params: {} });
    // An exchange is paid on its panel: a tender here would sell the new goods without the credit.
    if (tendersBlocked) return edits.refuse({ code: 'exchange.pay_on_panel', params: {} });
    edits.reset();
    tender();
  };

  /** 挂单: the cart is parked and an empty one takes its place; the focus goes back to the search for the next customer. */
  const hold = async () => {
    const parked = t('sale.held', { count: sale.lines.length, total: format.money(sale.totals.totalMinor) });
    if (!(await edit(edits.run('sale.hold', { saleId })))) {
      setQuery('');
      setHeld(parked);
    }
    search.current?.focus();
  };

  /** A new dialog is a new attempt: the last one's refusal under the search field has been read. */
  const openDialog = (dialog: SaleDialog) => {
    edits.reset();
    dialogs.open(dialog);
  };

  /**
   * The line a line key acts on: the selection, or with none (after Esc, say) the last line, the
   * one just rung up, which then shows as selected. An empty cart says so instead of nothing.
   */
  const lineForKey = (): boolean => {
    if (selected) return true;
    const last = sale.lines[sale.lines.length - 1];
    if (!last) {
      edits.refuse({ code: 'sale.empty', params: {} });
      return false;
    }
    select(last.id);
    return true;
  };

  /** What only looks at the cart (or leaves it alone) while it is locked. */
  const lockedOut = (command: SaleCommand) => locked && !['search', 'up', 'down', 'cancel', 'help'].includes(command);

  const runCommand = (command: SaleCommand) => {
    if (lockedOut(command)) return undefined;
    switch (command) {
      case 'search':
        return search.current?.focus();
      case 'quantity':
        return lineForKey() && openDialog({ kind: 'qty' });
      case 'adHoc':
        return openDialog({ kind: 'adHoc' });
      case 'note':
        return openDialog({ kind: 'note' });
      case 'lineDiscount':
        return openDialog({ kind: 'discount', scope: selected ? 'line' : 'order' });
      case 'priceOverride':
        return lineForKey() && openDialog({ kind: 'price' });
      case 'orderDiscount':
        return openDialog({ kind: 'discount', scope: 'order' });
      case 'pay': {
        const ahead = typedAhead(query, aheadFrom.current);
        aheadFrom.current = null;
        return pay(() => onPay(ahead));
      }
      case 'payCard':
        return pay(onPayCard);
      case 'remove':
        return selected && void edit(edits.run('sale.removeLine', { saleId, lineId: selected.id }));
      case 'up':
        return move(-1);
      case 'down':
        return move(1);
      case 'cancel':
        if (query !== '') return setQuery('');
        edits.reset();
        return select(null);
      case 'backOffice':
        return onBackOffice?.();
      case 'refund':
        return onReturn();
      case 'hold':
        return void hold();
      case 'recall':
        return openDialog({ kind: 'recall' });
      case 'cancelSale':
        if (sale.lines.length === 0) return edits.refuse({ code: 'sale.empty', params: {} });
        return openDialog({ kind: 'cancelSale' });
      case 'help':
        return undefined;
    }
  };
  const afterEdits = useAfterEdits((c: SaleCommand) => {
    // A key taken from a dialog as its change was sent: the dialog stayed open with a refusal.
    if (dialogs.dialog === null) runCommand(c);
  }, edits);
  const command = Object.assign(
    (c: SaleCommand) => {
      // F12 about to wait (a scan on its way): what the cashier types next is the cash handed over.
      if (c === 'pay' && dialogs.dialog === null && (edits.inFlightNow() > 0 || afterEdits.waiting())) aheadFrom.current = search.current?.value.length ?? 0;
      afterEdits(c);
    },
    { waiting: afterEdits.waiting },
  );
  useSaleShortcuts(command, paused ? 'off' : dialogs.dialog === null ? 'on' : 'dialog', () => edits.inFlightNow() > 0);

  return (
    <main className="sale" aria-labelledby="sale-title">
      {/* The screen's name for a screen reader; the cashier sees the cart and the total. */}
      <h1 id="sale-title" className="visually-hidden">
        {t('sale.title')}
      </h1>
      {/* Mounted from the start, so the first addition is heard too. */}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="sale-announcement">
        {announcement}
      </p>
      <SaleCart
        sale={sale}
        search={<SearchBox inputRef={search} value={query} onChange={setQuery} onCode={(c) => void addCode(c)} onPick={(p) => void addPicked(p)} />}
        // The weight question takes that refusal's place: no error note (nor its beep) for it.
        error={refused?.code === 'sale.weight_required' && dialogs.dialog === null ? null : refused}
        notice={held}
        selected={selected}
        onSelect={select}
        onQty={changeQty}
        onCommand={command}
        operatorTraining={operatorTraining}
      />
      <aside className={exchange ? 'sale__right sale__right--exchange' : 'sale__right'}>
        {exchange}
        <TotalsPanel sale={sale} />
        <SaleActionBar
          dueMinor={sale.payments.length > 0 ? sale.remainingMinor : sale.totals.totalMinor}
          hasLines={sale.lines.length > 0}
          onCommand={command}
          tendersHidden={tendersBlocked ?? false}
        />
      </aside>
      <SaleDialogs
        dialog={dialogs.dialog}
        sale={sale}
        selected={selected}
        apply={apply}
        track={edits.track}
        onChanged={edits.reset}
        onRefused={edits.refuse}
        onOpen={dialogs.open}
        onClose={dialogs.close}
      />
    </main>
  );
}
