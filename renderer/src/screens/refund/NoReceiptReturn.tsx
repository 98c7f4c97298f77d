import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CompletionView } from '../../../../preload/contract';
import type { Locale, Role } from '../../../../preload/contract/primitives';
import type { RefundReason } from '../../../../preload/contract/refund';
import { AmountField } from '../../components/AmountField';
import { DataTable, type Column } from '../../components/DataTable';
import { ErrorNote } from '../../components/ErrorNote';
import { asksForSupervisor, useApproval, type Approval } from '../../components/use-approval';
import { currencyDigits } from '../../format/money';
import { typedProblem } from '../../format/amount-input';
import { parseMinor, parseQtyMilli } from '../../format/parse-amount';
import { useScanner } from '../../keyboard/use-scanner';
import { productName } from '../../format/product-name';
import { useFormat } from '../../state/store-context';
import { useLineName } from '../../state/use-line-name';
import { useCall } from '../../state/use-call';
import { approvalReason, needsApproval } from './approval-reason';
import { ReasonSelect } from './ReasonSelect';
import { endsAttempt } from './refund-attempt';
import { RefundPlan } from './RefundPlan';
import { useRefundKeys } from './use-refund-keys';

/** One item brought back, as keyed or scanned. */
interface ItemBack {
  key: number;
  productId?: number;
  /** As the refund records it: a scanned product in the store's language, a keyed item as keyed. */
  name: string;
  /** A scanned product's catalog names, to show it in the cashier's language; null for a keyed item. */
  names: { zh: string | null; en: string | null } | null;
  qtyMilli: number;
  unitPriceMinor: number;
  taxRateBp: number;
  restock: boolean;
}

interface NoReceiptReturnProps {
  role: Role;
  /** The receipt's language: a scanned product is named on paper as the store names it. */
  storeLocale: Locale;
  onBack(): void;
  onDone(completion: CompletionView): void;
  paused: boolean;
}

/**
 * Goods back without a receipt: items scanned or keyed (name, quantity, price, tax rate), a
 * reason, and cash out once a supervisor approves. Main's preview gives the amount and refuses
 * what the store's limits forbid before anyone keys a PIN.
 */
