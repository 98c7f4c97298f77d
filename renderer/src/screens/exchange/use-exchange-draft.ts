// The exchange on the counter's open sale, as main keeps it: a draft (换货 chosen on the return
// screen, new goods being rung up) or a begun exchange (its credit on the sale, the difference on
// the payment screen). Main holds both, so this window, a reloaded one, a second one and one after
// a restart all show the same exchange panel (DESIGN §1); this hook mirrors main and tells it what
// the cashier chose.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DocumentView } from '../../../../preload/contract';
import type { ExchangeDraftView } from '../../../../preload/contract/exchange-draft';
import type { SaleExchangeView } from '../../../../preload/contract/exchange-views';
import { refundReason } from '../../../../preload/contract/refund';
import { formatReceiptNo } from '../../format/receipt-no';
import { useEvent } from '../../state/use-event';
import { api } from '../../transport/api';
import type { ExchangeDraft } from './exchange-draft';

function fromMain(found: ExchangeDraftView | SaleExchangeView, begun: boolean): ExchangeDraft | null {
  // Begun with money owed to the customer: only the card-back exchange waits so (its card refund refused or unknown).
  const cardBack = begun && 'refundId' in found && found.differenceMinor < 0 ? { cardBack: { refundId: found.refundId } } : {};
  const reason = refundReason.safeParse(found.reason);
  if (!reason.success) return null;
  return {
    originalSaleId: found.originalSaleId,
    originalReceipt: formatReceiptNo(found.originalRegisterId, found.originalReceiptNo),
    lines: found.lines,
    reason: reason.data,
    creditMinor: found.creditMinor,
    ...(begun ? { begun: true } : {}),
    ...cardBack,
  };
}

export interface ExchangeOnSale {
  exchange: ExchangeDraft | null;
  /** 换货 chosen on the return screen: kept in main with the open sale, then shown. */
  start(draft: ExchangeDraft): Promise<void>;
  /** Left before it began: main forgets it; the new goods stay on the sale. */
  leave(): void;
  /** Begun (the difference goes to the payment screen) or ended: what this window shows until main is asked again. */
  set(update: (draft: ExchangeDraft | null) => ExchangeDraft | null): void;
}

export function useExchangeDraft(sale: DocumentView | null): ExchangeOnSale {
  const [exchange, setExchange] = useState<ExchangeDraft | null>(null);
  const openSaleId = sale?.status === 'open' ? sale.id : null;
  const paymentCount = sale?.payments.length ?? 0;
  // Only the newest question's answer is shown: an older one may predate what the cashier just did.
  const asking = useRef(0);

  const refresh = useCallback(async (saleId: string) => {
    const seq = ++asking.current;
    const begun = await api.invoke('exchange.ofSale', { saleId });
    if (seq !== asking.current) return;
    if (begun.ok && begun.value?.refundStatus === 'open') return setExchange(fromMain(begun.value, true));
    const kept = await api.invoke('exchange.draftOf', { saleId });
    if (seq !== asking.current || !kept.ok) return;
    setExchange(kept.value ? fromMain(kept.value, false) : null);
  }, []);

  // Asked for each open sale, and again when its payments change (another window began its exchange).
  useEffect(() => {
    if (openSaleId !== null) void refresh(openSaleId);
  }, [openSaleId, paymentCount, refresh]);
  // Another window kept or left this sale's exchange.
  useEvent('exchange.draftChanged', (e) => {
    if (e.saleId === openSaleId) void refresh(e.saleId);
  });

  const start = useCallback(
    async (draft: ExchangeDraft) => {
      asking.current++;
      setExchange(draft);
      const saleId = openSaleId ?? (await api.invoke('sale.current', {}).then((r) => (r.ok ? r.value.id : null)));
      if (saleId === null) return;
      // Refused (the goods changed meanwhile), the panel still works here and its preview says why.
      const kept = await api.invoke('exchange.keepDraft', { saleId, originalSaleId: draft.originalSaleId, lines: draft.lines, reason: draft.reason });
      if (kept.ok) setExchange((shown) => (shown === draft ? (fromMain(kept.value, false) ?? draft) : shown));
    },
    [openSaleId],
  );

  const leave = useCallback(() => {
    asking.current++;
    setExchange(null);
    if (openSaleId !== null) void api.invoke('exchange.dropDraft', { saleId: openSaleId });
  }, [openSaleId]);

  const set = useCallback((update: (draft: ExchangeDraft | null) => ExchangeDraft | null) => {
    asking.current++;
    setExchange(update);
  }, []);

  return { exchange, start, leave, set };
}
