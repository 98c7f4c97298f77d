import { useTranslation } from 'react-i18next';
import type { CallError, DocumentView, LineView, Result } from '../../../../preload/contract';
import type { Discount } from '../../../../preload/contract/primitives';
import { AdHocDialog } from '../../components/AdHocDialog';
import { CancelSaleDialog } from '../../components/CancelSaleDialog';
import { DiscountDialog } from '../../components/DiscountDialog';
import { HeldSalesDialog } from '../../components/HeldSalesDialog';
import { NoteDialog } from '../../components/NoteDialog';
import { PriceDialog } from '../../components/PriceDialog';
import { QtyDialog } from '../../components/QtyDialog';
import { WeighDialog } from '../../components/WeighDialog';
import type { PriceOverrideReason } from '../../../../preload/contract/sale';
import { useStoreLocale } from '../../state/store-context';
import { lineName } from '../../format/product-name';
import { useApproval, type Approval } from '../../components/use-approval';
import { useCall, useCallGroup } from '../../state/use-call';
import type { DiscountChange, SaleDialog } from './use-sale-dialogs';

type DiscountCall = 'sale.setLineDiscount' | 'sale.setOrderDiscount';

interface SaleDialogsProps {
  dialog: SaleDialog | null;
  sale: DocumentView;
  /** The selected line: what the quantity and line discount dialogs change. */
  selected: LineView | null;
  /** Shows the sale main answered with; returns main's refusal instead when there is one. */
  apply(result: Result<DocumentView>): CallError | null;
  /**
   * Counts a change from its sending until its answer is shown (SaleEdits.track): a key pressed
   * in the dialog meanwhile (Enter, then F12 at once) waits for it, and is dropped if it is refused.
   */
  track<T>(change: Promise<T>): Promise<T>;
  /** The change went through: the refusal line under the search field has nothing left to say. */
  onChanged(): void;
  /** A refused item, quantity or note stays said under the search field once its dialog is closed. */
  onRefused(error: CallError): void;
  /** One dialog leads to the next (the recall list to a held sale's cancel and back). */
  onOpen(dialog: SaleDialog): void;
  onClose(): void;
}

/**
 * Runs the sale screen's dialogs: sends what each one asks for, keeps it open with main's
 * refusal, closes it once the change went through. A discount above the cashier's limit opens
 * the supervisor's approval in its place and is sent again with it.
 */
