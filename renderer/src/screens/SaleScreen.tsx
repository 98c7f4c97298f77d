import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, ProductView, Result, DocumentView, SessionView } from '../../../preload/contract';
import type { Discount } from '../../../preload/contract/primitives';
import { AdHocDialog, type AdHocItem } from '../components/AdHocDialog';
import { ApprovalDialog } from '../components/ApprovalDialog';
import { CartLines } from '../components/CartLines';
import { DiscountDialog } from '../components/DiscountDialog';
import { ErrorNote } from '../components/ErrorNote';
import { NoteDialog } from '../components/NoteDialog';
import { QtyDialog } from '../components/QtyDialog';
import { SearchBox } from '../components/SearchBox';
import { TotalsPanel } from '../components/TotalsPanel';
import { commandFor, type SaleCommand } from '../keyboard/shortcuts';
import { useFormat } from '../state/store-context';
import { api } from '../transport/api';

type DialogState = { kind: 'adHoc' } | { kind: 'qty' } | { kind: 'note' } | { kind: 'discount'; scope: 'line' | 'order' } | null;

interface PendingApproval {
  reason: string;
  retry(approval: { operatorId: number; pin: string }): Promise<Result<DocumentView>>;
}

interface SaleScreenProps {
  session: SessionView;
  sale: DocumentView;
  apply(result: Result<DocumentView>): CallError | null;
  error: CallError | null;
  setError(error: CallError | null): void;
  onPay(): void;
  /** Another overlay (help) has the keyboard. */
  paused: boolean;
  /** Opens the back office; absent when the operator's role has no section there. */
  onBackOffice?(): void;
}

