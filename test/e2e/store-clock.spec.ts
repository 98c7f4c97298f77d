import type { Page } from '@playwright/test';
import { VirtualPrinter } from '../../main/hardware/printer/virtual-printer';
import { tokenizeEscPos } from '../support/escpos-tokenizer';
import { callRegister, connectPrinter, expect, ringUpAdHoc, setUpOwner, test } from './fixtures';

// sweep-rep #3: a store in Shanghai on a machine (and a browser) on UTC. The paper, the hour
// rollups and the business day keep the store's clock; the screens kept the browser's, so the Z
// screen said 08:13 where the paper said 16:13. Every moment on screen must be the paper's.
test.use({ timezoneId: 'UTC' });

const STORE_ZONE = 'Asia/Shanghai';

/** The first printed line holding `label` and a moment, as the wall clock it shows: 2026-12-01 16:13. */
async function paperMoment(printer: VirtualPrinter, label: string): Promise<string> {
  let found = '';
  await expect
    .poll(
      () => {
        for (const job of printer.jobs()) {
          for (const line of tokenizeEscPos(job.bytes).lines) {
            const m = /(\d{4}-\d{2}-\d{2} \d{2}:\d{2}):\d{2}/.exec(line);
            if (line.includes(label) && m?.[1]) {
              found = m[1];
              return true;
            }
          }
        }
        return false;
      },
      { timeout: 10_000 },
    )
    .toBe(true);
  return found;
}

/** A wall-clock moment (2026-12-01 16:13) as the screens write moments, in the page's own Intl. */
function screenWritten(page: Page, wall: string, locale: string, style: 'dateTime' | 'time'): Promise<string> {
  return page.evaluate(
    ({ wall, locale, style }) => {
      const [date = '', time = ''] = wall.split(' ');
      const [y, mo, d] = date.split('-').map(Number);
      const [h, mi] = time.split(':').map(Number);
      // The wall time read as UTC and written in UTC: the same digits, whatever zone the browser keeps.
      const at = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
      const options: Intl.DateTimeFormatOptions =
        style === 'time' ? { hour: '2-digit', minute: '2-digit', timeZone: 'UTC' } : { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' };
      return new Intl.DateTimeFormat(locale, options).format(at);
    },
    { wall, locale, style },
  );
}

/** The hour on the store's clock now, and on UTC's: the test only means something where they differ. */
function hoursNow(): { store: number; utc: number } {
  const store = Number(new Intl.DateTimeFormat('en-GB', { timeZone: STORE_ZONE, hour: '2-digit', hourCycle: 'h23' }).format(Date.now()));
  return { store, utc: new Date().getUTCHours() };
}

test("a Shanghai store on a UTC machine: the sale's and the Z's times on screen are the paper's, in Chinese and English", async ({ page, register }) => {
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe('UTC');
  const hours = hoursNow();
  expect(hours.store).not.toBe(hours.utc);
  const printer = await VirtualPrinter.start({ port: 0 });
  try {
    await setUpOwner(page, register);
    expect(await callRegister(page, 'settings.update', { timeZone: STORE_ZONE })).toMatchObject({ ok: true, value: { timeZone: STORE_ZONE } });
    await connectPrinter(page, printer.port);
    await page.getByTestId('back-to-sale').click();

    // The sale: the completion screen's time is the receipt's.
    await ringUpAdHoc(page, '矿泉水', '12.50');
    await page.getByTestId('tendered').fill('20');
    await page.getByTestId('take-cash').click();
    await expect(page.getByTestId('receipt-no')).toHaveText('R1-000001');
    const saleWall = await paperMoment(printer, '日期');
    expect(Number(saleWall.slice(11, 13))).not.toBe(new Date().getUTCHours());
    await expect(page.getByTestId('completed-at')).toHaveText(await screenWritten(page, saleWall, 'zh-CN', 'dateTime'));
    await page.getByTestId('next-sale').click();

    // The documents list: the sale at the receipt's time.
    await page.getByTestId('open-back-office').click();
    await page.getByTestId('back-office-nav-documents').click();
    await expect(page.getByTestId('document-when').first()).toContainText(await screenWritten(page, saleWall, 'zh-CN', 'time'));

    // The Z: "王店长 于 <the paper's 日结时间> 日结", and the same in the Z list.
    await page.getByTestId('back-office-nav-day-close').click();
    await page.getByTestId('force-reason-1').fill('测试');
    await page.getByTestId('day-close-run').click();
    await page.getByTestId('day-close-confirm').click();
    await expect(page.getByTestId('z-title')).toContainText('Z 报表 #1', { timeout: 15_000 });
    const zWall = await paperMoment(printer, '日结时间');
    const zChinese = await screenWritten(page, zWall, 'zh-CN', 'dateTime');
    await expect(page.getByTestId('z-closed-by')).toHaveText(`王店长 于 ${zChinese} 日结`);
    await page.getByTestId('back-office-nav-z-reports').click();
    await expect(page.getByTestId('z-closed-at')).toHaveText(zChinese);

    // In English the same moments, written the English way.
    await page.getByRole('group', { name: '语言' }).getByRole('button', { name: 'English' }).click();
    await expect(page.getByTestId('z-closed-at')).toHaveText(await screenWritten(page, zWall, 'en', 'dateTime'));
    await page.getByTestId('back-office-nav-documents').click();
    await expect(page.getByTestId('document-when').first()).toContainText(await screenWritten(page, saleWall, 'en', 'time'));
  } finally {
    await printer.close();
  }
});
