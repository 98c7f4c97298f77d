import type { Page } from '@playwright/test';
import { callRegister, expect, saleScreenReady, scan, setUpOwner, test } from './fixtures';

// The owner's display settings reach the page: the theme and the font size as the stylesheet
// applies them, the brightness left to the system in browser mode, and the beeps on a scan and
// on an error. In zh-CN, through the back office's settings form.
const WATER = '6901234567892';

/** Every beep the page starts, by its frequency: the real Web Audio oscillator, watched, not replaced. */
async function recordBeeps(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const beeps: number[] = [];
    (window as unknown as { beeps: number[] }).beeps = beeps;
    const start = OscillatorNode.prototype.start;
    OscillatorNode.prototype.start = function (this: OscillatorNode, ...args: Parameters<OscillatorNode['start']>) {
      beeps.push(this.frequency.value);
      return start.apply(this, args);
    };
  });
}

const beeps = (page: Page) => page.evaluate(() => (window as unknown as { beeps: number[] }).beeps.splice(0));

const rootStyle = (page: Page) =>
  page.evaluate(() => {
    const root = document.documentElement;
    const style = getComputedStyle(root);
    return { theme: root.dataset.theme, fontSize: style.fontSize, background: style.backgroundColor, filter: style.filter };
  });

test('theme, font size, brightness and sounds chosen in the settings reach the page', async ({ page, register }) => {
  await recordBeeps(page);
  await setUpOwner(page, register);
  expect(await rootStyle(page)).toEqual({ theme: 'light', fontSize: '16px', background: 'rgb(238, 241, 244)', filter: 'none' });
  // A scan beeps at 1760 Hz, an error at 220 Hz (both on by default).
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  expect(await beeps(page)).toEqual([1760]);

  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-settings').click();
  const settings = page.getByTestId('settings-form');
  await settings.getByLabel('主题').selectOption({ label: '深色' });
  await settings.getByLabel('文字大小').selectOption({ label: '特大' });
  await settings.getByLabel('扫码时提示音').uncheck();
  // In browser mode the system sets the brightness; the form says so instead of a slider.
  await expect(settings.getByTestId('settings-brightness-system')).toHaveText('浏览器模式下屏幕亮度由电脑系统设置。');
  await settings.getByTestId('settings-save').click();
  await expect(settings.getByTestId('notice')).toHaveText('设置已保存。');
  await expect.poll(() => rootStyle(page)).toEqual({ theme: 'dark', fontSize: '22px', background: 'rgb(18, 23, 29)', filter: 'none' });

  // A brightness set for the desktop shell does not dim a browser page.
  expect(await callRegister(page, 'settings.update', { screenBrightness: 50 })).toMatchObject({ ok: true, value: { screenBrightness: 50 } });
  await page.reload();
  await saleScreenReady(page);
  // After a reload the page starts from the saved settings.
  expect(await rootStyle(page)).toEqual({ theme: 'dark', fontSize: '22px', background: 'rgb(18, 23, 29)', filter: 'none' });

  // The scan beep is off; the error beep still sounds for a code the catalog does not know.
  await scan(page, WATER);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('cart-line').getByTestId('line-qty')).toHaveText('2 × ¥2.00');
  await scan(page, '6900000000000');
  await expect(page.getByTestId('error')).toHaveText('找不到商品 6900000000000。请核对条码；目录里没有的商品可按临时商品手工录入。');
  expect(await beeps(page)).toEqual([220]);

  // High contrast and the error beep off: black page, larger text, and silence.
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-settings').click();
  await settings.getByLabel('主题').selectOption({ label: '高对比度' });
  await settings.getByLabel('文字大小').selectOption({ label: '大' });
  await settings.getByLabel('出错时提示音').uncheck();
  await settings.getByTestId('settings-save').click();
  await expect(settings.getByTestId('notice')).toHaveText('设置已保存。');
  await expect.poll(() => rootStyle(page)).toEqual({ theme: 'high-contrast', fontSize: '19px', background: 'rgb(0, 0, 0)', filter: 'none' });
  await page.getByTestId('back-to-sale').click();
  await saleScreenReady(page);
  await scan(page, '6900000000000');
  await expect(page.getByTestId('error')).toHaveText('找不到商品 6900000000000。请核对条码；目录里没有的商品可按临时商品手工录入。');
  expect(await beeps(page)).toEqual([]);
});
