import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JOURNAL_KINDS } from '../../main/ledger/journal-kinds';

// The audit trail shows each entry's kind in words (journalKind.<kind>); a kind without its name
// would show raw. JOURNAL_KINDS is checked against the JournalKind union by the compiler.
const LOCALES = resolve(__dirname, '../../assets/locales');

function ui(language: string): Record<string, string> {
  return JSON.parse(readFileSync(join(LOCALES, language, 'ui.json'), 'utf8')) as Record<string, string>;
}

describe('journal kinds in words', () => {
  it('lists the kinds the domains declare, card intents and scan-to-pay attempts included', () => {
    expect(JOURNAL_KINDS).toEqual(expect.arrayContaining(['sale.completed', 'training.switched', 'card.approved', 'scanpay.paid', 'fraud.alert_raised']));
    expect(new Set(JOURNAL_KINDS).size).toBe(JOURNAL_KINDS.length);
  });

  it.each(['en', 'zh-CN'])('names every journal kind in %s', (language) => {
    const names = ui(language);
    expect(JOURNAL_KINDS.filter((k) => (names[`journalKind.${k}`] ?? '').trim() === '')).toEqual([]);
  });

  it.each(['en', 'zh-CN'])('names no kind the journal cannot hold in %s', (language) => {
    const named = Object.keys(ui(language))
      .filter((k) => k.startsWith('journalKind.'))
      .map((k) => k.slice('journalKind.'.length));
    expect(named.filter((k) => !(JOURNAL_KINDS as string[]).includes(k))).toEqual([]);
  });
});
