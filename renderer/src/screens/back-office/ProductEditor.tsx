import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError, CategoryView, PriceChangeView, ProductDetail, SoldBy, TaxRateView } from '../../../../preload/contract';
import { ErrorNote } from '../../components/ErrorNote';
import { DateField } from '../../components/DateField';
import { Notice } from '../../components/Notice';
import { priceRefusalKey } from '../../format/amount-input';
import { parseMinor } from '../../format/parse-amount';
import { storeWallToEpoch } from '../../format/date';
import { useFormat } from '../../state/store-context';
import { api } from '../../transport/api';

interface Draft {
  sku: string;
  nameZh: string;
  nameEn: string;
  price: string;
  taxRateBp: number;
  categoryId: number | null;
  barcodes: string;
  soldBy: SoldBy;
  /** YYYY-MM-DDTHH:MM (DateField); '' = at once; null while the text typed is no moment. */
  effectiveAt: string | null;
}

const emptyDraft: Draft = { sku: '', nameZh: '', nameEn: '', price: '', taxRateBp: 1300, categoryId: null, barcodes: '', soldBy: 'piece', effectiveAt: '' };

function draftOf(p: ProductDetail): Draft {
  return {
    sku: p.sku,
    nameZh: p.nameZh ?? '',
    nameEn: p.nameEn ?? '',
    price: (p.priceMinor / 100).toFixed(2),
    taxRateBp: p.taxRateBp,
    categoryId: p.categoryId,
    barcodes: p.barcodes.join(' '),
    soldBy: p.soldBy,
    effectiveAt: '',
  };
}

/**
 * Add or edit one product: names, item number, barcodes (several, space-separated), category,
 * tax rate, and a price that takes effect now or at a chosen time. Deactivating keeps history.
 */
