// The screens of a logged-in cashier's loop, in order of precedence: RegisterFlow shows the
// first that applies. To add one: declare it here with when it applies and what it shows.
import type { MutableRefObject } from 'react';
import type {
  CallError,
  CompletionView,
  DocumentView,
  ExchangeDoneView,
  Result,
  SessionView,
  ShiftCountResultView,
  ShiftStateView,
} from '../../../../preload/contract';
import { BackOfficeScreen } from '../back-office/BackOfficeScreen';
import type { ScannedPaymentCode } from '../../components/ScanPayment';
import type { ResumedPayment } from '../../state/use-payment-resume';
import type { GiveBackProgressView } from '../../../../preload/contract/payment-progress-views';
import { CashPaymentScreen } from '../CashPaymentScreen';
import { CompletionScreen } from '../CompletionScreen';
import { RefundScreen } from '../refund/RefundScreen';
import { RefundDone } from '../refund/RefundDone';
import type { SaleEdits } from '../sale/sale-edits';
import { SaleLoading } from '../sale/SaleLoading';
import { SaleScreen } from '../sale/SaleScreen';
import { SaleModeMark } from '../../components/TrainingMark';
import { ExchangePanel } from '../exchange/ExchangePanel';
import type { ExchangeDraft } from '../exchange/exchange-draft';
import { OpenShiftScreen } from '../shift/OpenShiftScreen';
import { ShiftClosingScreen } from '../shift/ShiftClosingScreen';
import { HandoverNotice, NoShiftBar } from '../shift/ShiftBars';
import { defineMode, type Mode, type ModeDefinition } from './mode';

/** What the cashier last asked for with a button or a key; a mode may need more (a loaded sale). */
/** `cardPayment`: the payment screen with the card terminal started (the sale screen's card tender). */
export type RequestedMode = 'sale' | 'payment' | 'cardPayment' | 'backOffice' | 'refund';

export interface RegisterState {
  session: SessionView;
  requested: RequestedMode;
  /** The open sale as main last described it; null until it is loaded. */
  sale: DocumentView | null;
  loadError: CallError | null;
  /**
   * The sale (or return) just completed, shown until the cashier moves on: this window's, or the
   * register's last one as main gave it when the window loaded (reloaded, a second window, a restart).
   */
  completion: CompletionView | null;
  /** The completion on screen is the one main gave back on load, not one this window saw happen. */
  completionRestored: boolean;
  /** Main has said whether there is a last completion to show again. */
  completionChecked: boolean;
  /** An overlay of the loop (the help, the logout question) has the keyboard. */
  overlayOpen: boolean;
  /** The sale a return starts from (picked in the back office); null: the return screen finds one. */
  returnOf: string | null;
  /** The register's shift (sales need an open one); null until loaded. */
  shift: ShiftStateView | null;
  /** A supervisor or owner chose to go on without opening a shift. */
  shiftSkipped: boolean;
  /** The shift this window just closed, said on the next opening screen. */
  closedShift: ShiftCountResultView | null;
  /** Cash keyed on the sale screen after F12, while it waited for the cart: the payment screen's 实收 starts with it. */
  cashTypedAhead: string;
  /** The newest customer's payment code the scanner read on the sale or payment screen (scan-to-pay). */
  paymentScan: ScannedPaymentCode | null;
  /** 换货 in progress: the goods coming back, while the new goods are rung up. */
  exchange: ExchangeDraft | null;
  /** A card or scan-to-pay payment found running (or ended unseen) when the window loaded. */
  resumed: ResumedPayment | null;
  /** Main has said whether a payment was running when the window loaded. */
  paymentChecked: boolean;
  /** Money going back to a card that this window was giving when it was reloaded (running, or ended unseen). */
  resumedGiveBack: GiveBackProgressView | null;
}

