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
    // Some flips still inflate (and then fail the SHA-256); most break the deflate stream, and some
    // make it end early, short of the size the zip gives ("expected N. got only M").
    const seen: BundleProblemView[] = [];
    const endsEarly = () => seen.some((p) => p.code === 'entry_unreadable' && /got only/.test(p.detail ?? ''));
    for (let i = 1; i < 400 && !(endsEarly() && seen.some((p) => p.code === 'entry_unreadable' && !/got only/.test(p.detail ?? ''))); i++) {
      const copy = Buffer.from(bytes);
      const at = start + Math.floor((entry.compressedSize * i) / 401);
      copy[at] = (copy[at] ?? 0) ^ (i % 2 === 0 ? 0xff : 0x10);
      const file = join(root, `flip-${i}.zip`);
      writeFileSync(file, copy);
      seen.push(await problemOf(file));
    }
    // The bundle has its full length: a flipped byte is damage, never "cut short" or "bytes missing".
    expect(endsEarly()).toBe(true);
    for (const p of seen.filter((q) => q.code === 'entry_unreadable')) {
      expect(p).toMatchObject({ file: 'ledger.sqlite', reason: 'corrupt' });
      expect(expectTranslated(p)).toBe('ledger.sqlite 无法读取：数据已损坏，无法解压。');
      expect(bundleProblemText(p, en)).toBe('ledger.sqlite cannot be read: its data is damaged and cannot be unpacked.');
    }
    for (const p of seen) expect(bundleProblemText(p, en)).not.toMatch(/missing|cut short/);
    for (const p of seen) expectTranslated(p);
  });
});
