// What a product is found by: the pair of pinyin initials at each character of its Chinese name,
// so that a cashier typing a word's initials (可乐 = kl) finds a name that word is inside.
import { describe, expect, it } from 'vitest';
import { innerInitialPairsOf, normalizeSearchText, searchKeysOf } from '../../main/catalog/search-keys';

describe('search keys', () => {
  it('可口可乐 330ml keeps its name-start keys and adds the pair of initials at each later character', () => {
    const keys = searchKeysOf({ sku: 'COLA-330', barcodes: ['6902345678903'], nameZh: '可口可乐 330ml', nameEn: 'Coca-Cola 330ml' });
    expect(keys.pinyinInitials).toBe('kkkl');
    expect(keys.keys).toContain('kkkl');
    expect(keys.keys).toContain('kekoukele');
    expect(keys.innerInitialPairs).toEqual(['kk', 'kl']);
  });

  it('康师傅冰红茶 reaches 冰红茶 (bhc) and 红茶 (hc); one letter is not a key', () => {
    expect(searchKeysOf({ sku: 'TEA-500', barcodes: [], nameZh: '康师傅冰红茶 500ml', nameEn: null }).innerInitialPairs).toEqual(['sf', 'fb', 'bh', 'hc']);
    expect(innerInitialPairsOf('kl')).toEqual([]);
    expect(innerInitialPairsOf('')).toEqual([]);
    expect(searchKeysOf({ sku: 'X', barcodes: [], nameZh: null, nameEn: 'Gel pen' }).innerInitialPairs).toEqual([]);
  });

  it('a query cannot hold the control character that marks inner keys', () => {
    expect(normalizeSearchText('\u0001kl')).toBe('kl');
    expect(normalizeSearchText(' Ｋｌ\t ')).toBe('kl');
  });
});
