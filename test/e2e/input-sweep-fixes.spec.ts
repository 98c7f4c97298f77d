import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from '@playwright/test';
import { startWebRegister } from '../support/web-register';
import { closePagesAndStop, expect, OWNER, saleScreenReady, scan, setUpOwner, test } from './fixtures';

// What the input sweep found (notes/sweep-input.md), seen where people meet it, in both languages:
// cash rounding offers only real steps and shows an odd one a ledger holds (#1), a percentage says
// "over 100" or "two decimals at most" (#5, #6), and a pasted long text is said, not cut (#7).
const WATER = '6901234567892'; // 农夫山泉 550ml ¥2.00

const WORDS = {
  'zh-CN': {
    none: '不舍入',
    odd: '现金目前按 0.07 舍入，没有对应的硬币，顾客会被多收或少收零头。请从列表中选择一个舍入单位。',
    oddOption: '0.07（不是有效的现金舍入单位）',
    pick: '请从列表中选择现金舍入单位：不舍入、0.05、0.10、0.50 或 1.00。',
    saved: '设置已保存。',
    decimals: '百分比最多两位小数。',
    over: '百分比最大为 100%。',
    discounted: '折扣 10% −¥0.20',
    nameTooLong: '最多 200 个字符，现在有 2000 个。请删短一些，尚未保存。',
    nameCount: '190 / 200 个字符',
    noteTooLong: '最多 500 个字符，现在有 2000 个。请删短一些，尚未保存。',
  },
  en: {
    none: 'None',
    odd: 'Cash is rounded to 0.07 now, which settles to no coin: customers are charged odd amounts. Choose one of the steps in the list.',
    oddOption: '0.07 (not a cash rounding step)',
    pick: 'Choose a cash rounding step from the list: none, 0.05, 0.10, 0.50 or 1.00.',
    saved: 'Settings saved.',
    decimals: 'A percentage has at most 2 decimals.',
    over: 'A percentage can be at most 100%.',
    discounted: 'Discount 10% −¥0.20',
    nameTooLong: 'At most 200 characters: this text has 2000. Shorten it; nothing was saved.',
    nameCount: '190 / 200 characters',
    noteTooLong: 'At most 500 characters: this text has 2000. Shorten it; nothing was saved.',
  },
} as const;

async function openSettings(page: Page): Promise<void> {
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-settings').click();
  await expect(page.getByTestId('settings-rounding')).toBeVisible();
}

