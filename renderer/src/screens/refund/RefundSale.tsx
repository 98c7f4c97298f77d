import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, CompletionView } from '../../../../preload/contract';
import type { RefundReason } from '../../../../preload/contract/refund';
import type { RefundableLineView, RefundableSaleView } from '../../../../preload/contract/refund-views';
import type { Role } from '../../../../preload/contract/primitives';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNote } from '../../components/ErrorNote';
import { asksForSupervisor, useApproval, type Approval } from '../../components/use-approval';
import { formatReceiptNo } from '../../format/receipt-no';
import { useScanner } from '../../keyboard/use-scanner';
import { soldLineOf } from '../../format/product-name';
import { useFormat } from '../../state/store-context';
import { useLineName } from '../../state/use-line-name';
import { useCall } from '../../state/use-call';
import { approvalReason, needsApproval } from './approval-reason';
import { PriceAdjustmentDialog } from './PriceAdjustmentDialog';
import { ReasonSelect } from './ReasonSelect';
import { RefundSaleFacts } from './RefundSaleFacts';
import { RefundPlan } from './RefundPlan';
import { everythingLeft, returnSelection, type LineChoice, type QtyProblem } from './return-selection';
import { endsAttempt, figuresMoved, refundWords } from './refund-attempt';
import { forgetGiveBack, rememberGiveBack } from '../../state/give-back-marker';
import { TerminalSteps, useTerminalSteps } from './TerminalSteps';
import { useRefundKeys } from './use-refund-keys';
import { lineQty, soldText } from './line-amounts';
import { useFirstQtyFocus, useResetOnTenderChange } from './use-refund-sale-effects';
import { VoidDialog } from './VoidDialog';
import { VoidAction } from './VoidAction';
import type { ExchangeDraft } from '../exchange/exchange-draft';

interface RefundSaleProps {
  found: RefundableSaleView;
  role: Role;
  /** Another receipt scanned here is looked up in its place; `lookupError` says why one was not found. */
  onLookup(code: string): void;
  lookupError: CallError | null;
  onBack(): void;
  onDone(completion: CompletionView): void;
  /** 换货: the chosen goods become the credit of an exchange, and the new goods are rung up on the sale screen. */
  onExchange?(draft: ExchangeDraft): void;
  /** The help overlay has the keyboard. */
  paused: boolean;
}

type SaleDialog = { kind: 'adjust'; line: RefundableLineView } | { kind: 'void' };

/**
 * A found sale: every line with what is still returnable; the cashier keys quantities (weighed
 * goods in thousandths), stock or damaged, and a reason, and sees main's preview before
 * confirming. A price adjustment is one line's button; the whole sale is voided with another.
 */