export function ProductEditor({ productId, onSaved, onClose }: { productId: number | null; onSaved(p: ProductDetail): void; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const [product, setProduct] = useState<ProductDetail | null>(null);
  const [draft, setDraft] = useState<Draft>(emptyDraft);
  const [rates, setRates] = useState<TaxRateView[]>([]);
  const [categories, setCategories] = useState<CategoryView[]>([]);
  const [history, setHistory] = useState<PriceChangeView[]>([]);
  const [error, setError] = useState<CallError | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [newCategory, setNewCategory] = useState('');

  useEffect(() => {
    void api.invoke('catalog.taxRates', {}).then((r) => r.ok && setRates(r.value));
    void api.invoke('catalog.categories', {}).then((r) => r.ok && setCategories(r.value));
  }, []);

  useEffect(() => {
    setNotice(null);
    setError(null);
    if (productId === null) {
      setProduct(null);
      setDraft(emptyDraft);
      setHistory([]);
      return;
    }
    void api.invoke('catalog.detail', { productId }).then((r) => {
      if (!r.ok) return setError(r.error);
      setProduct(r.value);
      setDraft(draftOf(r.value));
    });
    void api.invoke('catalog.priceHistory', { productId }).then((r) => r.ok && setHistory(r.value));
  }, [productId]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setNotice(null);
    const priceMinor = parseMinor(draft.price, 2);
    if (priceMinor === null) return setProblem(t(priceRefusalKey(draft.price, 2)));
    if (draft.sku.trim() === '') return setProblem(t('catalogEdit.skuRequired'));
    setProblem(null);
    const barcodes = draft.barcodes.split(/[\s,;]+/).filter((b) => b !== '');
    // Text that is no moment is said under its field (DateField) and saves nothing.
    if (draft.effectiveAt === null) return;
    const effectiveAt = draft.effectiveAt === '' ? undefined : (storeWallToEpoch(draft.effectiveAt, format.timeZone) ?? Number.NaN);
    const common = {
      sku: draft.sku.trim(),
      nameZh: draft.nameZh,
      nameEn: draft.nameEn,
      taxRateBp: draft.taxRateBp,
      categoryId: draft.categoryId,
      barcodes,
      soldBy: draft.soldBy,
    };
    const result =
      product === null
        ? await api.invoke('catalog.createProduct', { ...common, priceMinor })
        : await api.invoke('catalog.updateProduct', {
            productId: product.id,
            ...common,
            ...(priceMinor !== product.priceMinor || effectiveAt !== undefined ? { priceMinor } : {}),
            ...(effectiveAt !== undefined && Number.isFinite(effectiveAt) ? { priceEffectiveAt: effectiveAt } : {}),
          });
    if (!result.ok) return setError(result.error);
    setProduct(result.value);
    setDraft(draftOf(result.value));
    setNotice(t('catalogEdit.saved'));
    void api.invoke('catalog.priceHistory', { productId: result.value.id }).then((r) => r.ok && setHistory(r.value));
    onSaved(result.value);
  };

  const toggleActive = async () => {
    if (!product) return;
    const result = await api.invoke('catalog.setActive', { productId: product.id, active: !product.active });
    if (!result.ok) return setError(result.error);
    setProduct(result.value);
    setNotice(t(result.value.active ? 'catalogEdit.reactivated' : 'catalogEdit.deactivated'));
    onSaved(result.value);
  };

  const addCategory = async () => {
    const name = newCategory.trim();
    if (name === '') return;
    const han = /\p{Script=Han}/u.test(name);
    const result = await api.invoke('catalog.saveCategory', { nameZh: han ? name : '', nameEn: han ? '' : name });
    if (!result.ok) return setError(result.error);
    setCategories((list) => [...list, result.value]);
    set('categoryId', result.value.id);
    setNewCategory('');
  };

  const categoryName = (c: CategoryView) => (i18n.language === 'zh-CN' ? (c.nameZh ?? c.nameEn) : (c.nameEn ?? c.nameZh)) ?? String(c.id);

  return (
    <section className="back-office__card" aria-labelledby="product-editor-title" data-testid="product-editor">
      <h3 id="product-editor-title">{product ? t('catalogEdit.editTitle', { sku: product.sku }) : t('catalogEdit.newTitle')}</h3>
      {product && !product.active && <p className="error-note">{t('catalogEdit.inactive')}</p>}
      <form onSubmit={(e) => void save(e)} className="form-grid product-editor__form">
        <label className="field">
          <span>{t('backOffice.catalog.sku')}</span>
          <input value={draft.sku} onChange={(e) => set('sku', e.target.value)} maxLength={64} data-testid="edit-sku" />
        </label>
        <label className="field">
          <span>{t('backOffice.catalog.nameZh')}</span>
          <input value={draft.nameZh} onChange={(e) => set('nameZh', e.target.value)} maxLength={200} lang="zh-CN" data-testid="edit-name-zh" />
        </label>
        <label className="field">
          <span>{t('backOffice.catalog.nameEn')}</span>
          <input value={draft.nameEn} onChange={(e) => set('nameEn', e.target.value)} maxLength={200} lang="en" data-testid="edit-name-en" />
        </label>
        <label className="field">
          <span>{t('catalogEdit.barcodes')}</span>
          <input value={draft.barcodes} onChange={(e) => set('barcodes', e.target.value)} data-testid="edit-barcodes" />
          <small className="muted">{t('catalogEdit.barcodesHint')}</small>
        </label>
        <label className="field">
          <span>{t('catalogEdit.soldBy')}</span>
          <select value={draft.soldBy} onChange={(e) => set('soldBy', e.target.value === 'weight' ? 'weight' : 'piece')} data-testid="edit-sold-by">
            <option value="piece">{t('catalogEdit.soldBy.piece')}</option>
            <option value="weight">{t('catalogEdit.soldBy.weight')}</option>
          </select>
        </label>
        <label className="field">
          <span>{t('backOffice.catalog.price')}</span>
          <input value={draft.price} onChange={(e) => set('price', e.target.value)} inputMode="decimal" data-testid="edit-price" />
        </label>
        {product && (
          <DateField
            kind="dateTime"
            label={t('catalogEdit.effectiveAt')}
            value={draft.effectiveAt}
            onChange={(value) => set('effectiveAt', value)}
            hint={<small className="muted">{t('catalogEdit.effectiveHint')}</small>}
            testId="edit-effective"
          />
        )}
        <label className="field">
          <span>{t('backOffice.catalog.taxRate')}</span>
          <select value={draft.taxRateBp} onChange={(e) => set('taxRateBp', Number(e.target.value))} data-testid="edit-tax">
            {rates.map((r) => (
              <option key={r.rateBp} value={r.rateBp}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('catalogEdit.category')}</span>
          <select
            value={draft.categoryId ?? ''}
            onChange={(e) => set('categoryId', e.target.value === '' ? null : Number(e.target.value))}
            data-testid="edit-category"
          >
            <option value="">{t('catalogEdit.noCategory')}</option>
            {/* By the name shown, in its language's order (拼音 in Chinese, A–Z in English); the list comes ordered by the Chinese name's code points. */}
            {[...categories]
              .sort((a, b) => categoryName(a).localeCompare(categoryName(b), i18n.language))
              .map((c) => (
                <option key={c.id} value={c.id}>
                  {categoryName(c)}
                </option>
              ))}
          </select>
        </label>
        {/* Styled as the fields above it: the same height, border and font. */}
        <div className="field product-editor__new-category">
          <span className="field__with-suffix">
            <input
              value={newCategory}
              onChange={(e) => setNewCategory(e.target.value)}
              placeholder={t('catalogEdit.newCategory')}
              aria-label={t('catalogEdit.newCategory')}
              maxLength={80}
              data-testid="new-category"
            />
            <button type="button" className="button" onClick={() => void addCategory()}>
              {t('catalogEdit.addCategory')}
            </button>
          </span>
        </div>
        {product?.scheduledPrice && (
          <p className="muted" data-testid="scheduled-price">
            {t('catalogEdit.scheduled', {
              price: format.money(product.scheduledPrice.priceMinor),
              at: format.dateTime(product.scheduledPrice.effectiveAt),
            })}
          </p>
        )}
        {product && (
          <p className="muted small product-editor__pinyin" data-testid="pinyin">
            {t('catalogEdit.pinyin', { full: product.pinyinFull || '—', initials: product.pinyinInitials || '—' })}
          </p>
        )}
        <ErrorNote error={error} message={problem} />
        <Notice message={notice} testId="product-saved" />
        <div className="back-office__row">
          <button type="submit" className="button button--primary" data-testid="edit-save">
            {t('action.save')}
          </button>
          {product && (
            <button type="button" className="button" onClick={() => void toggleActive()} data-testid="edit-toggle-active">
              {t(product.active ? 'catalogEdit.deactivate' : 'catalogEdit.reactivate')}
            </button>
          )}
          <button type="button" className="button" onClick={onClose}>
            {t('action.close')}
          </button>
        </div>
      </form>
      {history.length > 0 && (
        <table className="data-table" aria-label={t('catalogEdit.history')} data-testid="price-history">
          <thead>
            <tr>
              <th scope="col">{t('catalogEdit.historyWhen')}</th>
              <th scope="col" className="numeric">
                {t('catalogEdit.historyFrom')}
              </th>
              <th scope="col" className="numeric">
                {t('catalogEdit.historyTo')}
              </th>
              <th scope="col">{t('catalogEdit.historyState')}</th>
              <th scope="col">{t('catalogEdit.historyWho')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((h) => (
              <tr key={h.id}>
                <td>{format.dateTime(h.effectiveAt)}</td>
                <td className="numeric">{format.money(h.oldPriceMinor)}</td>
                <td className="numeric">{format.money(h.newPriceMinor)}</td>
                <td>{t(`catalogEdit.state.${h.state}`)}</td>
                <td>{h.operatorName ?? t(`catalogEdit.source.${h.source}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
