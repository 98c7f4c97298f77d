// What a product can be found by, derived once when it is imported or edited (never per
// keystroke): lower-case codes and names, full pinyin and pinyin initials of the Chinese name
// (also the pair at each later character), and the one- and two-character pieces of that name.
// Pure: no I/O.
import type * as PinyinPro from 'pinyin-pro';

// Loaded on the first product indexed, not at start-up: its dictionaries take a few hundred ms to
// load, which a register restarting at the counter should not wait for.
let pinyinPro: typeof PinyinPro | null = null;
function syllables(text: string): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deferred on purpose, see above
  pinyinPro ??= require('pinyin-pro') as typeof PinyinPro;
  // pinyin-pro reads polyphones in context (银行 -> yin hang, 重庆 -> chong qing).
  return pinyinPro.pinyin(text, { toneType: 'none', type: 'array', nonZh: 'removed', v: true });
}

export interface ProductNames {
  sku: string;
  barcodes: readonly string[];
  nameZh: string | null;
  nameEn: string | null;
}

export interface SearchKeys {
  /** Full pinyin of the Chinese characters, run together: 可口可乐 330ml -> kekoukele. */
  pinyinFull: string;
  /** Their initials: kkkl. */
  pinyinInitials: string;
  /** Every key a prefix may match, normalized, without duplicates. */
  keys: string[];
  /**
   * The two initials at each later character (可口可乐 -> kk, kl): a cashier types 可乐 as "kl"
   * and expects 可口可乐. Kept apart from `keys` so that names starting with the query rank first.
   * Two letters only: three or more are found inside the initials through the trigram index.
   */
  innerInitialPairs: string[];
  /** One- and two-character pieces of the Chinese name, for the shortest queries. */
  grams: string[];
}

const HAN = /\p{Script=Han}/u;

/** The form both keys and queries are compared in: NFKC (full-width to half-width), lower case, single spaces. */
export function normalizeSearchText(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/\p{Cc}/gu, '')
    .trim();
}

/**
 * Marks an inner-initials key in the prefix index, so that one range scan reads the keys a name
 * starts with and another the ones starting inside it. A control character: normalized text,
 * and so every query, never holds one.
 */
export const INNER_KEY_MARK = '\u0001';

export function hasHan(text: string): boolean {
  return HAN.test(text);
}

function pinyinOf(name: string): { full: string; initials: string } {
  if (!hasHan(name)) return { full: '', initials: '' };
  const clean = syllables(name)
    .map((s) => s.toLowerCase().replace(/[^a-z]/g, ''))
    .filter((s) => s !== '');
  return { full: clean.join(''), initials: clean.map((s) => s[0]).join('') };
}

/** The pair of initials at each character from the second on: kkkl -> kk, kl. */
export function innerInitialPairsOf(initials: string): string[] {
  const out = new Set<string>();
  for (let i = 1; i <= initials.length - 2; i++) out.add(initials.slice(i, i + 2));
  return [...out];
}

function gramsOf(name: string): string[] {
  const out = new Set<string>();
  // Only adjacent Han characters make a pair: "可乐 330" has 可乐, not 乐3.
  const chars = [...name];
  chars.forEach((c, i) => {
    if (!hasHan(c)) return;
    out.add(c);
    const next = chars[i + 1];
    if (next !== undefined && hasHan(next)) out.add(c + next);
  });
  return [...out];
}

export function searchKeysOf(product: ProductNames): SearchKeys {
  const zh = product.nameZh === null ? '' : normalizeSearchText(product.nameZh);
  const en = product.nameEn === null ? '' : normalizeSearchText(product.nameEn);
  const { full, initials } = pinyinOf(zh);
  const keys = new Set<string>();
  const add = (k: string) => {
    if (k !== '') keys.add(k);
  };
  add(normalizeSearchText(product.sku));
  for (const b of product.barcodes) add(normalizeSearchText(b));
  add(zh);
  add(en);
  // Each word of the English name starts a prefix too: "cola" finds "Coca-Cola 330ml" at once.
  for (const word of en.split(/[\s\-/(),.]+/).slice(1)) if (word.length >= 2) add(word);
  add(full);
  add(initials);
  return { pinyinFull: full, pinyinInitials: initials, keys: [...keys], innerInitialPairs: innerInitialPairsOf(initials), grams: gramsOf(zh) };
}