export function RefundSale({ found, role, onLookup, lookupError, onBack, onDone, onExchange, paused }: RefundSaleProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { sale } = found;
  const nameOf = useLineName();
  /** A sold line named as the cart names it: in the cashier's language where the catalog has it. */
  const shown = (l: { lineId: number; name: string }) => nameOf(soldLineOf(sale.lines, l.lineId, l.name)).name;
  const [choices, setChoices] = useState<Map<number, LineChoice>>(() => new Map());
  const [reason, setReason] = useState<RefundReason | null>(null);
  const [toCash, setToCash] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  /** Which line's quantity cannot be taken, and why: a negative one is no typo of a number. */
  const badQtyText = (bad: { lineId: number; name: string; problem: QtyProblem }) =>
    t(bad.problem === 'negative' ? 'refund.negativeQty' : bad.problem === 'fraction' ? 'refund.wholePiecesQty' : 'refund.badQty', { name: shown(bad) });
  const [dialog, setDialog] = useState<SaleDialog | null>(null);
  // A refusal that ends an attempt (the terminal declined) lets the next press be a new refund, not a replay of this one.
  const [attempt, setAttempt] = useState(0);
  const preview = useCall('refund.preview');
  const refund = useCall('refund.withReceipt');
  const approval = useApproval();
  const steps = useTerminalSteps(refund.busy);

  // A whole-sale void took everything back: nothing is left to return, and the screen says why.
  const voidedBy = found.corrections.find((c) => c.kind === 'void' && c.status === 'completed') ?? null;
  const nothingLeft = found.lines.every((l) => l.returnableQtyMilli <= 0);
  const selection = returnSelection(found.lines, choices);
  const lines = selection.kind === 'lines' ? selection.lines : null;
  const request = lines ? JSON.stringify({ lines, toCash }) : null;
  const runPreview = preview.run;
  const resetPreview = preview.reset;
  // What is left on the receipt: reloaded after another window returned the same goods, it asks the preview again.
  const left = found.lines.map((l) => `${l.returnableQtyMilli}:${l.refundableMinor}`).join();

  // Main says what the keyed return would give back, whenever it changes.
  useEffect(() => {
    if (request === null) return resetPreview();
    const { lines: asked, toCash: cash } = JSON.parse(request) as { lines: NonNullable<typeof lines>; toCash: boolean };
    void runPreview({ saleId: sale.id, lines: asked, ...(cash ? { toCash: true } : {}) });
  }, [request, left, sale.id, runPreview, resetPreview]);

  const section = useRef<HTMLElement>(null);
  useFirstQtyFocus(section, sale.id);
  useResetOnTenderChange(toCash, refund.reset);

  // The last answer stays on screen while the next is asked; confirming waits for the answer to what is keyed.
  const plan = lines ? preview.value : null;
  const hasCardOrWallet = found.payments.some((p) => p.method !== 'cash' && p.refundableMinor > 0);
  const askText = plan && needsApproval(role, plan.approvalReasons) ? approvalReason(plan.approvalReasons, t, format.locale) : null;
  const working = refund.busy || dialog !== null || approval.open;

  const choose = (lineId: number, change: Partial<LineChoice>) => {
    setProblem(null);
    setChoices((current) => {
      const next = new Map(current);
      next.set(lineId, { qty: current.get(lineId)?.qty ?? '', restock: current.get(lineId)?.restock ?? true, ...change });
      return next;
    });
  };

  const confirm = async () => {
    if (refund.busy) return;
    if (nothingLeft) return setProblem(t('refund.nothingLeft'));
    if (selection.kind === 'badQty') return setProblem(badQtyText(selection));
    if (!lines) return setProblem(t('refund.nothingChosen'));
    if (reason === null) return setProblem(t('refund.reasonRequired'));
    if (!plan || preview.busy) return;
    setProblem(null);
    const send = (given?: Approval) =>
      refund.run({ saleId: sale.id, lines, reason, ...(toCash ? { toCash: true } : {}), ...(given ? { approval: given } : {}) }, `attempt:${attempt}`);
    // Money back to a card takes the terminal's time: a reload meanwhile finds it again (see useGiveBackResume).
    if (plan.tenders.some((p) => p.method === 'card')) rememberGiveBack(sale.id);
    const result = await approval.request(send, askText);
    forgetGiveBack();
    if (result === null) return refund.reset();
    if (result.ok) return onDone(result.value);
    refund.refuse(result.error);
    if (endsAttempt(result.error.code)) setAttempt((n) => n + 1);
    if (figuresMoved(result.error.code)) onLookup(sale.id);
  };

  const exchange = () => {
    if (selection.kind === 'badQty') return setProblem(badQtyText(selection));
    if (!lines) return setProblem(t('refund.nothingChosen'));
    if (reason === null) return setProblem(t('refund.reasonRequired'));
    if (!plan || !onExchange) return;
    const originalReceipt = formatReceiptNo(sale.registerId, sale.receiptNo);
    onExchange({ originalSaleId: sale.id, originalReceipt, lines, reason, creditMinor: plan.totalMinor });
  };

  useRefundKeys({ enabled: !paused && !working, onConfirm: () => void confirm(), onBack });
  useScanner(onLookup, !paused && !working);

  const columns: Column<RefundableLineView>[] = [
    { key: 'name', header: t('refund.line.name'), cell: (l) => shown(l) },
    { key: 'sold', header: t('refund.line.sold'), numeric: true, cell: (l) => soldText(t, format, l) },
    { key: 'paid', header: t('refund.line.paid'), numeric: true, cell: (l) => format.money(l.paidMinor) },
    {
      key: 'returned',
      header: t('refund.line.returned'),
      numeric: true,
      cell: (l) => (l.returnedQtyMilli > 0 || l.refundedMinor > 0 ? `${lineQty(format, l, l.returnedQtyMilli)} · ${format.money(l.refundedMinor)}` : ''),
    },
    {
      key: 'left',
      header: t('refund.line.left'),
      numeric: true,
      testId: 'refund-line-left',
      cell: (l) => `${lineQty(format, l, l.returnableQtyMilli)} · ${format.money(l.refundableMinor)}`,
    },
    {
      key: 'qty',
      header: t('refund.line.qty'),
      cell: (l) => (
        <input
          className="refund-line__qty"
          inputMode="decimal"
          autoComplete="off"
          aria-label={t('refund.line.qtyOf', { name: shown(l) })}
          value={choices.get(l.lineId)?.qty ?? ''}
          disabled={l.returnableQtyMilli <= 0}
          // As keyed: "-1" is refused as negative, not taken as 1.
          onChange={(e) => choose(l.lineId, { qty: e.target.value })}
          data-testid="return-qty"
        />
      ),
    },
    {
      key: 'restock',
      header: t('refund.line.goods'),
      cell: (l) => (
        <select
          aria-label={t('refund.line.goodsOf', { name: shown(l) })}
          value={choices.get(l.lineId)?.restock === false ? 'damaged' : 'stock'}
          disabled={l.returnableQtyMilli <= 0}
          onChange={(e) => choose(l.lineId, { restock: e.target.value === 'stock' })}
          data-testid="return-restock"
        >
          <option value="stock">{t('refund.line.toStock')}</option>
          <option value="damaged">{t('refund.line.damaged')}</option>
        </select>
      ),
    },
    {
      key: 'adjust',
      header: t('refund.line.adjust'),
      headerHidden: true,
      cell: (l) => (
        <button
          type="button"
          className="button"
          disabled={l.refundableMinor <= 0}
          onClick={() => setDialog({ kind: 'adjust', line: l })}
          data-testid="adjust-line"
        >
          {t('refund.line.adjust')}
        </button>
      ),
    },
  ];

  const dialogs =
    dialog?.kind === 'adjust' ? (
      <PriceAdjustmentDialog found={found} line={dialog.line} role={role} toCash={toCash} onDone={onDone} onClose={() => setDialog(null)} />
    ) : dialog?.kind === 'void' ? (
      <VoidDialog found={found} role={role} onDone={onDone} onClose={() => setDialog(null)} />
    ) : null;

  return (
    <section ref={section} className="panel refund-sale" aria-labelledby="refund-sale-title" data-testid="refund-sale">
      <div className="panel__top">
        <RefundSaleFacts found={found} voidedBy={voidedBy} onResume={onDone} />
        <div className="refund-sale__top-actions">
          <button type="button" className="button" onClick={onBack} data-testid="refund-back">
            {t('refund.backToFind')} <kbd>Esc</kbd>
          </button>
          <VoidAction found={found} onVoid={() => setDialog({ kind: 'void' })} />
        </div>
      </div>

      <ErrorNote error={lookupError} />
      <DataTable
        label={t('refund.sale.lines')}
        columns={columns}
        rows={found.lines}
        rowKey={(l) => l.lineId}
        rowTestId="refund-line"
        rowData={(l) => ({ 'data-line-id': l.lineId })}
      />
      {voidedBy === null && (
        <div className="refund-sale__choices">
          <button
            type="button"
            className="button"
            // Everything already returned: the press says so rather than doing nothing.
            onClick={() => (nothingLeft ? setProblem(t('refund.nothingLeft')) : setChoices(everythingLeft(found.lines, choices)))}
            data-testid="return-all"
          >
            {t('refund.returnAll')}
          </button>
          <ReasonSelect value={reason} onChange={setReason} />
          {hasCardOrWallet && (
            <label className="check check--in-row">
              <input type="checkbox" checked={toCash} onChange={(e) => setToCash(e.target.checked)} data-testid="refund-to-cash" />
              {t('refund.toCash')}
            </label>
          )}
        </div>
      )}
      {/* A quantity that cannot be read is said as it is typed: 确认 stays disabled without a line to return. */}
      <ErrorNote message={selection.kind === 'badQty' ? badQtyText(selection) : problem} />
      <ErrorNote error={approval.open || asksForSupervisor(refund.error) ? null : (refundWords(refund.error) ?? (lines ? preview.error : null))} />
      {plan && <RefundPlan plan={plan} payments={found.payments} saleLines={sale.lines} approvalNote={askText} />}
      {refund.busy && !approval.open && plan?.tenders.some((p) => p.method === 'card') && <TerminalSteps step={steps} />}
      {voidedBy === null && (
        <div className="refund-sale__actions">
          {onExchange && (
            <button type="button" className="button button--large" disabled={plan === null || preview.busy} onClick={exchange} data-testid="refund-exchange">
              {t('exchange.start')}
            </button>
          )}
          <button
            type="button"
            className="button button--primary button--large"
            disabled={plan === null || preview.busy || refund.busy}
            onClick={() => void confirm()}
            data-testid="refund-confirm"
          >
            {/* What is handed back (cash rounded, card exact), as the tenders below list it: not the refund's total before rounding. */}
            {plan ? t('refund.confirm', { amount: format.money(plan.tenders.reduce((s, p) => s + p.amountMinor, 0)) }) : t('refund.confirmNothing')}{' '}
            <kbd>F12</kbd>
          </button>
        </div>
      )}
      {approval.open ? approval.render(<TerminalSteps step={steps} />) : dialogs}
    </section>
  );
}
