import { useEffect, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../preload/contract';
import { useFormat } from '../state/store-context';
import { useCall } from '../state/use-call';

interface SearchBoxProps {
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  onChange(value: string): void;
  /** Enter with no result picked: the text is a barcode or SKU keyed by hand. */
  onCode(code: string): void;
  onPick(product: ProductView): void;
}

/** Scan, key a code, or search by name; arrows move through the results, Enter adds. */
export function SearchBox({ inputRef, value, onChange, onCode, onPick }: SearchBoxProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { run: searchProducts, reset: clearResults, value: found } = useCall('catalog.search');
  // A refused search lists nothing: the field still takes a typed barcode with Enter.
  const results = found ?? [];
  // The highlight belongs to the list it was moved on; a new list starts with none.
  const [highlighted, setHighlighted] = useState<{ list: ProductView[] | null; index: number }>({ list: null, index: -1 });
  const highlight = highlighted.list === found ? highlighted.index : -1;
  const setHighlight = (move: (index: number) => number) => setHighlighted((h) => ({ list: found, index: move(h.list === found ? h.index : -1) }));

  useEffect(() => {
    const query = value.trim();
    if (query === '') {
      clearResults();
      return;
    }
    const timer = setTimeout(() => void searchProducts({ query, limit: 8 }), 150);
    return () => clearTimeout(timer);
  }, [value, searchProducts, clearResults]);

  const nameOf = (p: ProductView) => (i18n.language === 'zh-CN' ? (p.nameZh ?? p.nameEn) : (p.nameEn ?? p.nameZh)) ?? p.sku;

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && results.length > 0) {
      event.preventDefault();
      setHighlight((h) => Math.min(h + 1, results.length - 1));
    } else if (event.key === 'ArrowUp' && results.length > 0) {
      event.preventDefault();
      setHighlight((h) => Math.max(h - 1, -1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      const picked = results[highlight];
      if (picked) onPick(picked);
      else if (value.trim() !== '') onCode(value.trim());
    }
  };

  return (
    <div className="search">
      <input
        ref={inputRef}
        className="search__field"
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        data-testid="search"
        autoComplete="off"
      />
      {results.length > 0 && (
        <ul className="search__results" role="listbox" aria-label={t('search.results')} data-testid="search-results">
          {results.map((p, i) => (
            <li key={p.id} role="option" aria-selected={i === highlight}>
              <button
                type="button"
                className={`search__result${i === highlight ? ' search__result--active' : ''}`}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => onPick(p)}
              >
                <span>{nameOf(p)}</span>
                <span className="muted">{p.barcode ?? p.sku}</span>
                <span className="search__price">{format.money(p.priceMinor)}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