/** What the modes' screens can do to the loop, and the sale state they share. */
export interface RegisterFlowActions {
  request(mode: RequestedMode): void;
  /** The cash tender (F12), with any amount typed ahead for 实收. */
  payCash(typedAhead: string): void;
  /** Opens the return screen, on a given sale or to find one. */
  startReturn(saleId: string | null): void;
  /** The cashier left a correction the return screen completed: no window shows it any more. */
  returnFinished(done: CompletionView): void;
  completed(completion: CompletionView): void;
  nextSale(): void;
  /** Absent when the operator's role has no back office section. */
  openBackOffice: (() => void) | undefined;
  apply(result: Result<DocumentView>): CallError | null;
  edits: SaleEdits;
  /** The sale this window is paying, so its completion is shown here (see useSale). */
  payingRef: MutableRefObject<string | null>;
  /** Go on without a shift (not offered to cashiers); `false` takes that back: the opening count again. */
  skipShift(skip?: boolean): void;
  shiftClosed(result: ShiftCountResultView): void;
  /** 换货: from the return screen to the sale screen, the chosen goods as credit. */
  startExchange(draft: ExchangeDraft): void;
  /** Leaves the exchange; the new goods stay on the sale. */
  cancelExchange(): void;
  /** The exchange is begun: the sale owes the difference, paid on the payment screen by card. */
  exchangeBegun(): void;
  exchangeDone(done: ExchangeDoneView): void;
  /** The difference is going back to the card (or its return waits open), or not after all (null). */
  exchangeCardBack(cardBack: { refundId: string | null } | null): void;
  /** The payment screen showed the resumed payment's ending. */
  resumeDone(): void;
  /** The refund screen showed the resumed give-back's ending. */
  giveBackResumeDone(): void;
}

export interface RegisterMode extends Mode<RegisterState, RegisterFlowActions> {
  /** The header offers the back office button. */
  offersBackOffice: boolean;
  /** A scan adds to the sale (in the back office it types into the focused field instead). */
  takesScans: boolean;
}

type WithSale = RegisterState & { sale: DocumentView };
type WithShiftState = RegisterState & { shift: ShiftStateView };
type Counting = RegisterState & { shift: ShiftStateView & { closing: ShiftCountResultView } };
type WithCompletion = RegisterState & { completion: CompletionView };

/**
 * What the sale and payment screens carry above them about the shift: that none is open (with the
 * way to open one), or that the float just counted differs from the last close.
 */
function shiftBar(s: WithSale, flow: RegisterFlowActions) {
  if (s.shift && s.shift.shift === null) return <NoShiftBar hasItems={s.sale.lines.length > 0} onOpen={() => flow.skipShift(false)} />;
  if (s.shift?.shift) return <HandoverNotice shift={s.shift.shift} operatorId={s.session.operator?.id ?? null} />;
  return null;
}

function registerMode<S extends RegisterState>(
  traits: Pick<RegisterMode, 'offersBackOffice' | 'takesScans'>,
  definition: ModeDefinition<RegisterState, S, RegisterFlowActions>,
): RegisterMode {
  return { ...defineMode(definition), ...traits };
}

