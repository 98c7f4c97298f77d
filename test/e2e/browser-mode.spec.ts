import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_CSV_BYTES } from '../../preload/contract/limits';
import { expect, setUpOwner, test } from './fixtures';

/** Long product names, the way a tea shop's supplier writes them. */
const TEA =
  '安溪铁观音特级浓香型乌龙茶礼盒装，五百克，含手提袋，节日送礼佳品，产地直供，当季新茶，传统工艺炭焙，回甘持久，适合冲泡七次以上，请置于阴凉干燥处密封保存，开封后请尽快饮用，保质期十八个月';

/** A valid catalog in Chinese of at least `bytes` UTF-8 bytes: mostly Chinese text, 3 bytes a character. */
const HEADER = 'sku,barcode,name_zh,name_en,price,tax_rate';
const teaRow = (i: number) => `T${i},69${String(i).padStart(11, '0')},${TEA}（第${i}批）,,128.00,13%`;

function chineseCatalog(bytes: number): string {
  const lines = [HEADER];
  let size = Buffer.byteLength(HEADER) + 1;
  for (let i = 0; size < bytes; i++) {
    const line = teaRow(i);
    lines.push(line);
    size += Buffer.byteLength(line) + 1;
  }
  return `${lines.join('\n')}\n`;
}

test('a 4.4 MB Chinese catalog is refused in the page with a translated error before anything is sent, and the register goes on working', async ({
  page,
  register,
}) => {
  const dir = mkdtempSync(join(tmpdir(), 'ringup-csv-'));
  try {
    // Every frame the page sends, from its first socket on.
    const sent: string[] = [];
    page.on('websocket', (ws) => ws.on('framesent', (frame) => sent.push(typeof frame.payload === 'string' ? frame.payload : frame.payload.toString('utf8'))));
    await setUpOwner(page, register);
    await page.getByTestId('open-back-office').click();
    await page.getByTestId('back-office-nav-catalog').click();

    const csv = chineseCatalog(4.4 * 1024 * 1024);
    // Over the limit in bytes, yet far under the 2,000,000 characters the schema used to allow.
    expect(Buffer.byteLength(csv)).toBeGreaterThan(MAX_CSV_BYTES);
    expect(csv.length).toBeLessThan(2_000_000);
    const big = join(dir, '茶叶目录.csv');
    writeFileSync(big, csv);
    await page.getByTestId('csv-file').setInputFiles(big);
    await expect(page.getByTestId('error')).toHaveText('商品文件超过 2 MB。请拆分成几个较小的文件，逐个导入。');
    expect(sent.filter((text) => text.includes('catalog.importCsv'))).toEqual([]);

    // The register is alive and the same page still imports a small file and sells from it.
    const small = join(dir, 'small.csv');
    writeFileSync(small, `${HEADER}\n${teaRow(0)}\n`);
    await page.getByTestId('csv-file').setInputFiles(small);
    await expect(page.getByTestId('import-result')).toHaveText('已导入 1 件商品。');
    await page.getByTestId('back-to-sale').click();
    await page.getByTestId('search').fill('6900000000000');
    await page.getByTestId('search').press('Enter');
    await expect(page.getByTestId('line-name')).toHaveText(`${TEA}（第0批）`);
    await expect(page.getByTestId('total')).toHaveText('¥128.00');
    expect((await fetch(`${register.origin}/health`)).status).toBe(200);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
