import { useCallback, useEffect, useRef, useState } from 'react';
import type { CompletionView, SessionView } from '../../../../preload/contract';
import type { RefundableSaleView } from '../../../../preload/contract/refund-views';
import { useScanner } from '../../keyboard/use-scanner';
import { useCall } from '../../state/use-call';
import '../../styles/refund.css';
import { FindReceipt } from './FindReceipt';
import { NoReceiptReturn } from './NoReceiptReturn';
import { RefundDone } from './RefundDone';
import { RefundSale } from './RefundSale';
import { useRefundKeys } from './use-refund-keys';
import type { ExchangeDraft } from '../exchange/exchange-draft';
import type { GiveBackProgressView } from '../../../../preload/contract/payment-progress-views';
import { ResumedGiveBack } from './ResumedGiveBack';

type Step =
  | { kind: 'find' }
  | { kind: 'givingBack'; progress: GiveBackProgressView }
  | { kind: 'sale'; found: RefundableSaleView }
  | { kind: 'noReceipt' }
  | { kind: 'done'; completion: CompletionView };

interface RefundScreenProps {
  session: SessionView;
  /** A sale to start from (picked in the back office's documents); null to find one here. */
  saleId: string | null;
  /** The help overlay has the keyboard. */
  paused: boolean;
  onClose(): void;
  /** The cashier leaves the completed correction (every window showing it leaves it too). */
  onFinished?(done: CompletionView): void;
  /** 换货: continue to the sale screen with the chosen goods as credit. */
  onExchange(draft: ExchangeDraft): void;
  /** Money going back to a card that this window was giving when it was reloaded. */
  resumed?: GiveBackProgressView | null;
  /** The resumed give-back's ending is shown (or the cashier moved on). */
  onResumeDone?(): void;
}

/**
 * 退货 / Return: find the sale (its number typed, its receipt's QR code scanned, or picked from
 * today's sales), choose what comes back, confirm, see the refund done. While this screen is
 * open a scan is a receipt lookup, except on the return without a receipt, where it is an item.
 */
export function RefundScreen({ session, saleId, paused, onClose, onFinished, onExchange, resumed = null, onResumeDone }: RefundScreenProps) {
  const [step, setStep] = useState<Step>(resumed ? { kind: 'givingBack', progress: resumed } : { kind: 'find' });
  const find = useCall('refund.find');
  const runFind = find.run;
  const role = session.operator?.role ?? 'cashier';

  const lookup = useCallback(
    async (code: string) => {
      const result = await runFind({ code });
      if (result.ok) setStep({ kind: 'sale', found: result.value });
    },
    [runFind],
  );

  useEffect(() => {
    if (saleId !== null) void lookup(saleId);
  }, [saleId, lookup]);

  useEffect(() => {
    if (resumed) setStep({ kind: 'givingBack', progress: resumed });
  }, [resumed]);

  const resumeDoneRef = useRef(onResumeDone);
  resumeDoneRef.current = onResumeDone;
  const giveBackDone = useCallback((completion: CompletionView) => {
    resumeDoneRef.current?.();
    setStep({ kind: 'done', completion });
  }, []);

  const backToFind = () => {
    find.reset();
    setStep({ kind: 'find' });
  };

  // The first step's own keys and scanner; the others bring theirs.
  const finding = step.kind === 'find';
  useScanner((code) => void lookup(code), finding && !paused);
  useRefundKeys({ enabled: finding && !paused, onBack: onClose });

  return (
    <main className="screen refund" data-testid="refund-screen">
      {step.kind === 'givingBack' && (
        <ResumedGiveBack
          progress={step.progress}
          onDone={giveBackDone}
          onBackToSale={() => {
            onResumeDone?.();
            void lookup(step.progress.saleId);
          }}
        />
      )}
      {step.kind === 'find' && (
        <FindReceipt
          onLookup={(code) => void lookup(code)}
          lookupBusy={find.busy}
          lookupError={find.error}
          onNoReceipt={() => setStep({ kind: 'noReceipt' })}
          onClose={onClose}
        />
      )}
      {step.kind === 'sale' && (
        // A new key per sale: nothing keyed for one receipt carries over to the next.
        <RefundSale
          key={step.found.sale.id}
          found={step.found}
          role={role}
          lookupError={find.error}
          onLookup={(code) => void lookup(code)}
          onBack={backToFind}
          onDone={(completion) => setStep({ kind: 'done', completion })}
          onExchange={onExchange}
          paused={paused}
        />
      )}
      {step.kind === 'noReceipt' && (
        <NoReceiptReturn
          role={role}
          storeLocale={session.storeLocale}
          onBack={backToFind}
          onDone={(completion) => setStep({ kind: 'done', completion })}
          paused={paused}
        />
      )}
      {step.kind === 'done' && (
        <RefundDone
          completion={step.completion}
          onFinish={() => {
            onFinished?.(step.completion);
            onClose();
          }}
          onLookup={(code) => void lookup(code)}
          paused={paused}
        />
      )}
    </main>
  );
}
