import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompletionView, SessionView } from '../../../preload/contract';
import { classifyCode } from '../../../preload/contract/payment-code';
import type { ScannedPaymentCode } from '../components/ScanPayment';
import { Header } from '../components/Header';
import { HelpOverlay } from '../components/HelpOverlay';
import { LogoutDialog } from '../components/LogoutDialog';
import { useScanner } from '../keyboard/use-scanner';
import { useCall } from '../state/use-call';
import { useSale } from '../state/use-sale';
import { forgetPaying } from '../state/paying-marker';
import { usePaymentResume } from '../state/use-payment-resume';
import { useGiveBackResume } from '../state/use-give-back-resume';
import { useLastCompletion } from '../state/use-last-completion';
import { useShift } from '../state/use-shift';
import { sectionsFor } from './back-office/sections';
import { pickMode } from './modes/mode';
import { registerModes, type RegisterFlowActions, type RegisterState, type RequestedMode } from './modes/register-modes';
import { useSaleEdits } from './sale/sale-edits';
import { useAfterEdits } from './sale/use-after-edits';
import { useExchangeDraft } from './exchange/use-exchange-draft';

/** A logged-in cashier's loop: ring up → take cash → receipt → next sale. The screen is picked from registerModes. */
export function RegisterFlow({ session, onLogout }: { session: SessionView; onLogout(): void }) {
  const { sale, loadError, loadCurrent, apply, payingRef } = useSale();
  const edits = useSaleEdits();
  const editSale = edits.run;
  const refuseEdit = edits.refuse;
  const trackEdit = edits.track;
  const logoutCall = useCall('session.logout');
  const holdCall = useCall('sale.hold');
  const [confirmLogout, setConfirmLogout] = useState(false);
  const [requested, setRequested] = useState<RequestedMode>('sale');
  const [completion, setCompletion] = useState<CompletionView | null>(null);
  // The completion main gave back when this window loaded (not one this window just saw happen).
  const [restoredId, setRestoredId] = useState<string | null>(null);
  const [helpOpen, setHelpOpen] = useState(false);
  const [returnOf, setReturnOf] = useState<string | null>(null);
  const [paymentScan, setPaymentScan] = useState<ScannedPaymentCode | null>(null);
  const [cashTypedAhead, setCashTypedAhead] = useState('');
  const scanSeq = useRef(0);
  const shift = useShift();
  // The exchange on the open sale is main's: a reload, a second window or a restart shows it again.
  const exchangeOnSale = useExchangeDraft(sale);
  const { exchange, set: setExchange } = exchangeOnSale;
  const resume = usePaymentResume(sale, payingRef, {
    showPayment: () => setRequested('payment'),
    completed: (done) => {
      // A begun exchange completes with its sale, as after this window's own call.
      setExchange(() => null);
      setCompletion(done);
      setRequested('sale');
    },
  });

  const giveBack = useGiveBackResume(() => {
    setReturnOf(null);
    setRequested('refund');
  });

  // This window's sale screen again, the next sale loaded first: shown before it, the screen held
  // the paid sale (still open as this window last saw it), and a scan or key in that moment went to that sale.
  const moveOn = useCallback(async () => {
    payingRef.current = null;
    forgetPaying();
    await loadCurrent();
    setCompletion(null);
    setRequested('sale');
  }, [loadCurrent, payingRef]);
  const last = useLastCompletion(completion, {
    restore: (done) => {
      setRestoredId(done.sale.id);
      setCompletion(done);
    },
    left: () => void moveOn(),
  });

  const state: RegisterState = {
    session,
    requested,
    sale,
    loadError,
    completion,
    completionRestored: completion !== null && completion.sale.id === restoredId,
    completionChecked: last.checked,
    overlayOpen: helpOpen || confirmLogout,
    returnOf,
    shift: shift.shift,
    shiftSkipped: shift.skipped,
    closedShift: shift.closed,
    cashTypedAhead,
    paymentScan,
    exchange,
    resumed: resume.resumed,
    paymentChecked: resume.checked,
    resumedGiveBack: giveBack.resumed,
  };
  const mode = pickMode(registerModes, state);

  // 下一单: every window showing this completion leaves it, and main offers it no more.
  const dismissCompletion = last.dismiss;
  const nextSale = useCallback(async () => {
    await Promise.all([dismissCompletion(), moveOn()]);
  }, [dismissCompletion, moveOn]);

  // A customer's payment code is never looked up as a product: it pays the sale on screen, decided
  // once the items scanned before it are in the cart (a code scanned right after the last item
  // would otherwise find the cart without it, or empty).
  const payByCode = useAfterEdits((digits: string) => {
    if (sale?.status !== 'open' || completion || sale.lines.length === 0) return refuseEdit({ code: 'sale.empty', params: {} });
    // During an exchange the payment screen would sell the new goods without the credit.
    if (exchange && !exchange.begun) return refuseEdit({ code: 'exchange.pay_on_panel', params: {} });
    setPaymentScan({ code: digits, seq: ++scanSeq.current });
    setRequested('payment');
  }, edits);

  // A scan works on every screen of the loop: after a receipt it starts the next sale.
  const onScan = useCallback(
    async (code: string) => {
      const scanned = classifyCode(code);
      if (scanned.kind === 'payment') return payByCode(scanned.digits);
      // The difference is going back to the card: the new sale is paid by the return's credit as it stands.
      if (exchange?.cardBack && !completion) return;
      let saleId = sale?.status === 'open' && !completion ? sale.id : null;
      if (saleId === null) {
        payingRef.current = null;
        forgetPaying();
        void dismissCompletion();
        setCompletion(null);
        const current = await editSale('sale.current', {});
        if (!current.ok) return;
        saleId = current.value.id;
      }
      setRequested('sale');
      // A refused scan is said above the search field (SaleCart); its error note beeps where the store has the error sound on.
      apply(await editSale('sale.addProduct', { saleId, code }));
    },
    [sale, completion, apply, payingRef, editSale, payByCode, dismissCompletion, exchange],
  );
  useScanner((code) => void trackEdit(onScan(code)), !helpOpen && !confirmLogout && mode.takesScans);
  const canBackOffice = session.operator !== null && sectionsFor(session.operator.role).length > 0;
  const openBackOffice = canBackOffice ? () => setRequested('backOffice') : undefined;

  // F1 opens the shortcut list from any screen of the loop.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'F1') return;
      event.preventDefault();
      setHelpOpen(true);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // A payment code is for the payment screen it opened (or was read on): once the cashier leaves
  // it, the next payment screen must not pay with it again.
  // So is cash typed ahead: the next payment screen starts empty.
  useEffect(() => {
    if (requested !== 'payment') {
      setPaymentScan(null);
      setCashTypedAhead('');
    }
  }, [requested]);

  // Nothing left to pay for (emptied in another window): back to the cart.
  useEffect(() => {
    if ((requested === 'payment' || requested === 'cardPayment') && sale && sale.lines.length === 0) setRequested('sale');
  }, [requested, sale]);

  const leave = async () => {
    const result = await logoutCall.run({});
    if (result.ok) onLogout();
  };
  // A cart with lines would pass to the next operator: ask first (main journals it if they go).
  // Decided once the scans before it are in the cart, or the line scanned last would pass unasked.
  const logout = useAfterEdits(() => {
    if (sale?.status === 'open' && sale.lines.length > 0 && !completion) return setConfirmLogout(true);
    void leave();
  }, edits);
  const holdAndLeave = async () => {
    if (!sale) return;
    const held = await holdCall.run({ saleId: sale.id });
    if (held.ok) await leave();
  };

  const flow: RegisterFlowActions = {
    request: setRequested,
    payCash: (typedAhead) => {
      setCashTypedAhead(typedAhead);
      setRequested('payment');
    },
    startReturn: (saleId) => {
      // A receipt scanned on a return's completion: the next return begins.
      if (completion) void dismissCompletion();
      setCompletion(null);
      setReturnOf(saleId);
      setRequested('refund');
    },
    returnFinished: (done) => void dismissCompletion(done),
    completed: (done) => {
      // A begun exchange completes with its sale (main completes the return in that transaction).
      setExchange(() => null);
      setCompletion(done);
      setRequested('sale');
    },
    nextSale: () => void nextSale(),
    openBackOffice,
    apply,
    edits,
    payingRef,
    skipShift: shift.skip,
    // A closed shift starts the till over: the next shift (or whoever skips it) begins at the sale.
    startExchange: (draft) => {
      void exchangeOnSale.start(draft);
      setRequested('sale');
    },
    // Left before it began (main forgets it), or given up after (both documents cancelled in main): the counter's current sale again.
    cancelExchange: () => {
      if (exchange?.begun !== true && !exchange?.cardBack) return exchangeOnSale.leave();
      setExchange(() => null);
      void nextSale();
    },
    exchangeBegun: () => {
      setExchange((draft) => (draft ? { ...draft, begun: true } : draft));
      setRequested('cardPayment');
    },
    // The completion screen shows the new sale; the cash to hand over is its change, or the difference given back.
    exchangeCardBack: (cardBack) => {
      setExchange((draft) => {
        if (!draft) return draft;
        const { cardBack: _was, ...rest } = draft;
        return cardBack ? { ...rest, cardBack } : rest;
      });
    },
    exchangeDone: (done) => {
      setExchange(() => null);
      // What went back to the card is not cash handed over: the completion says it apart.
      const toCardMinor = done.refund.payments.filter((p) => p.method === 'card').reduce((s, p) => s + p.amountMinor, 0);
      const cashBack = Math.max(0, -done.differenceMinor - toCardMinor);
      setCompletion({ sale: done.sale, receiptNo: done.sale.receiptNo, changeMinor: done.changeMinor + cashBack, ...(toCardMinor > 0 ? { toCardMinor } : {}) });
      setRequested('sale');
    },
    resumeDone: resume.done,
    giveBackResumeDone: giveBack.done,
    shiftClosed: (result) => {
      shift.setClosed(result);
      setRequested('sale');
    },
  };

  return (
    <div className="app-shell">
      <Header
        session={session}
        onHelp={() => setHelpOpen(true)}
        onLogout={() => logout(null)}
        onBackOffice={mode.offersBackOffice ? openBackOffice : undefined}
      />
      {mode.render(state, flow)}
      {helpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
      {confirmLogout && sale && (
        <LogoutDialog
          sale={sale}
          onLogout={() => void leave()}
          onHoldAndLogout={() => void holdAndLeave()}
          error={holdCall.error ?? logoutCall.error}
          onClose={() => {
            holdCall.reset();
            setConfirmLogout(false);
          }}
        />
      )}
    </div>
  );
}
