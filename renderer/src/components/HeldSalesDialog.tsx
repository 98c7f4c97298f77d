import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, HeldSaleView } from '../../../preload/contract';
import { useFormat } from '../state/store-context';
import { useLineName } from '../state/use-line-name';
import { useCall } from '../state/use-call';
import { Dialog } from './Dialog';
import { ErrorNote } from './ErrorNote';

interface HeldSalesDialogProps {
  onRecall(saleId: string): void;
  /** 整单取消 of a held sale, asked for in the dialog that follows (a customer who never came back). */
  onCancel(held: HeldSaleView): void;
  /** Main's refusal of the recall (a payment under way on the cart at the counter). */
  error: CallError | null;
  onClose(): void;
}

/** 取单: the register's held sales, oldest first; one tap makes a held sale the sale on screen again, another cancels it. */
export function HeldSalesDialog({ onRecall, onCancel, error, onClose }: HeldSalesDialogProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const nameOf = useLineName();
  const list = useCall('sale.heldList');
  const load = list.run;
  useEffect(() => void load({}), [load]);
  const held = list.value ?? [];
  const closeButton = useRef<HTMLButtonElement>(null);
  const firstRecall = useRef<HTMLButtonElement>(null);
  const arrived = list.value !== null;
  // The dialog opens before its list arrives, with the focus on 关闭, the only button then; Home
  // then Enter must bring the oldest held sale back, not close the list. A focus the cashier
  // already moved stays where they put it.
  useEffect(() => {
    if (arrived && document.activeElement === closeButton.current) firstRecall.current?.focus();
  }, [arrived]);

  return (
    <Dialog title={t('held.title')} onClose={onClose} testId="held-sales-dialog" wide>
      {list.value !== null && held.length === 0 && <p className="muted">{t('held.none')}</p>}
      <ul className="held-list" aria-label={t('held.title')}>
        {held.map((h, i) => (
          <li key={h.saleId} className="held-list__item" data-testid="held-sale">
            <div className="held-list__what">
              <strong data-testid="held-sale-lines">{h.preview.map((l) => nameOf(l).name).join(t('list.separator'))}</strong>
              <span className="muted small">
                {t('held.meta', { count: h.lineCount, time: format.dateTime(h.heldAt), name: h.heldByName })}
                {h.stale && <span className="held-list__stale"> · {t('held.stale')}</span>}
                {h.training && (
                  <span className="held-list__training" data-testid="held-sale-training">
                    {' '}
                    · {t('held.training')}
                  </span>
                )}
              </span>
              {h.note && <span className="small">{h.note}</span>}
            </div>
            <strong className="held-list__total">{format.money(h.totalMinor)}</strong>
            <button
              ref={i === 0 ? firstRecall : undefined}
              type="button"
              className="button button--primary"
              onClick={() => onRecall(h.saleId)}
              data-testid="recall-sale"
            >
              {t('held.recall')}
            </button>
            <button
              type="button"
              className="button button--danger"
              onClick={() => onCancel(h)}
              aria-label={t('held.cancelLabel', { time: format.dateTime(h.heldAt) })}
              data-testid="cancel-held-sale"
            >
              {t('held.cancel')}
            </button>
          </li>
        ))}
      </ul>
      <ErrorNote error={error ?? list.error} />
      <div className="dialog__actions">
        <button ref={closeButton} type="button" className="button" onClick={onClose}>
          {t('action.close')}
        </button>
      </div>
    </Dialog>
  );
}
