import type { Page, TestInfo } from '@playwright/test';
import { callRegister, expect, nextSale, openShift, saleScreenReady, scan, setUpOwner, test, type Register } from './fixtures';
import { brokenTokens, checkLayout, tablesOutOfTheirBox } from './layout';

// Issue 13, layout tests: every back-office section at 1024×768 and 1366×768 (the counter screens), in
// Chinese and in English, after a day with a sale, a held cart and a Z. Each section: the layout
// checks and the axe audit of the counter screens (layout.ts), no raw translation key, and in
// Chinese no English word a shop owner would have to read. One page load; the sections are
// opened from the menu and the language switched in the header.
const WATER = '6901234567892';
const SECTIONS = [
  'operators',
  'catalog',
  'settings',
  'journal',
  'documents',
  'shift',
  'day-close',
  'z-reports',
  'fraud',
  'reports',
  'audit',
  'receipts',
  'drawer',
  'print-queue',
  'printer',
  'card-terminal',
  'scan-pay',
  'scan-settling',
  'backup',
  'tax-rates',
  'self-check',
  'about',
  'hq',
  'hq-overview',
  'training',
  'scale-labels',
] as const;

/**
 * Latin words that stay in the Chinese UI: names (Excel), the catalog CSV's column names, pinyin search
 * examples, a WeChat app id's prefix. Acronyms (CSV, PNG, RSA2), identifiers (mch_id), paths and
 * ids are never words here (see `wording`).
 */
const LATIN_IN_CHINESE = ['Ringup', 'Excel', 'WeChat', 'Alipay', 'AppID', 'sku', 'barcode', 'price', 'kekou', 'kkkl', 'wx'];

/**
 * Visible text that is a raw translation key, or (in Chinese) an English word. Data shown as it
 * is kept (a journal entry's JSON, a receipt, a CSV sample, key caps) is not wording.
 */
async function wording(page: Page, chinese: boolean): Promise<string[]> {
  return page.evaluate(
    ({ chinese, allowed }) => {
      const found = new Set<string>();
      const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const el = node.parentElement;
        if (!el || el.closest('pre, code, textarea, option, .receipt-preview, kbd, .mono, .barcode-text')) continue;
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0) continue;
        const text = (node.textContent ?? '').trim();
        if (/^[a-z][A-Za-z0-9]*(\.[A-Za-z0-9_]+)+$/.test(text)) found.add(`raw key: ${text}`);
        if (!chinese) continue;
        // Tokens split at spaces, CJK characters and punctuation; one with a digit, _, /, \, . or - is an id, a path or a code.
        for (const token of text.split(/[\s\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef,;:!?()"'·—–…]+/)) {
          if (!/^[A-Za-z]{2,}$/.test(token) || /^[A-Z]+$/.test(token) || allowed.includes(token)) continue;
          found.add(`English: ${token} (in "${text.slice(0, 60)}")`);
        }
      }
      return [...found];
    },
    { chinese, allowed: LATIN_IN_CHINESE },
  );
}

/** Sections load their data after they open: wait until the page stops changing before measuring. */
async function settled(page: Page): Promise<void> {
  let last = '';
  await expect
    .poll(
      async () => {
        const now = await page.locator('main').innerHTML();
        const same = now === last;
        last = now;
        return same;
      },
      { intervals: [150, 250, 250, 500], timeout: 10_000 },
    )
    .toBe(true);
}

/** The two counter screens of the issue: 1024×768 first (where most breaks), then 1366×768, and back. */
async function atBothSizes(page: Page, check: () => Promise<void>): Promise<void> {
  for (const width of [1024, 1366]) {
    await page.setViewportSize({ width, height: 768 });
    await settled(page);
    await check();
  }
  await page.setViewportSize({ width: 1024, height: 768 });
}

/** The counter screens' checks, and the lists': each table inside its section, no figure or day broken over lines. */
async function checkSection(page: Page, info: TestInfo, state: string): Promise<void> {
  await checkLayout(page, info, state);
  expect.soft(await tablesOutOfTheirBox(page), `${state}: tables`).toEqual([]);
  expect.soft(await brokenTokens(page), `${state}: figures broken over lines`).toEqual([]);
}

