import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, setUpOwner, test } from './fixtures';
import { checkLayout } from './layout';

// 关于与更新 as the owner sees it in browser mode, at the counter's 1024×768, in Chinese and in
// English: the version this register runs, and a check for updates that answers at once with why
// the browser cannot update (it reads no feed), says when it checked, and leaves the button ready.
const VERSION = (JSON.parse(readFileSync(resolve(__dirname, '../../package.json'), 'utf8')) as { version: string }).version;

const WORDS = {
  'zh-CN': {
    check: '检查更新',
    answer: '浏览器模式下收银机无法自行更新：请在已安装的桌面应用中检查更新。',
    checkedAt: /^检查时间：\d{1,2}:\d{2}/,
    shell: '浏览器模式',
  },
  en: {
    check: 'Check for updates',
    answer: 'In browser mode the register cannot update itself: the installed desktop app checks for updates.',
    checkedAt: /^Checked at \d{1,2}:\d{2}/,
    shell: 'Browser mode',
  },
} as const;

for (const language of ['zh-CN', 'en'] as const) {
  test(`关于与更新 in ${language} at 1024×768: the version, and a check that says why the browser cannot update`, async ({ page, register }, info) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await setUpOwner(page, register);
    if (language === 'en') await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    await page.getByTestId('open-back-office').click();
    await page.getByTestId('back-office-nav-about').click();
    const words = WORDS[language];

    await expect(page.getByTestId('about-version')).toHaveText(VERSION);
    await expect(page.getByTestId('about')).toContainText(words.shell);
    const check = page.getByTestId('update-check');
    await expect(check).toHaveText(words.check);
    await check.click();
    await expect(page.getByTestId('update-state')).toHaveText(words.answer);
    await expect(page.getByTestId('update-checked-at')).toHaveText(words.checkedAt);
    // Nothing left running: the button is back, ready for another check, and there is no detail to show.
    await expect(check).toBeEnabled();
    await expect(check).toHaveText(words.check);
    await expect(page.getByTestId('update-detail')).toHaveCount(0);
    await expect(page.getByTestId('update-install')).toHaveCount(0);
    await expect(page.getByTestId('about')).not.toContainText('about.');
    await checkLayout(page, info, `about ${language} 1024x768`);
  });
}