export function SaleDialogs({ dialog, sale, selected, apply, track, onChanged, onRefused, onOpen, onClose }: SaleDialogsProps) {
  const { t, i18n } = useTranslation();
  const storeLocale = useStoreLocale();
  const approval = useApproval();
  const adHoc = useCall('sale.addCustomLine');
  const qty = useCall('sale.setQty');
  const weigh = useCall('sale.addProduct');
  const note = useCall('sale.setNote');
  const discount = useCallGroup<DiscountCall>();
  const approved = useCallGroup<DiscountCall>();
  const cancel = useCall('sale.cancel');
  const recall = useCall('sale.recall');
  const price = useCall('sale.overridePrice');
  const saleId = sale.id;

  // Each opening starts without the refusals of the last one.
  const close = () => {
    for (const call of [adHoc, qty, weigh, note, discount, approved, cancel, recall, price]) call.reset();
    onClose();
  };

  /** `mirror`: a refusal is also said under the search field (a discount's stays in its dialog). */
  const finish = (result: Result<DocumentView>, mirror: boolean) => {
    const failed = apply(result);
    if (failed) {
      if (mirror) onRefused(failed);
      return;
    }
    onChanged();
    close();
  };

  const sendDiscount = (change: DiscountChange, given: Approval | undefined) => {
    // The approved sending answers in the approval dialog; the discount dialog keeps its own refusals.
    const call = given ? approved : discount;
    const extra = given ? { approval: given } : {};
    return change.lineId !== null
      ? call.run('sale.setLineDiscount', { saleId, lineId: change.lineId, discount: change.discount, ...extra })
      : call.run('sale.setOrderDiscount', { saleId, discount: change.discount, ...extra });
  };

  const applyDiscount = async (scope: 'line' | 'order', value: Discount | null) => {
    // Checked again at sending: with no line selected any more, a line discount goes on the order.
    const change = { lineId: scope === 'line' && selected ? selected.id : null, discount: value };
    const result = await approval.request((given) => track(sendDiscount(change, given)));
    if (result === null) return close();
    // A refusal after the approval is the discount dialog's to show again.
    if (!result.ok) discount.refuse(result.error);
    finish(result, false);
  };

  /** 改价: a cashier's opens the supervisor's approval in the price dialog's place and is sent again with it. */
  const overridePrice = async (lineId: number, unitPriceMinor: number, reason: PriceOverrideReason) => {
    const result = await approval.request((given) => track(price.run({ saleId, lineId, unitPriceMinor, reason, ...(given ? { approval: given } : {}) })));
    if (result === null) return close();
    if (!result.ok) price.refuse(result.error);
    finish(result, false);
  };

  /** From a held sale's cancel back to the recall list. */
  const back = () => {
    cancel.reset();
    onOpen({ kind: 'recall' });
  };

  /**
   * 整单取消 of the cart, or of a held sale (then the recall list shows again, without it); where
   * the store wants a supervisor for it, main says so and the approval opens.
   */
  const cancelSale = async (target: string, held: boolean) => {
    const result = await approval.request((given) => track(cancel.run({ saleId: target, ...(given ? { approval: given } : {}) })));
    if (result === null) return held ? back() : close();
    if (!result.ok) cancel.refuse(result.error);
    if (!held) return finish(result, false);
    if (!apply(result)) back();
  };

  // The approval takes the place of the dialog that asked for it.
  if (approval.open) return approval.render();

  switch (dialog?.kind) {
    case 'adHoc':
      return <AdHocDialog onAdd={(item) => void track(adHoc.run({ saleId, ...item }).then((r) => finish(r, true)))} error={adHoc.error} onClose={close} />;
    case 'qty':
      if (!selected) return null;
      return (
        <QtyDialog
          line={selected}
          onApply={(qtyMilli) => void track(qty.run({ saleId, lineId: selected.id, qtyMilli }).then((r) => finish(r, true)))}
          error={qty.error}
          onClose={close}
        />
      );
    case 'weigh':
      return (
        <WeighDialog
          line={dialog}
          onApply={(qtyMilli) => void track(weigh.run({ saleId, productId: dialog.productId, qtyMilli }).then((r) => finish(r, true)))}
          error={weigh.error}
          onClose={close}
        />
      );
    case 'price':
      if (!selected) return null;
      return (
        <PriceDialog
          line={selected}
          onApply={(unitPriceMinor, reason) => void overridePrice(selected.id, unitPriceMinor, reason)}
          error={price.error}
          onClose={close}
        />
      );
    case 'note':
      return (
        <NoteDialog
          note={sale.note ?? ''}
          onSave={(text) => void track(note.run({ saleId, note: text }).then((r) => finish(r, true)))}
          error={note.error}
          onClose={close}
        />
      );
    case 'discount': {
      const onLine = dialog.scope === 'line' && selected !== null;
      return (
        <DiscountDialog
          title={onLine ? t('dialog.lineDiscountTitle', { name: lineName(selected, i18n.language, storeLocale).name }) : t('dialog.orderDiscountTitle')}
          current={onLine ? selected.discount : sale.orderDiscount}
          onApply={(value) => void applyDiscount(dialog.scope, value)}
          error={discount.error}
          onClose={close}
        />
      );
    }
    case 'cancelSale':
      return (
        <CancelSaleDialog
          lineCount={sale.lines.length}
          totalMinor={sale.totals.totalMinor}
          payments={sale.payments}
          onConfirm={() => void cancelSale(saleId, false)}
          error={cancel.error}
          onClose={close}
        />
      );
    case 'cancelHeld':
      return (
        <CancelSaleDialog
          held
          lineCount={dialog.held.lineCount}
          totalMinor={dialog.held.totalMinor}
          onConfirm={() => void cancelSale(dialog.held.saleId, true)}
          error={cancel.error}
          onClose={back}
        />
      );
    case 'recall':
      return (
        <HeldSalesDialog
          onRecall={(id) => void track(recall.run({ saleId: id }).then((r) => finish(r, false)))}
          onCancel={(held) => onOpen({ kind: 'cancelHeld', held })}
          error={recall.error}
          onClose={close}
        />
      );
    default:
      return null;
  }
}
