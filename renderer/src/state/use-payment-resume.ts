import { useCallback, useEffect, useRef, useState, type MutableRefObject } from 'react';
import type { CallError, CompletionView, DocumentView, PaymentInProgressView, PaymentOutcome, Result } from '../../../preload/contract';
import { api } from '../transport/api';
import { forgetPaying, payingMarker } from './paying-marker';
import { useEvent } from './use-event';

/**
 * A card or scan-to-pay payment this window found running when it loaded (reloaded, or opened
 * meanwhile): the payment screen shows it as if it had started it, and `ended` is what the pay
 * call answered (or the sale's completion, when that is all there is to know).
 */
export interface ResumedPayment {
  saleId: string;
  kind: PaymentInProgressView['kind'];
  step: string | null;
  deadlineAt: number | null;
  cancellable: boolean;
  ended: Result<CompletionView> | null;
}

function completionOf(sale: DocumentView): CompletionView {
  return { sale, receiptNo: sale.receiptNo, changeMinor: sale.changeMinor };
}

/** The pay call's answer as the call runner would have given it (main only ever sends its own error codes). */
function asResult(outcome: PaymentOutcome): Result<CompletionView> {
  return outcome.ok ? outcome : { ok: false, error: outcome.error as CallError };
}

function needsSignature(done: CompletionView): boolean {
  return done.sale.payments.some((p) => p.card?.signatureRequired);
}

/**
 * On load, asks main about the sale this window was paying (or else the open sale): a payment
 * still running opens the payment screen at its step; one that ended while the page was gone
 * shows its completion, or its refusal on the payment screen. Then follows it to its end by
 * `payment.ended` and by the sale itself (`sale.changed`), never by the old page's call.
 */
export function usePaymentResume(
  sale: DocumentView | null,
  payingRef: MutableRefObject<string | null>,
  on: { showPayment(): void; completed(done: CompletionView): void },
) {
  const [resumed, setResumed] = useState<ResumedPayment | null>(null);
  const resumedRef = useRef<ResumedPayment | null>(null);
  resumedRef.current = resumed;
  const onRef = useRef(on);
  onRef.current = on;
  const asked = useRef(false);
  // Until main has said whether a payment runs, the window shows neither the cart nor the payment screen.
  const [checked, setChecked] = useState(false);

  const settle = useCallback(
    (saleId: string, kind: ResumedPayment['kind'], ended: Result<CompletionView>) => {
      const done = ended.ok ? ended.value : null;
      // Settled once: the ending may come by event, by the sale and by asking, in any order.
      resumedRef.current = null;
      // Completed and nothing left to check: straight to the completion screen, as after the call.
      if (done && done.receiptNo !== null && !needsSignature(done)) {
        setResumed(null);
        payingRef.current = done.sale.id;
        onRef.current.completed(done);
        return;
      }
      // A refusal or a signature to check: the payment screen's own component shows it.
      setResumed((r) => ({ ...(r ?? { saleId, kind, step: null, deadlineAt: null, cancellable: false }), ended }));
      onRef.current.showPayment();
    },
    [payingRef],
  );

  const ask = useCallback(async (saleId: string) => {
    const r = await api.invoke('payment.progress', { saleId });
    return r.ok ? r.value : null;
  }, []);

  useEffect(() => {
    if (!sale || asked.current) return;
    asked.current = true;
    const marked = payingMarker();
    const openSaleId = sale.id;
    const find = async () => {
      for (const saleId of marked && marked !== openSaleId ? [marked, openSaleId] : [openSaleId]) {
        const p = await ask(saleId);
        if (p?.running) {
          const { kind, step, deadlineAt, cancellable } = p.running;
          payingRef.current = saleId;
          setResumed({ saleId, kind, step, deadlineAt, cancellable, ended: null });
          onRef.current.showPayment();
          return;
        }
        // Only this window's own payment: another window's ending is not this cashier's to see.
        if (saleId !== marked) continue;
        // A part payment ended it: what followed (cash, say) is told by the sale below.
        const part = p?.ended?.result.ok === true && p.ended.result.value.receiptNo === null;
        if (p?.ended && !part) return settle(saleId, p.ended.kind, asResult(p.ended.result));
        // The register restarted since: the sale itself says whether it was paid.
        const s = await api.invoke('sale.get', { saleId });
        if (s.ok && s.value.status === 'completed' && s.value.id !== openSaleId) return settle(saleId, 'card', { ok: true, value: completionOf(s.value) });
        forgetPaying();
      }
    };
    void find().finally(() => setChecked(true));
  }, [sale, ask, settle, payingRef]);

  useEvent('payment.ended', (p) => {
    const r = resumedRef.current;
    if (r && r.ended === null && p.saleId === r.saleId) settle(r.saleId, r.kind, asResult(p.result));
  });
  useEvent('payment.step', (p) => {
    const r = resumedRef.current;
    if (r && p.saleId === r.saleId) setResumed({ ...r, step: p.key, deadlineAt: p.deadlineAt ?? null });
  });
  useEvent('sale.changed', (view) => {
    const r = resumedRef.current;
    if (!r || r.ended !== null || view.id !== r.saleId) return;
    if (view.status === 'completed') return settle(r.saleId, r.kind, { ok: true, value: completionOf(view) });
    // Still open: ended in the background (a refusal settled by the register alone), or still going.
    void ask(r.saleId).then((p) => {
      if (!p || p.running || resumedRef.current?.saleId !== r.saleId) return;
      if (p.ended) settle(r.saleId, r.kind, asResult(p.ended.result));
      else setResumed(null);
    });
  });

  /** The payment screen showed the ending (or the cashier moved on): nothing is resumed any more. */
  const done = useCallback(() => setResumed(null), []);
  return { resumed, checked, done };
}
