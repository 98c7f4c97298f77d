import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const LOCALES = resolve(__dirname, '../../assets/locales');
const load = (language: string) => JSON.parse(readFileSync(join(LOCALES, language, 'report.json'), 'utf8')) as Record<string, string>;
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('report wording (X, Z, cash slips)', () => {
  it('has the same keys and placeholders in en and zh-CN, none empty', () => {
    const en = load('en');
    const zh = load('zh-CN');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const k of Object.keys(en)) {
      expect(placeholders(zh[k] ?? ''), k).toEqual(placeholders(en[k] ?? ''));
      expect((en[k] ?? '').trim(), k).not.toBe('');
      expect((zh[k] ?? '').trim(), k).not.toBe('');
    }
  });
});
