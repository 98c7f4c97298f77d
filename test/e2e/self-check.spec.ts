import { VirtualPrinter } from '../../main/hardware/printer/virtual-printer';
import { readCode128 } from '../support/barcode-reader';
import { connectPrinter, expect, scan, setUpOwner, test } from './fixtures';

// The self-check screen and the start-up summary: a printer out of paper is named with its fix
// when the window starts, and the scanner part turns good once the test code is scanned.
test('start-up summary names a printer out of paper with its fix; the self-check screen checks the scanner', async ({ page, register }) => {
  const printer = await VirtualPrinter.start({ port: 0 });
  try {
    await setUpOwner(page, register);
    await connectPrinter(page, printer.port);
    printer.setStatus('paper_out');
    await page.reload();
    const summary = page.getByTestId('startup-summary');
    await expect(summary).toContainText('打印机缺纸。');
    await expect(summary).toContainText('装入新纸卷');
    await page.getByTestId('startup-summary-close').click();
    await expect(summary).toBeHidden();
    printer.setStatus('ok');

    await page.getByTestId('open-back-office').click();
    await page.getByTestId('back-office-nav-self-check').click();
    await expect(page.getByTestId('check-printer-state')).toHaveText('正常');
    // What the check found, in Chinese punctuation (a full-width colon after each name).
    await expect(page.getByTestId('check-printer-facts')).toContainText('：');
    await expect(page.getByTestId('check-printer-facts')).not.toContainText(': ');
    await expect(page.getByTestId('check-scanner-state')).toHaveText('需要注意');
    await expect(page.getByTestId('check-scanner-problem')).toContainText('扫描枪尚未读取测试码');
    const code = (await page.getByTestId('scanner-test-code').textContent()) ?? '';
    expect(code).toMatch(/^RT\d{10}$/);
    // What is on screen is a barcode a scanner reads: an independent decoder finds that code in
    // a screenshot of it, as Code 128.
    const barcode = await page.getByTestId('scanner-test-barcode').screenshot();
    expect(readCode128(barcode)).toEqual({ text: code, format: 'CODE_128' });
    await scan(page, code);
    await expect(page.getByTestId('check-scanner-state')).toHaveText('正常');
  } finally {
    await printer.close();
  }
});
