import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import en from '../../assets/locales/en/ui.json';
import { saleShortcuts } from '../../renderer/src/keyboard/shortcuts';

// docs/shortcuts.md is what a new cashier reads; the help (F1) is what they see. Both come from
// the same table (renderer/src/keyboard/shortcuts.ts) and the same English strings, so they must
// say the same: every key, in the same words.
const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'shortcuts.md'), 'utf8');
const strings = en as Record<string, string>;

/** The rows of the first table under `## heading`: [keys, what it does]. */
function tableUnder(heading: string): [string, string][] {
  const start = doc.indexOf(`## ${heading}\n`);
  expect(start, `docs/shortcuts.md has a "## ${heading}" section`).toBeGreaterThanOrEqual(0);
  const section = doc.slice(start).split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| Key ') && !line.startsWith('| ---'))
    .map((line) => {
      const cells = line.split(' | ').map((c) => c.replace(/^\|\s*|\s*\|$/g, '').trim());
      return [cells[0] ?? '', cells[1] ?? ''];
    });
}

/** A key as the help shows it (Del, Esc, ↑, Shift+F5). */
function shown(key: string): string {
  return strings[`key.${key}`] ?? key;
}

describe('docs/shortcuts.md says what the help (F1) shows', () => {
  it('the sale screen table lists every shortcut once, with the same keys and the same words', () => {
    const rows = tableUnder('Sale screen');
    const expected = saleShortcuts.map((s) => [s.keys.map(shown).join(' or '), strings[`shortcut.${s.command}`] ?? `missing shortcut.${s.command}`]);
    expect(rows.map(([keys]) => keys)).toEqual(expected.map(([keys]) => keys));
    rows.forEach(([, text], i) => {
      const words = expected[i]?.[1] ?? '';
      // The doc may say more after the help's words, never something else.
      expect(text === words || text.startsWith(`${words}. `) || text.startsWith(`${words} (`), `${rows[i]?.[0] ?? ''}: "${text}" vs "${words}"`).toBe(true);
    });
  });

  it("the help's notes on the other screens are in the doc, word for word", () => {
    for (const key of ['help.search', 'help.login', 'help.payment', 'help.done', 'help.scanner']) {
      expect(doc, key).toContain(strings[key]);
    }
  });
});
