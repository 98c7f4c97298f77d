import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductView } from '../../../preload/contract';
import { productName } from '../format/product-name';
import { useFormat } from '../state/store-context';
import { useCall } from '../state/use-call';

interface SearchBoxProps {
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  onChange(value: string): void;
  /** Enter with nothing found: the text is a barcode or SKU keyed by hand (main says if it is unknown). */
  onCode(code: string): void;
  onPick(product: ProductView): void;
}

/** Results and the query they answer: Enter acts only on results for what is in the field now. */
interface Found {
  query: string;
  results: ProductView[];
}

/** The product a query names exactly (its barcode or SKU typed in full), else the highlighted one, else the first. */
function chosen(found: Found, highlight: number): ProductView | undefined {
  const exact = found.results.find((p) => p.barcode === found.query || p.sku === found.query);
  return exact ?? found.results[highlight] ?? found.results[0];
}

/**
 * Scan, key a code, or search by name: a combobox. The first result is highlighted, arrows move
 * the highlight, Enter adds it (the single result, too, even before the list has shown).
 */
export function SearchBox({ inputRef, value, onChange, onCode, onPick }: SearchBoxProps) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const { run: searchProducts } = useCall('catalog.search');
  const [found, setFound] = useState<Found | null>(null);
  const [highlight, setHighlight] = useState(0);
  const newest = useRef(0);
  const listId = useId();
  const query = value.trim();
  // Results of an earlier query stay hidden: they would answer another question.
  const current = found && found.query === query ? found : null;
  const results = current?.results ?? [];
  const open = results.length > 0;

  // Only the newest search may show its list, but every search answers its own query: an Enter
  // waiting on one must not lose it to the typing pause's search of the same text overtaking it.
  const search = async (text: string): Promise<Found> => {
    const ticket = ++newest.current;
    const result = await searchProducts({ query: text, limit: 8 });
    // A refused search lists nothing: the field still takes a typed barcode with Enter.
    const next = { query: text, results: result.ok ? result.value : [] };
    if (ticket === newest.current) {
      setFound(next);
      setHighlight(0);
    }
    return next;
  };

  useEffect(() => {
    if (query === '') {
      newest.current++;
      setFound(null);
      return;
    }
    const timer = setTimeout(() => void search(query), 150);
    return () => clearTimeout(timer);
    // `search` changes every render; the query alone decides when to search.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [query]);

  const take = async () => {
    if (query === '') return;
    const answer = current ?? (await search(query));
    // The cashier typed on while the search ran: this Enter was for another text.
    if (answer.query !== inputRef.current?.value.trim()) return;
    const product = chosen(answer, highlight);
    if (product) onPick(product);
    else onCode(query);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' && open) {
      event.preventDefault();
      setHighlight((h) => Math.min(h + 1, results.length - 1));
    } else if (event.key === 'ArrowUp' && open) {
      event.preventDefault();
      setHighlight((h) => Math.max(h - 1, 0));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      void take();
    }
  };

  const optionId = (i: number) => `${listId}-option-${i}`;
  return (
    <div className="search">
      <input
        ref={inputRef}
        className="search__field"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? optionId(Math.min(highlight, results.length - 1)) : undefined}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onKeyDown={onKeyDown}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
        data-testid="search"
        data-focus-home
        autoComplete="off"
      />
      {/* Mounted always, so aria-controls names an element; empty and hidden while nothing is found. */}
      <ul id={listId} className="search__results" role="listbox" aria-label={t('search.results')} data-testid="search-results" hidden={!open}>
        {results.map((p, i) => (
          // An option is the target itself (no button inside); the field keeps the focus and the keys.
          <li
            key={p.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === highlight}
            className={`search__result${i === highlight ? ' search__result--active' : ''}`}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onPick(p)}
          >
            <span lang={productName(p, i18n.language).lang}>{productName(p, i18n.language).name}</span>
            <span className="muted">{p.barcode ?? p.sku}</span>
            <span className="search__price">{format.money(p.priceMinor)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