export const registerModes: readonly RegisterMode[] = [
  // A shift being counted takes no more sales: its count is confirmed before anything else.
  registerMode(
    { offersBackOffice: false, takesScans: false },
    {
      id: 'shiftClosing',
      applies: (s): s is Counting => s.shift?.closing != null,
      render: (s, flow) => <ShiftClosingScreen state={s.shift} closing={s.shift.closing} onClosed={flow.shiftClosed} />,
    },
  ),
  // Sales need an open shift: after login on a register without one, the float is counted first.
  // Not over the back office: a day close that closes the open shift shows its Z there, and the
  // count for the next shift comes when the owner goes back to the sale.
  registerMode(
    { offersBackOffice: false, takesScans: false },
    {
      id: 'openShift',
      applies: (s): s is WithShiftState => s.shift !== null && s.shift.shift === null && !s.shiftSkipped && s.requested !== 'backOffice',
      render: (s, flow) => (
        <OpenShiftScreen state={s.shift} closed={s.closedShift} onSkip={s.session.operator?.role === 'cashier' ? undefined : flow.skipShift} />
      ),
    },
  ),
  registerMode(
    { offersBackOffice: false, takesScans: false },
    {
      id: 'backOffice',
      applies: (s): s is RegisterState => s.requested === 'backOffice',
      render: (s, flow) => <BackOfficeScreen session={s.session} onClose={() => flow.request('sale')} onStartReturn={flow.startReturn} />,
    },
  ),
  // 退货 / Return: the screen reads scans as receipts (or, without a receipt, as items) itself.
  registerMode(
    { offersBackOffice: false, takesScans: false },
    {
      id: 'refund',
      applies: (s): s is RegisterState => s.requested === 'refund',
      render: (s, flow) => (
        <RefundScreen
          session={s.session}
          saleId={s.returnOf}
          paused={s.overlayOpen}
          onClose={() => flow.request('sale')}
          onFinished={flow.returnFinished}
          onExchange={flow.startExchange}
          resumed={s.resumedGiveBack}
          onResumeDone={flow.giveBackResumeDone}
        />
      ),
    },
  ),
  // A return or void completed (given back by main on load): shown as the return screen shows it;
  // a receipt scanned there starts the next return (the screen's own scanner).
  registerMode(
    { offersBackOffice: false, takesScans: false },
    {
      id: 'correctionDone',
      applies: (s): s is WithCompletion => s.completion !== null && s.completion.sale.kind !== 'sale',
      render: (s, flow) => (
        <main className="screen refund" data-testid="refund-screen">
          <RefundDone completion={s.completion} onFinish={flow.nextSale} onLookup={flow.startReturn} paused={s.overlayOpen} />
        </main>
      ),
    },
  ),
  // A scan on the completion screen starts the next sale (RegisterFlow).
  registerMode(
    { offersBackOffice: false, takesScans: true },
    {
      id: 'completion',
      applies: (s): s is WithCompletion => s.completion !== null,
      render: (s, flow) => <CompletionScreen completion={s.completion} restored={s.completionRestored} onNext={flow.nextSale} />,
    },
  ),
  registerMode(
    { offersBackOffice: true, takesScans: true },
    {
      id: 'loading',
      applies: (s): s is RegisterState => s.sale === null || s.shift === null || !s.paymentChecked || !s.completionChecked,
      render: (s) => <SaleLoading error={s.loadError} />,
    },
  ),
  // Cash, card and scan-to-pay share the payment screen: a split tender takes any of them.
  registerMode(
    { offersBackOffice: false, takesScans: true },
    {
      id: 'payment',
      applies: (s): s is WithSale => s.sale !== null && (s.requested === 'payment' || s.requested === 'cardPayment'),
      render: (s, flow) => (
        <>
          {shiftBar(s, flow)}
          {/* The sale being paid keeps its mark: a practice cart is refused real money here too. */}
          {s.sale.lines.length > 0 && <SaleModeMark saleTraining={s.sale.training} operatorTraining={s.session.training} />}
          <CashPaymentScreen
            sale={s.sale}
            payingRef={flow.payingRef}
            scannedCode={s.paymentScan}
            typedAhead={s.cashTypedAhead}
            startCard={s.requested === 'cardPayment'}
            onBack={() => flow.request('sale')}
            onCompleted={flow.completed}
            resumed={s.resumed}
            onResumeDone={flow.resumeDone}
            exchange={s.exchange}
          />
        </>
      ),
    },
  ),
  registerMode(
    { offersBackOffice: true, takesScans: true },
    {
      id: 'sale',
      applies: (s): s is WithSale => s.sale !== null,
      render: (s, flow) => (
        <>
          {shiftBar(s, flow)}
          <SaleScreen
            sale={s.sale}
            edits={flow.edits}
            apply={flow.apply}
            onPay={flow.payCash}
            onPayCard={() => flow.request('cardPayment')}
            onReturn={() => flow.startReturn(null)}
            paused={s.overlayOpen}
            onBackOffice={flow.openBackOffice}
            tendersBlocked={s.exchange !== null && (!s.exchange.begun || s.exchange.cardBack !== undefined)}
            locked={s.exchange?.cardBack !== undefined}
            operatorTraining={s.session.training}
            exchange={
              s.exchange && (
                <ExchangePanel
                  draft={s.exchange}
                  sale={s.sale}
                  role={s.session.operator?.role ?? 'cashier'}
                  onDone={flow.exchangeDone}
                  onCancel={flow.cancelExchange}
                  onBegun={flow.exchangeBegun}
                  onCardBack={flow.exchangeCardBack}
                />
              )
            }
          />
        </>
      ),
    },
  ),
];
