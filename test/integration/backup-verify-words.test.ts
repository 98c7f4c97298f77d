// A bundle that does not verify is explained in the UI's words: the zip and inflate libraries'
// English messages stay in `detail` (the log, `npm run verify`) and never reach the zh-CN text.
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInstance, type TFunction } from 'i18next';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BundleProblemView } from '../../preload/contract/backup-views';
import { verifyBundle } from '../../main/backup/verify-bundle';
import { openZip } from '../../main/backup/zip-reader';
import { bundleProblemText } from '../../renderer/src/screens/backup/bundle-problem';
import { ringUpSales } from '../support/backup-fixture';
import { folder, ownerWithFolder, register } from '../support/backup-rig';

const locale = (lang: string) => JSON.parse(readFileSync(join(__dirname, '../../assets/locales', lang, 'ui.json'), 'utf8')) as Record<string, string>;

async function translator(lang: string): Promise<TFunction> {
  const i18n = createInstance();
  await i18n.init({ lng: lang, resources: { [lang]: { translation: locale(lang) } }, keySeparator: false, interpolation: { escapeValue: false } });
  return i18n.t;
}

/** Three or more Latin words in a row: a library's sentence, not a file name or a code. */
const ENGLISH_PHRASE = /[A-Za-z]{2,}(?:[ .,]+[A-Za-z]{2,}){2,}/;

let root: string;
let good: string;
let zh: TFunction;
let en: TFunction;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'ringup-verify-words-'));
  const shop = register();
  await ownerWithFolder(shop, folder());
  await ringUpSales(shop, 3);
  // The rig removes its folders after each test: the bundle is copied out first.
  good = join(root, 'good.zip');
  writeFileSync(good, readFileSync((await shop.must('backup.run', {})).file));
  zh = await translator('zh-CN');
  en = await translator('en');
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function problemOf(file: string): Promise<BundleProblemView> {
  const report = await verifyBundle(file, { level: 'full', workDir: join(root, 'work') });
  expect(report.ok).toBe(false);
  if (!report.problem) throw new Error('no problem named');
  return report.problem;
}

function expectTranslated(problem: BundleProblemView): string {
  const text = bundleProblemText(problem, zh);
  expect(text).not.toMatch(ENGLISH_PHRASE);
  if (problem.detail) expect(text).not.toContain(problem.detail);
  // The English text is whole sentences of our own, with no library message either.
  const english = bundleProblemText(problem, en);
  if (problem.detail) expect(english).not.toContain(problem.detail);
  expect(english).not.toContain('{{');
  return text;
}

describe('bundle problems in the UI language', () => {
  it('a file that is no zip at all', async () => {
    const text = join(root, 'hostname.zip');
    writeFileSync(text, 'till-7\n');
    const problem = await problemOf(text);
    expect(problem).toMatchObject({ code: 'zip_unreadable', reason: 'not_zip' });
    // The library's words are kept for an expert.
    expect(problem.detail).toMatch(/central directory/i);
    expect(expectTranslated(problem)).toBe('不是可读取的 zip 文件：找不到 zip 的目录，它不是备份文件，或者文件被截断了。');
  });

  it('a bundle cut short', async () => {
    const copy = join(root, 'cut.zip');
    writeFileSync(copy, readFileSync(good));
    truncateSync(copy, Math.floor(readFileSync(good).length * 0.7));
    const problem = await problemOf(copy);
    expect(problem.code).toBe('zip_unreadable');
    expectTranslated(problem);
  });

  it('a flipped byte inside the compressed ledger: the file is named and what is wrong said in Chinese', async () => {
    const zip = await openZip(good);
    const entry = zip.entries.find((e) => e.fileName === 'ledger.sqlite');
    zip.close();
    if (!entry) throw new Error('no ledger.sqlite');
    const bytes = readFileSync(good);
    const local = entry.relativeOffsetOfLocalHeader;
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    // Some flips still inflate (and then fail the SHA-256); most break the deflate stream.
    const seen: BundleProblemView[] = [];
    for (let i = 1; i < 40 && !seen.some((p) => p.code === 'entry_unreadable'); i++) {
      const copy = Buffer.from(bytes);
      const at = start + Math.floor((entry.compressedSize * i) / 41);
      copy[at] = (copy[at] ?? 0) ^ 0xff;
      const file = join(root, `flip-${i}.zip`);
      writeFileSync(file, copy);
      seen.push(await problemOf(file));
    }
    const unreadable = seen.find((p) => p.code === 'entry_unreadable');
    expect(unreadable).toMatchObject({ file: 'ledger.sqlite' });
    expect(['truncated', 'corrupt']).toContain(unreadable?.reason);
    const text = expectTranslated(unreadable as BundleProblemView);
    expect(text).toMatch(/^ledger\.sqlite 无法读取：/);
    for (const p of seen) expectTranslated(p);
  });

  it('a stream that ends early says how many bytes are missing', () => {
    const problem: BundleProblemView = {
      code: 'entry_unreadable',
      file: 'ledger.sqlite',
      row: null,
      seq: null,
      detail: 'not enough bytes in the stream. expected 516096. got only 515323',
      reason: 'truncated',
      facts: { expected: 516096, actual: 515323, missing: 773 },
    };
    expect(expectTranslated(problem)).toBe('ledger.sqlite 无法读取：文件被截断或已损坏，少了 773 字节。');
  });
});
