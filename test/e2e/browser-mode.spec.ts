import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_CSV_BYTES } from '../../preload/contract/limits';
import type { Page } from '@playwright/test';
import { closePagesAndStop, expect, OWNER, saleScreenReady, scan, setUpOwner, startRegister, test } from './fixtures';

/** Long product names, the way a tea shop's supplier writes them. */
const TEA =
  '安溪铁观音特级浓香型乌龙茶礼盒装，五百克，含手提袋，节日送礼佳品，产地直供，当季新茶，传统工艺炭焙，回甘持久，适合冲泡七次以上，请置于阴凉干燥处密封保存，开封后请尽快饮用，保质期十八个月';

/** A valid catalog in Chinese of at least `bytes` UTF-8 bytes: mostly Chinese text, 3 bytes a character. */
const HEADER = 'sku,barcode,name_zh,name_en,price,tax_rate';
/** An EAN-13 ending in its GS1 mod-10 check digit (weights 3, 1, 3… from the right), as the catalog requires. */
function ean13(first12: string): string {
  const sum = [...first12].reverse().reduce((s, d, i) => s + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return `${first12}${(10 - (sum % 10)) % 10}`;
}
const teaRow = (i: number) => `T${i},${ean13(`69${String(i).padStart(10, '0')}`)},${TEA}（第${i}批）,,128.00,13%`;

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
    await page.getByTestId('search').fill('6900000000007');
    await page.getByTestId('search').press('Enter');
    await expect(page.getByTestId('line-name')).toHaveText(`${TEA}（第0批）`);
    await expect(page.getByTestId('total')).toHaveText('¥128.00');
    expect((await fetch(`${register.origin}/health`)).status).toBe(200);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Another web server on 127.0.0.1 (a dev server, a router's admin page...), recording everything it is sent. */
async function otherLocalServer(): Promise<{ origin: string; received: string[]; close(): Promise<void> }> {
  const received: string[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8').on('data', (chunk: string) => (body += chunk));
    req.on('end', () => {
      received.push(JSON.stringify({ method: req.method, url: req.url, headers: req.headers satisfies IncomingHttpHeaders, body }));
      if (req.method === 'GET' && !req.url?.startsWith('/favicon')) {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end('<!doctype html><title>another local service</title><p>hello</p>');
      } else {
        res.writeHead(204);
        res.end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    received,
    // The visitor page may still hold a keep-alive socket: close() alone waits for it, and the test hung there.
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

test('another web server on 127.0.0.1, visited in the same browser, is never sent the launch token and cannot read it', async ({ page, context, register }) => {
  const other = await otherLocalServer();
  try {
    await setUpOwner(page, register);
    const visitor = await context.newPage();
    // The paths the register itself serves, in case a credential is scoped to them.
    for (const path of ['/', '/ws', '/index.html', '/assets/', '/?token=x']) await visitor.goto(`${other.origin}${path}`);
    // What a script of that other origin can see in the browser, posted home.
    await visitor.goto(other.origin);
    await visitor.evaluate(async () => {
      // Runs in the page; the node project has no DOM types, so the globals used are typed here.
      interface PageStorage {
        length: number;
        key(i: number): string | null;
        getItem(key: string): string | null;
      }
      const page = globalThis as unknown as {
        document: { cookie: string };
        localStorage: PageStorage;
        sessionStorage: PageStorage;
        fetch(url: string, init: { method: string; body: string }): Promise<unknown>;
      };
      const all = (s: PageStorage) => Array.from({ length: s.length }, (_, i) => `${s.key(i)}=${s.getItem(s.key(i) ?? '')}`);
      const seen = { cookie: page.document.cookie, local: all(page.localStorage), session: all(page.sessionStorage) };
      await page.fetch('/report', { method: 'POST', body: JSON.stringify(seen) });
    });
    expect(other.received.some((r) => r.includes('/report'))).toBe(true);
    // Named by request, so a failure says which one carried it.
    const carried = other.received.filter((r) => r.includes(register.token)).map((r) => (JSON.parse(r) as { method: string; url: string }).url);
    expect(carried).toEqual([]);
    // The register's own page still works after all that.
    await page.reload();
    await expect(page.getByTestId('operator-name')).toContainText(OWNER.name);
  } finally {
    await other.close();
  }
});

async function ringUpWater(page: Page): Promise<void> {
  await expect(page.getByTestId('operator-name')).toContainText(OWNER.name);
  await saleScreenReady(page);
  await scan(page, '6901234567892');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByTestId('total')).toHaveText('¥2.00');
}

test('two registers on two ports keep working side by side in one browser', async ({ page, context, register }) => {
  const second = await startRegister();
  try {
    await setUpOwner(page, register);
    const secondPage = await context.newPage();
    await setUpOwner(secondPage, second.register);
    // Opening the second register must not cost the first its credential, nor the other way round.
    await page.reload();
    await ringUpWater(page);
    await secondPage.reload();
    await ringUpWater(secondPage);
    // A further tab on each, opened without the token, reaches its own register and its own sale.
    for (const origin of [register.origin, second.register.origin]) {
      const tab = await context.newPage();
      await tab.goto(origin);
      await expect(tab.getByTestId('operator-name')).toContainText(OWNER.name);
      await expect(tab.getByTestId('cart-line')).toHaveCount(1);
      await tab.close();
    }
  } finally {
    await closePagesAndStop(context, second.stop);
  }
});

test('the launch token leaves the address bar once kept; a browser without it is told which address to open', async ({ page, browser, register }) => {
  await setUpOwner(page, register);
  expect(page.url()).toBe(`${register.origin}/`);
  await page.reload();
  await expect(page.getByTestId('operator-name')).toContainText(OWNER.name);

  // Another browser profile has no token: the page says so instead of "lost the connection".
  const stranger = await browser.newContext();
  try {
    const strangerPage = await stranger.newPage();
    await strangerPage.goto(register.origin);
    await expect(strangerPage.getByTestId('error')).toHaveText('请用 Ringup 启动时显示的地址打开：凭这个地址，浏览器才能连接收银机。');
    // A stale or mistyped address is refused by the register itself, on the same page in words.
    const stale = await strangerPage.goto(`${register.origin}/?token=${register.token.slice(1)}`);
    expect(stale?.status()).toBe(403);
    await expect(strangerPage.getByTestId('error')).toHaveText(
      '这个地址来自 Ringup 之前的一次启动：每次启动，地址都会改变。请打开 Ringup 这次启动时显示的地址。',
    );
    expect(strangerPage.url()).toBe(`${register.origin}/`);
  } finally {
    await stranger.close();
  }
  // In English where the browser was last set to English.
  const english = await browser.newContext();
  try {
    await english.addInitScript(() => localStorage.setItem('ringup.locale', 'en'));
    const englishPage = await english.newPage();
    expect((await englishPage.goto(`${register.origin}/?token=yesterdays-token-0123456789`))?.status()).toBe(403);
    await expect(englishPage.getByTestId('error')).toHaveText(
      'This address is from an earlier start of Ringup: the address changes every time Ringup starts. Open the address it printed this time.',
    );
    // A stale address opened where the good token is kept leaves it kept: the next plain visit works.
    await englishPage.goto(register.url);
    await expect(englishPage.getByTestId('operator-name')).toContainText(OWNER.name);
    expect((await englishPage.goto(`${register.origin}/?token=${register.token.slice(1)}`))?.status()).toBe(403);
    await englishPage.goto(register.origin);
    await expect(englishPage.getByTestId('operator-name')).toContainText(OWNER.name);
  } finally {
    await english.close();
  }
});