export function NoReceiptReturn({ role, storeLocale, onBack, onDone, paused }: NoReceiptReturnProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const nameOf = useLineName();
  const digits = currencyDigits(format.currency);
  const [items, setItems] = useState<ItemBack[]>([]);
  const [name, setName] = useState('');
  const [qty, setQty] = useState('1');
  const [price, setPrice] = useState('');
  const [rateBp, setRateBp] = useState<number | null>(null);
  const [reason, setReason] = useState<RefundReason | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const nextKey = useRef(1);
  const nameField = useRef<HTMLInputElement>(null);
  const rates = useCall('catalog.taxRates');
  const lookup = useCall('catalog.lookup');
  const preview = useCall('refund.previewWithoutReceipt');
  const refund = useCall('refund.withoutReceipt');
  const approval = useApproval();
  const loadRates = rates.run;
  const runPreview = preview.run;
  const resetPreview = preview.reset;

  useEffect(() => {
    nameField.current?.focus();
    void loadRates({}).then((r) => {
      // As for an ad-hoc item on a sale: the store's most common (highest) rate unless the cashier picks another.
      if (r.ok) setRateBp((current) => current ?? r.value.at(-1)?.rateBp ?? 0);
    });
  }, [loadRates]);

  const lines = items.map(({ key: _key, names: _names, ...line }) => line);
  const request = lines.length > 0 ? JSON.stringify(lines) : null;
  useEffect(() => {
    if (request === null) return resetPreview();
    void runPreview({ lines: JSON.parse(request) as typeof lines });
  }, [request, runPreview, resetPreview]);
  const plan = items.length > 0 ? preview.value : null;

  const add = (item: Omit<ItemBack, 'key'>) => {
    setProblem(null);
    // An earlier code not found is no longer the news once an item is in.
    lookup.reset();
    setItems((current) => [...current, { key: nextKey.current++, ...item }]);
  };

  /** A field changed: what was said about the form before no longer holds ("请输入商品名称。" once a name is typed). */
  const editing =
    (set: (value: string) => void) =>
    (value: string): void => {
      setProblem(null);
      set(value);
    };

  const addKeyed = () => {
    const qtyMilli = parseQtyMilli(qty);
    const unitPriceMinor = parseMinor(price, digits);
    if (name.trim() === '') return setProblem(t('dialog.nameRequired'));
    // "-1" or "abc" says what is wrong under its field; nothing is added.
    if (typedProblem(qty, 3) || typedProblem(price, digits)) return setProblem(null);
    if (qtyMilli === null || qtyMilli <= 0) return setProblem(t('dialog.invalidQty'));
    if (unitPriceMinor === null || unitPriceMinor <= 0) return setProblem(t('dialog.invalidPrice'));
    add({ name: name.trim(), names: null, qtyMilli, unitPriceMinor, taxRateBp: rateBp ?? 0, restock: true });
    setName('');
    setQty('1');
    setPrice('');
    nameField.current?.focus();
  };

  const addScanned = async (code: string) => {
    const found = await lookup.run({ code });
    if (found.ok)
      add({
        productId: found.value.id,
        name: productName(found.value, storeLocale).name,
        names: { zh: found.value.nameZh, en: found.value.nameEn },
        qtyMilli: 1000,
        unitPriceMinor: found.value.priceMinor,
        taxRateBp: found.value.taxRateBp,
        restock: true,
      });
  };

  const confirm = async () => {
    if (refund.busy || preview.busy) return;
    if (items.length === 0) return setProblem(t('refund.noReceipt.nothing'));
    if (reason === null) return setProblem(t('refund.reasonRequired'));
    if (!plan) return;
    setProblem(null);
    const send = (given?: Approval) => refund.run({ lines, reason, ...(given ? { approval: given } : {}) }, `attempt:${attempt}`);
    const result = await approval.request(send, needsApproval(role, plan.approvalReasons) ? approvalReason(plan.approvalReasons, t, format.locale) : null);
    if (result === null) return refund.reset();
    if (result.ok) return onDone(result.value);
    refund.refuse(result.error);
    if (endsAttempt(result.error.code)) setAttempt((n) => n + 1);
  };

  const working = refund.busy || approval.open;
  useRefundKeys({ enabled: !paused && !working, onConfirm: () => void confirm(), onBack });
  useScanner((code) => void addScanned(code), !paused && !working);

  const columns: Column<ItemBack>[] = [
    { key: 'name', header: t('refund.line.name'), cell: (i) => nameOf(i).name },
    { key: 'qty', header: t('refund.noReceipt.qty'), numeric: true, cell: (i) => format.qty(i.qtyMilli) },
    { key: 'price', header: t('refund.noReceipt.price'), numeric: true, cell: (i) => format.money(i.unitPriceMinor) },
    { key: 'rate', header: t('refund.noReceipt.taxRate'), numeric: true, cell: (i) => format.rate(i.taxRateBp) },
    {
      key: 'restock',
      header: t('refund.line.goods'),
      cell: (i) => (
        <select
          aria-label={t('refund.line.goodsOf', { name: nameOf(i).name })}
          value={i.restock ? 'stock' : 'damaged'}
          onChange={(e) => setItems((all) => all.map((x) => (x.key === i.key ? { ...x, restock: e.target.value === 'stock' } : x)))}
          data-testid="return-restock"
        >
          <option value="stock">{t('refund.line.toStock')}</option>
          <option value="damaged">{t('refund.line.damaged')}</option>
        </select>
      ),
    },
    {
      key: 'remove',
      header: t('refund.noReceipt.remove'),
      headerHidden: true,
      cell: (i) => (
        <button type="button" className="button" onClick={() => setItems((all) => all.filter((x) => x.key !== i.key))} data-testid="noreceipt-remove">
          {t('refund.noReceipt.remove')}
        </button>
      ),
    },
  ];

  return (
    <section className="panel refund-sale" aria-labelledby="no-receipt-title" data-testid="no-receipt">
      <div className="panel__top">
        <div>
          <h1 id="no-receipt-title">{t('refund.noReceipt.title')}</h1>
          <p className="muted">{t('refund.noReceipt.hint')}</p>
        </div>
        <button type="button" className="button" onClick={onBack} data-testid="refund-back">
          {/* No receipt here to trade for another: back to where one is looked for. */}
          {t('refund.noReceipt.back')} <kbd>Esc</kbd>
        </button>
      </div>
      <form
        className="refund-noreceipt__form"
        onSubmit={(e) => {
          e.preventDefault();
          addKeyed();
        }}
      >
        <label className="field">
          <span>{t('dialog.itemName')}</span>
          <input
            ref={nameField}
            value={name}
            onChange={(e) => editing(setName)(e.target.value)}
            maxLength={200}
            autoComplete="off"
            data-testid="noreceipt-name"
          />
        </label>
        <AmountField label={t('dialog.qty')} value={qty} onChange={editing(setQty)} testId="noreceipt-qty" digits={3} kind="qty" />
        <AmountField label={t('dialog.unitPrice')} value={price} onChange={editing(setPrice)} testId="noreceipt-price" digits={digits} kind="price" />
        <label className="field">
          <span>{t('refund.noReceipt.taxRate')}</span>
          <select value={rateBp ?? ''} onChange={(e) => setRateBp(Number(e.target.value))} data-testid="noreceipt-tax">
            {(rates.value ?? []).map((r) => (
              <option key={r.rateBp} value={r.rateBp}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button" data-testid="noreceipt-add">
          {t('refund.noReceipt.add')}
        </button>
      </form>
      <ErrorNote error={lookup.error ?? rates.error} />
      <DataTable
        label={t('refund.noReceipt.items')}
        columns={columns}
        rows={items}
        rowKey={(i) => i.key}
        empty={t('refund.noReceipt.empty')}
        rowTestId="noreceipt-line"
      />
      <div className="refund-sale__choices">
        <ReasonSelect value={reason} onChange={setReason} />
      </div>
      <ErrorNote message={problem} />
      <ErrorNote error={approval.open || asksForSupervisor(refund.error) ? null : (refund.error ?? (items.length > 0 ? preview.error : null))} />
      {plan && (
        <RefundPlan
          plan={plan}
          itemsBack={items}
          approvalNote={needsApproval(role, plan.approvalReasons) ? approvalReason(plan.approvalReasons, t, format.locale) : null}
        />
      )}
      <div className="refund-sale__actions">
        <button
          type="button"
          className="button button--primary button--large"
          disabled={plan === null || preview.busy || refund.busy}
          onClick={() => void confirm()}
          data-testid="refund-confirm"
        >
          {plan ? t('refund.noReceipt.confirm', { amount: format.money(plan.tenders.reduce((s, p) => s + p.amountMinor, 0)) }) : t('refund.confirmNothing')}{' '}
          <kbd>F12</kbd>
        </button>
      </div>
      {approval.render()}
    </section>
  );
}
