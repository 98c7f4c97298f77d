import { useEffect, useRef, useState, type MutableRefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, CompletionView, DocumentView } from '../../../preload/contract';
import { createActionKeys } from '../state/idempotency';
import { useFormat } from '../state/store-context';
import { api } from '../transport/api';
import { ErrorNote } from './ErrorNote';

interface CardPaymentProps {
  sale: DocumentView;
  payingRef: MutableRefObject<string | null>;
  onCompleted(completion: CompletionView): void;
}

/**
 * The Card button: pays what is still owed on the terminal. The terminal's steps (insert card,
 * PIN, please wait...) are shown live; Cancel asks the terminal to stop. Main decides everything:
 * a decline comes back as a translated reason and the sale stays open.
 */
export function CardPayment({ sale, payingRef, onCompleted }: CardPaymentProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [paying, setPaying] = useState(false);
  const [step, setStep] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [signature, setSignature] = useState<CompletionView | null>(null);
  const keys = useRef(createActionKeys()).current;

  useEffect(() => api.on('payment.step', (p) => (p.saleId === sale.id ? setStep(p.key) : undefined)), [sale.id]);

  const finish = (done: CompletionView) => {
    keys.settle();
    if (done.receiptNo === null) return; // part paid: the payment screen shows what is left
    onCompleted(done);
  };

  const pay = async () => {
    if (paying) return;
    setPaying(true);
    setError(null);
    setStep(null);
    payingRef.current = sale.id;
    // Same key while the amount is unchanged: a retry after a lost connection is the same payment.
    const result = await api.invoke('card.pay', { saleId: sale.id, idempotencyKey: keys.keyFor(`${sale.id}:card:${sale.remainingMinor}`) });
    setPaying(false);
    setStep(null);
    if (!result.ok) {
      if (result.error.code !== 'request.transport_failed') payingRef.current = null;
      return setError(result.error);
    }
    const card = result.value.sale.payments.find((p) => p.card?.signatureRequired);
    if (card) return setSignature(result.value);
    finish(result.value);
  };

  const confirmSignature = async () => {
    if (!signature) return;
    const result = await api.invoke('card.confirmSignature', { saleId: signature.sale.id });
    if (!result.ok && result.error.code !== 'terminal.no_signature_pending') return setError(result.error);
    const done = signature;
    setSignature(null);
    finish(done);
  };

  if (signature)
    return (
      <div className="card-payment" data-testid="card-signature">
        <p className="card-payment__step">{t('card.signatureCheck')}</p>
        <button type="button" className="button button--primary button--large" onClick={() => void confirmSignature()} data-testid="card-signature-ok">
          {t('card.signatureTaken')}
        </button>
        <ErrorNote error={error} />
      </div>
    );

  return (
    <div className="card-payment">
      {paying ? (
        <>
          <p className="card-payment__step" role="status" aria-live="polite" data-testid="card-step">
            {step ? t(step, { defaultValue: t('card.working') }) : t('card.working')}
          </p>
          <button
            type="button"
            className="button button--danger button--large"
            onClick={() => void api.invoke('card.abort', { saleId: sale.id })}
            data-testid="card-cancel"
          >
            {t('card.cancel')}
          </button>
        </>
      ) : (
        <button type="button" className="button button--large" onClick={() => void pay()} disabled={sale.remainingMinor <= 0} data-testid="pay-card">
          {t('card.pay', { amount: format.money(sale.remainingMinor) })}
        </button>
      )}
      <ErrorNote error={error} />
    </div>
  );
}