function sizeName(page: Page): string {
  const size = page.viewportSize();
  return `${size?.width ?? 0}x${size?.height ?? 0}`;
}

/** A shop with a day behind it: a paid sale, a held cart, the day closed with its Z, the next shift open; the back office open. */
async function shopWithADay(page: Page, register: Register): Promise<void> {
  await page.setViewportSize({ width: 1024, height: 768 });
  await setUpOwner(page, register);
  // A paid sale (documents, reports, journal have rows) and a held cart.
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.keyboard.press('F12');
  await page.getByTestId('tendered').fill('10');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('completion')).toBeVisible();
  // The next sale's empty cart first: a scan sent while the completion is still leaving is lost.
  await nextSale(page);
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await page.keyboard.press('Insert');
  await expect(page.getByTestId('cart-line')).toHaveCount(0);

  // The day closed, so the Z list has a Z and its report (figures, charts, the cash count) is checked too.
  const status = (await callRegister(page, 'dayClose.status', {})) as { value: { businessDay: string; liveShifts: { shiftId: number }[] } };
  const closed = await callRegister(page, 'dayClose.close', {
    businessDay: status.value.businessDay,
    forceClose: status.value.liveShifts.map((s) => ({ shiftId: s.shiftId, reason: '布局测试' })),
    idempotencyKey: 'layout-z-1',
  });
  expect(closed).toMatchObject({ ok: true });
  // The next day's shift, as the till asks for one.
  await openShift(page);
  await saleScreenReady(page);
  await page.getByTestId('open-back-office').click();
}

// Each language's sections in three parts, each part a test of its own: walking all 26 sections at
// both sizes with an axe audit took one test 4.8 of its 5 minutes on a slow 2-core machine
// (2026-12-03). As parts, each has its own time budget and the two workers share the walk.
const PARTS = [SECTIONS.slice(0, 9), SECTIONS.slice(9, 18), SECTIONS.slice(18)];
// Each part starts its own register and shop, so the parts of one file may run on both workers.
test.describe.configure({ mode: 'parallel' });
for (const lang of ['zh-CN', 'en'] as const) {
  for (const [part, sections] of PARTS.entries()) {
    test(`back-office sections ${part + 1}/${PARTS.length} (${sections.join(', ')}) fit 1024×768 and 1366×768 in ${lang === 'zh-CN' ? 'Chinese' : 'English'}, pass an axe audit and speak the page’s language`, async ({
      page,
      register,
    }, info) => {
      test.setTimeout(300_000);
      await shopWithADay(page, register);
      if (lang === 'en') await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
      await walkSections(page, info, lang, sections);
    });
  }
}

/** Each section in turn: its wording, then its layout, tables and figures at both sizes (the Z's own report after the Z list). */
async function walkSections(page: Page, info: TestInfo, lang: 'zh-CN' | 'en', sections: readonly (typeof SECTIONS)[number][]): Promise<void> {
  for (const id of sections) {
    await page.getByTestId(`back-office-nav-${id}`).click();
    await expect(page.getByTestId(`back-office-nav-${id}`)).toHaveAttribute('aria-current', 'page');
    // The menu scrolls in itself and keeps the open section's entry in sight beside it.
    await expect(page.getByTestId(`back-office-nav-${id}`)).toBeInViewport();
    await settled(page);
    expect.soft(await wording(page, lang === 'zh-CN'), `${lang} ${id}: wording`).toEqual([]);
    await atBothSizes(page, () => checkSection(page, info, `${lang} ${sizeName(page)} ${id}`));
    if (id === 'z-reports') {
      await page.getByTestId('z-view-1').click();
      await expect(page.getByTestId('z-view')).toBeVisible();
      await settled(page);
      expect.soft(await wording(page, lang === 'zh-CN'), `${lang} Z report: wording`).toEqual([]);
      await atBothSizes(page, () => checkSection(page, info, `${lang} ${sizeName(page)} z-report`));
    }
  }
}
