import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletionView, DocumentView } from '../../../../preload/contract';
import { formatReceiptNo } from '../../format/receipt-no';
import { useScanner } from '../../keyboard/use-scanner';
import { useFormat } from '../../state/store-context';
import { useEvent } from '../../state/use-event';
import { ReceiptPreview } from '../printing/ReceiptPreview';
import { TenderLabel } from './RefundPlan';
import { CorrectionParts } from './CorrectionParts';

interface RefundDoneProps {
  completion: CompletionView;
  onFinish(): void;
  /** A receipt scanned here starts the next return. */
  onLookup(code: string): void;
  paused: boolean;
}

/** 退货单, 退款单 or 撤销单, by what the correction did. */
function titleKey(doc: DocumentView): string {
  if (doc.kind === 'void') return 'refund.done.void';
  return doc.lines.every((l) => l.qtyMilli === 0) ? 'refund.done.adjustment' : 'refund.done.return';
}

/**
 * The correction is in the ledger: its number, what went back and to which tender, and the
 * receipt as it prints. A refund through a scan-to-pay provider stays open until the provider
 * confirms; main's `sale.changed` then shows it completed here.
 */
export function RefundDone({ completion, onFinish, onLookup, paused }: RefundDoneProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [doc, setDoc] = useState(completion.sale);
  // Money going back to several cards and wallets, not all of it back yet: the parts say where each stands.
  const [parted, setParted] = useState(false);
  const finish = useRef<HTMLButtonElement>(null);

  useEvent('sale.changed', (view) => {
    if (view.id === doc.id) setDoc(view);
  });
  useScanner(onLookup, !paused);

  useEffect(() => {
    finish.current?.focus();
    if (paused) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Enter' && event.key !== 'Escape') return;
      // A supervisor keying their PIN for a part given in cash, or a part's own button: not the screen's Done.
      if (event.target instanceof Element && event.target.closest('[role="dialog"], dialog, input, .refund-parts')) return;
      event.preventDefault();
      onFinish();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onFinish, paused]);

  const waiting = doc.status === 'open';
  return (
    <section className="panel done refund-done" data-testid="refund-done" aria-labelledby="refund-done-title">
      <h1 id="refund-done-title" data-testid="refund-done-title">
        {t(parted && doc.status === 'open' ? 'refund.parts.title' : titleKey(doc))}
      </h1>
      <dl className="done__facts">
        <div>
          <dt>{t('done.receiptNo')}</dt>
          <dd data-testid="refund-receipt-no">{formatReceiptNo(doc.registerId, doc.receiptNo, doc.training)}</dd>
        </div>
        <div className="done__change">
          <dt>{t('refund.done.total')}</dt>
          <dd data-testid="refund-done-total">{format.money(doc.totals.totalMinor)}</dd>
        </div>
      </dl>
      <ul className="refund-plan__tenders" aria-label={t('refund.plan.tenders')}>
        {doc.payments.map((p) => (
          <li key={p.id} data-testid="refund-done-tender" data-method={p.method}>
            <span>
              <TenderLabel tender={{ paymentId: p.id, method: p.method, amountMinor: p.amountMinor }} scanProvider={p.scan?.provider ?? null} />
              {p.card?.maskedPan ? <span className="muted small"> {p.card.maskedPan}</span> : null}
            </span>
            <strong>{format.money(p.amountMinor)}</strong>
          </li>
        ))}
      </ul>
      {doc.roundingMinor !== 0 && <p className="muted small">{t('refund.done.rounding', { amount: format.money(doc.roundingMinor) })}</p>}
      {waiting && <CorrectionParts correctionId={doc.id} onChanged={(c) => setDoc(c.sale)} onListed={setParted} />}
      {waiting && !parted && (
        <p className="notice" role="status" data-testid="refund-waiting">
          {t('refund.done.waitingProvider')}
        </p>
      )}
      {doc.status === 'cancelled' && (
        <p className="error-note" role="alert" data-testid="error">
          {t('refund.done.cancelled')}
        </p>
      )}
      {doc.completedAt !== null && <p className="muted small">{format.dateTime(doc.completedAt)}</p>}
      {doc.status === 'completed' && (
        // A long receipt scrolls: a focus stop, so a keyboard can scroll it too, as on the sale's completion.
        <section className="done__receipt" aria-label={t('done.receipt')} tabIndex={0}>
          <ReceiptPreview saleId={doc.id} />
        </section>
      )}
      <button ref={finish} type="button" className="button button--primary button--large" onClick={onFinish} data-testid="refund-finish">
        {/* A correction with parts still to go back is left open, not done: the button says so. */}
        {t(parted && doc.status === 'open' ? 'refund.parts.later' : 'refund.done.finish')} <kbd>Enter</kbd>
      </button>
    </section>
  );
}