for (const language of ['zh-CN', 'en'] as const) {
  const words = WORDS[language];

  test(`${language}: cash rounding is picked from real steps; an odd step the ledger holds is shown and must be replaced`, async ({ page, context }) => {
    const register = await startWebRegister();
    try {
      await setUpOwner(page, register, language);
      await openSettings(page);
      const rounding = page.getByTestId('settings-rounding');
      await expect(rounding.locator('option')).toHaveText([words.none, '0.05', '0.10', '0.50', '1.00']);
      await expect(page.getByTestId('settings-rounding-odd')).toHaveCount(0);

      // A step saved before the rule (0.07: a ¥2.00 sale was charged ¥2.03), as an older version left it.
      const db = new Database(join(register.dataDir, 'ringup-ledger.sqlite'), { fileMustExist: true });
      const step = () => (db.prepare("SELECT value FROM settings WHERE key = 'cashRoundingStepMinor'").pluck().get() as string | undefined) ?? null;
      try {
        db.prepare("INSERT INTO settings (key, value) VALUES ('cashRoundingStepMinor', '7') ON CONFLICT(key) DO UPDATE SET value = excluded.value").run();
        await page.getByTestId('back-office-nav-operators').click();
        await page.getByTestId('back-office-nav-settings').click();
        await expect(rounding).toHaveValue('7');
        await expect(rounding.locator('option:checked')).toHaveText(words.oddOption);
        await expect(page.getByTestId('settings-rounding-odd')).toHaveText(words.odd);

        // Saved as it is, the form refuses and names the field; the ledger keeps its step.
        await page.getByTestId('settings-save').click();
        await expect(page.getByTestId('settings-footer').getByTestId('error')).toHaveText(words.pick);
        await expect(rounding).toBeFocused();
        expect(step()).toBe('7');

        await rounding.selectOption('10');
        await page.getByTestId('settings-save').click();
        await expect(page.getByTestId('notice')).toHaveText(words.saved);
        await expect(page.getByTestId('settings-rounding-odd')).toHaveCount(0);
        await expect(rounding).toHaveValue('10');
        expect(step()).toBe('10');
      } finally {
        db.close();
      }
    } finally {
      await closePagesAndStop(context, register.stop);
    }
  });

  test(`${language}: a percentage discount takes a trailing %, and says over 100 or too many decimals`, async ({ page, register }) => {
    await setUpOwner(page, register, language);
    await scan(page, WATER);
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    await page.keyboard.press('F8');
    const input = page.getByTestId('discount-input');
    const problem = page.getByTestId('discount-input-problem');

    await input.fill('0.001');
    await expect(problem).toHaveText(words.decimals);
    await input.press('Enter');
    await expect(page.getByTestId('discount-dialog')).toBeVisible();

    await input.fill('150%');
    await expect(problem).toHaveText(words.over);
    await input.press('Enter');
    await expect(page.getByTestId('discount-dialog')).toBeVisible();
    await expect(page.getByTestId('cart-line').getByTestId('line-discount')).toHaveText('');

    await input.fill('10%');
    await expect(problem).toHaveCount(0);
    await input.press('Enter');
    await expect(page.getByTestId('discount-dialog')).toBeHidden();
    await expect(page.getByTestId('cart-line').getByTestId('line-discount')).toHaveText(words.discounted);
  });

  test(`${language}: a tax rate takes a trailing %, and says over 100 or too many decimals`, async ({ page, register }) => {
    await setUpOwner(page, register, language);
    await page.getByTestId('open-back-office').click();
    await page.getByTestId('back-office-nav-tax-rates').click();
    const rows = page.getByTestId('tax-rate-row');
    await expect(rows).not.toHaveCount(0);
    const before = await rows.count();
    const percent = page.getByTestId('tax-rate-percent');
    const error = page.getByTestId('tax-rates').getByTestId('error');

    await percent.fill('13.333');
    await page.getByTestId('tax-rate-add').click();
    await expect(error).toHaveText(words.decimals);
    await percent.fill('150%');
    await page.getByTestId('tax-rate-add').click();
    await expect(error).toHaveText(words.over);
    await expect(rows).toHaveCount(before);

    await percent.fill('7.5%');
    await page.getByTestId('tax-rate-add').click();
    await expect(rows).toHaveCount(before + 1);
    await expect(error).toHaveCount(0);
    await expect(rows.filter({ hasText: '7.5%' }).last()).toContainText('7.5%');
  });

  test(`${language}: a pasted name or note over its limit is kept whole and said, and nothing is sent until it fits`, async ({ page, register }) => {
    await setUpOwner(page, register, language);
    await page.keyboard.press('F4');
    const adHoc = page.getByTestId('adhoc-dialog');
    const name = adHoc.getByTestId('adhoc-name');
    await name.fill('长'.repeat(2000));
    await expect(name).toHaveValue('长'.repeat(2000));
    await expect(adHoc.getByTestId('adhoc-name-limit')).toHaveText(words.nameTooLong);
    await adHoc.getByTestId('adhoc-price').fill('1');
    await adHoc.getByTestId('adhoc-price').press('Enter');
    await expect(adHoc).toBeVisible();
    await expect(page.getByTestId('cart-line')).toHaveCount(0);

    await name.fill('长'.repeat(190));
    await expect(adHoc.getByTestId('adhoc-name-limit')).toHaveText(words.nameCount);
    await adHoc.getByTestId('adhoc-price').press('Enter');
    await expect(adHoc).toBeHidden();
    await expect(page.getByTestId('cart-line')).toHaveCount(1);

    await saleScreenReady(page);
    await page.keyboard.press('F6');
    const note = page.getByTestId('note-dialog');
    const noteInput = note.getByTestId('note-input');
    await noteInput.fill('n'.repeat(2000));
    await expect(noteInput).toHaveValue('n'.repeat(2000));
    await expect(note.getByTestId('note-input-limit')).toHaveText(words.noteTooLong);
    await noteInput.press('Enter');
    await expect(note).toBeVisible();
    await expect(page.getByTestId('sale-note')).toHaveCount(0);
    await noteInput.fill(`${OWNER.name} 5 pm`);
    await expect(note.getByTestId('note-input-limit')).toHaveCount(0);
    await noteInput.press('Enter');
    await expect(note).toBeHidden();
    await expect(page.getByTestId('sale-note')).toContainText(`${OWNER.name} 5 pm`);
  });
}