export function SaleScreen({ sale, apply, error, setError, onPay, paused, onBackOffice }: SaleScreenProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const search = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<number | null>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [approval, setApproval] = useState<PendingApproval | null>(null);

  const lines = sale.lines;
  const selected = lines.find((l) => l.id === selectedId) ?? null;
  const saleId = sale.id;

  // Keep a selection that still exists; a new line (added here or elsewhere) becomes the selection.
  const lineCount = useRef(lines.length);
  useEffect(() => {
    if (lines.length > lineCount.current) setSelectedId(lines[lines.length - 1]?.id ?? null);
    else if (selectedId !== null && !lines.some((l) => l.id === selectedId)) setSelectedId(lines[lines.length - 1]?.id ?? null);
    lineCount.current = lines.length;
  }, [lines, selectedId]);

  useEffect(() => search.current?.focus(), []);

  const run = useCallback(
    async (call: Promise<Result<DocumentView>>): Promise<CallError | null> => {
      const failed = apply(await call);
      setError(failed);
      return failed;
    },
    [apply, setError],
  );

  const addCode = async (code: string) => {
    if (!(await run(api.invoke('sale.addProduct', { saleId, code })))) setQuery('');
  };
  const addPicked = async (product: ProductView) => {
    if (!(await run(api.invoke('sale.addProduct', { saleId, productId: product.id })))) setQuery('');
    search.current?.focus();
  };
  const addAdHoc = (item: AdHocItem) => run(api.invoke('sale.addCustomLine', { saleId, ...item }));
  const changeQty = (lineId: number, qtyMilli: number) => run(api.invoke('sale.setQty', { saleId, lineId, qtyMilli }));
  const removeLine = (lineId: number) => void run(api.invoke('sale.removeLine', { saleId, lineId }));
  const saveNote = (note: string) => run(api.invoke('sale.setNote', { saleId, note }));

  /** A discount main refuses for want of a supervisor opens the approval prompt and is sent again with it. */
  const sendDiscount = async (scope: 'line' | 'order', discount: Discount | null): Promise<CallError | null> => {
    const lineId = selected?.id;
    const send = (extra: { approval?: { operatorId: number; pin: string } }) =>
      scope === 'line' && lineId !== undefined
        ? api.invoke('sale.setLineDiscount', { saleId, lineId, discount, ...extra })
        : api.invoke('sale.setOrderDiscount', { saleId, discount, ...extra });
    const result = await send({});
    if (!result.ok && result.error.code === 'sale.discount_needs_supervisor') {
      setApproval({ reason: format.error(result.error), retry: (a) => send({ approval: a }) });
      return null;
    }
    const failed = apply(result);
    if (!failed) setError(null);
    return failed;
  };

  const pay = () => {
    if (lines.length === 0) return setError({ code: 'sale.empty', params: {} });
    setError(null);
    onPay();
  };

  const moveSelection = (step: number) => {
    if (lines.length === 0) return;
    const index = lines.findIndex((l) => l.id === selectedId);
    const next = index < 0 ? (step > 0 ? 0 : lines.length - 1) : Math.min(Math.max(index + step, 0), lines.length - 1);
    setSelectedId(lines[next]?.id ?? null);
  };

  const runCommand = (command: SaleCommand) => {
    switch (command) {
      case 'search':
        return search.current?.focus();
      case 'quantity':
        return selected && setDialog({ kind: 'qty' });
      case 'adHoc':
        return setDialog({ kind: 'adHoc' });
      case 'note':
        return setDialog({ kind: 'note' });
      case 'lineDiscount':
        return setDialog({ kind: 'discount', scope: selected ? 'line' : 'order' });
      case 'orderDiscount':
        return setDialog({ kind: 'discount', scope: 'order' });
      case 'pay':
        return pay();
      case 'remove':
        return selected && removeLine(selected.id);
      case 'up':
        return moveSelection(-1);
      case 'down':
        return moveSelection(1);
      case 'cancel':
        if (query !== '') return setQuery('');
        setError(null);
        return setSelectedId(null);
      case 'backOffice':
        return onBackOffice?.();
      case 'help':
        return undefined;
    }
  };
  const runCommandRef = useRef(runCommand);
  runCommandRef.current = runCommand;

  const blocked = paused || dialog !== null || approval !== null;
  useEffect(() => {
    if (blocked) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const target = event.target;
      const inText = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
      const empty = inText ? target.value === '' : true;
      // Arrows inside a field that has text belong to the field.
      if (inText && !empty && (event.key === 'ArrowUp' || event.key === 'ArrowDown')) return;
      const command = commandFor(event, inText, empty);
      if (!command || command === 'help') return;
      event.preventDefault();
      runCommandRef.current(command);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [blocked]);

  const closeDialog = () => {
    setDialog(null);
    search.current?.focus();
  };

  return (
    <main className="sale">
      <section className="sale__left" aria-label={t('sale.cart')}>
        <SearchBox inputRef={search} value={query} onChange={setQuery} onCode={(c) => void addCode(c)} onPick={(p) => void addPicked(p)} />
        <ErrorNote error={error} />
        <CartLines lines={lines} selectedId={selectedId} onSelect={setSelectedId} />
        {selected && (
          <div className="line-actions" role="toolbar" aria-label={t('sale.lineActions')}>
            <button
              type="button"
              className="button"
              aria-label={t('sale.decrease')}
              disabled={selected.qtyMilli <= 1000}
              onClick={() => void changeQty(selected.id, selected.qtyMilli - 1000)}
            >
              −1
            </button>
            <button type="button" className="button" aria-label={t('sale.increase')} onClick={() => void changeQty(selected.id, selected.qtyMilli + 1000)}>
              +1
            </button>
            <button type="button" className="button" onClick={() => setDialog({ kind: 'qty' })}>
              {t('sale.quantity')} <kbd>F3</kbd>
            </button>
            <button type="button" className="button" onClick={() => setDialog({ kind: 'discount', scope: 'line' })}>
              {t('sale.lineDiscountButton')} <kbd>F8</kbd>
            </button>
            <button type="button" className="button button--danger" onClick={() => removeLine(selected.id)}>
              {t('sale.remove')} <kbd>Del</kbd>
            </button>
          </div>
        )}
        {sale.note && (
          <p className="sale__note" data-testid="sale-note">
            {t('sale.noteLabel')}: {sale.note}
          </p>
        )}
      </section>
      <aside className="sale__right">
        <TotalsPanel sale={sale} />
        <div className="sale__buttons">
          <button type="button" className="button" onClick={() => setDialog({ kind: 'adHoc' })}>
            {t('sale.adHoc')} <kbd>F4</kbd>
          </button>
          <button type="button" className="button" onClick={() => setDialog({ kind: 'discount', scope: 'order' })}>
            {t('sale.orderDiscount')} <kbd>F9</kbd>
          </button>
          <button type="button" className="button" onClick={() => setDialog({ kind: 'note' })}>
            {t('sale.note')} <kbd>F6</kbd>
          </button>
        </div>
        <button type="button" className="button button--pay" onClick={pay} data-testid="pay-cash">
          <span>{t('sale.payCash')}</span>
          <span className="button--pay__amount">{format.money(sale.totals.totalMinor)}</span>
          <kbd>F12</kbd>
        </button>
      </aside>

      {dialog?.kind === 'adHoc' && <AdHocDialog onAdd={addAdHoc} onClose={closeDialog} />}
      {dialog?.kind === 'qty' && selected && <QtyDialog line={selected} onApply={(q) => changeQty(selected.id, q)} onClose={closeDialog} />}
      {dialog?.kind === 'note' && <NoteDialog note={sale.note ?? ''} onSave={saveNote} onClose={closeDialog} />}
      {dialog?.kind === 'discount' && (
        <DiscountDialog
          title={dialog.scope === 'line' && selected ? t('dialog.lineDiscountTitle', { name: selected.name }) : t('dialog.orderDiscountTitle')}
          current={dialog.scope === 'line' && selected ? selected.discount : sale.orderDiscount}
          onApply={(d) => sendDiscount(dialog.scope, d)}
          onClose={closeDialog}
        />
      )}
      {approval && (
        <ApprovalDialog
          reason={approval.reason}
          onApprove={async (a) => {
            const failed = apply(await approval.retry(a));
            if (!failed) {
              setDialog(null);
              setError(null);
            }
            return failed;
          }}
          onClose={() => setApproval(null)}
        />
      )}
    </main>
  );
}
