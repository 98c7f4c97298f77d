import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorCodes } from '../../preload/contract/errors';
import { uiI18n } from '../support/errors-i18n';

const LOCALES = resolve(__dirname, '../../assets/locales');
const languages = ['en', 'zh-CN'] as const;

function load(language: string, ns: string): Record<string, string> {
  return JSON.parse(readFileSync(join(LOCALES, language, `${ns}.json`), 'utf8')) as Record<string, string>;
}

/** `{{name}}` placeholders of a message, sorted. */
function placeholders(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort();
}

/** Files in the renderer source, to find the translation keys it uses literally. */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

describe('locales', () => {
  // JSON.parse keeps the last of two equal keys: a second message under a key in use silently
  // replaces the first wherever it is shown (a filter's label once read "Receipt {{receiptNo}}").
  it.each(languages.flatMap((language) => ['errors', 'ui', 'receipt', 'report'].map((ns) => [language, ns] as const)))(
    '%s %s.json names each key once',
    (language, ns) => {
      const keys = [...readFileSync(join(LOCALES, language, `${ns}.json`), 'utf8').matchAll(/^\s*"((?:[^"\\]|\\.)*)"\s*:/gm)].map((m) => m[1]);
      expect(keys.length).toBeGreaterThan(0);
      expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
    },
  );

  it.each(languages)('every error code has a non-empty %s translation', (language) => {
    const errors = load(language, 'errors');
    const missing = errorCodes.filter((code) => typeof errors[code] !== 'string' || errors[code].trim() === '');
    expect(missing).toEqual([]);
  });

  it('error messages use the same parameters in both languages', () => {
    const en = load('en', 'errors');
    const zh = load('zh-CN', 'errors');
    for (const code of errorCodes) expect(placeholders(zh[code] ?? ''), code).toEqual(placeholders(en[code] ?? ''));
  });

  it('en and zh-CN ui.json have the same keys, none empty', () => {
    const en = load('en', 'ui');
    const zh = load('zh-CN', 'ui');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of [...Object.entries(en), ...Object.entries(zh)]) expect(text.trim(), key).not.toBe('');
  });

  it('ui messages use the same parameters in both languages', () => {
    const en = load('en', 'ui');
    const zh = load('zh-CN', 'ui');
    for (const key of Object.keys(en)) expect(placeholders(zh[key] ?? ''), key).toEqual(placeholders(en[key] ?? ''));
  });

  it('every literal key the renderer passes to t() exists in ui.json', () => {
    const en = load('en', 'ui');
    const used = new Set<string>();
    for (const file of sourceFiles(resolve(__dirname, '../../renderer/src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bt\(\s*'([^'$]+)'(?!\s*,\s*\{\s*ns:\s*'errors')/g)) used.add(m[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(50);
    const missing = [...used].filter((key) => !(key in en) && key !== 'internal');
    expect(missing).toEqual([]);
  });

  it('no translated label is joined to its value in the code: Chinese writes 备注：, not 备注:', () => {
    const joined: string[] = [];
    for (const file of sourceFiles(resolve(__dirname, '../../renderer/src'))) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => /\bt\([^()]*\)\}\s*[:,;]\s/.test(line) && joined.push(`${file}:${i + 1}`));
    }
    expect(joined).toEqual([]);
  });

  // The header's button reads 管理 / Back office and its sections are named in the menu: a hint
  // that sends the owner to 后台 → 刷卡终端 or to 打印机 names a button and a section no one sees.
  it('a path into the back office names the button and the menu entries as they are labelled', () => {
    for (const language of languages) {
      const ui = load(language, 'ui');
      const button = ui['action.backOffice'] ?? '';
      const sections = new Set(
        Object.entries(ui)
          .filter(([key]) => /^(backOffice\.section\.|printing\.tab\.|taxRates\.title|selfCheck\.title|about\.title)/.test(key))
          .map(([, v]) => v),
      );
      for (const [key, text] of Object.entries(ui)) {
        for (let at = text.indexOf(' → '); at >= 0; at = text.indexOf(' → ', at + 1)) {
          expect(text.slice(0, at).endsWith(button), `${language} ${key}: ${text}`).toBe(true);
          const rest = text.slice(at + 3);
          // The whole entry, not its first word: 打印机 is not 打印机设置.
          const named = [...sections].some((s) => rest.startsWith(s) && !/^[\p{L}]/u.test(rest.slice(s.length)));
          expect(named, `${language} ${key}: ${text}`).toBe(true);
        }
      }
    }
  });

  // English counts one thing in the singular: "1 lines" on the counter reads as a mistake.
  it('an English message about one line, payment or sale says it in the singular, and about two in the plural', () => {
    const t = uiI18n().getFixedT('en');
    const held = (count: number) => t('sale.held', { count, total: '¥2.00' });
    expect(held(1)).toBe('Sale held: 1 line, ¥2.00. Press Home to recall it.');
    expect(held(2)).toBe('Sale held: 2 lines, ¥2.00. Press Home to recall it.');
    expect(t('cancelSale.question', { count: 1, total: '¥8.50' })).toContain('1 line, ¥8.50');
    expect(t('logout.openSale', { count: 1, total: '¥8.50' })).toContain('holds 1 line (¥8.50)');
    expect(t('dayClose.card_unresolved', { ns: 'errors', count: 1 })).toBe('1 card payment is unresolved; settle it before closing the day.');
    expect(t('dayClose.card_unresolved', { ns: 'errors', count: 3 })).toBe('3 card payments are unresolved; settle them before closing the day.');
    expect(t('report.discounts', { count: 1 })).toBe('Discounts (1 sale)');
  });

  it('a list in Chinese is separated by 、', () => {
    expect(load('zh-CN', 'ui')['list.separator']).toBe('、');
  });
});
