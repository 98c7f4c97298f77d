// Scan → line in Chromium with the generated 100,000-product catalog loaded: the time from the
// scan's Enter reaching the page to the new cart line being in the DOM (the register's part),
// and from its first key (adds the scanner's own keystrokes as CDP delivers them), measured
// inside the page (keydown listener and MutationObserver), through the real web host, router
// and ledger.
// Needs `npm run build` and /usr/bin/chromium; says so and returns nothing otherwise.
// Key: scan_to_line_p95_ms (`npm run bench -- --json`).
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { openRegister, ledgerPathIn } from '../main/register';
import { CATALOG_SIZE, generateCatalog, loadCatalog } from './catalog';
import { fmt, percentile } from './stats';
import { startWebRegister, WEB_MAIN } from '../test/support/web-register';
import { size } from './scale';

const CHROMIUM = '/usr/bin/chromium';
const SCANS = size(200, 3);
const PIN = '4826';
const SEARCH_FOCUSED = `document.activeElement?.getAttribute('data-testid') === 'search'`;

/** Polls an expression in the page (Runtime.evaluate, which the page's CSP allows; waitForFunction would need eval). */
async function until(page: import('@playwright/test').Page, expression: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if ((await page.evaluate(expression)) === true) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${expression}`);
}

export interface CatalogChromiumFigures {
  scan_to_line_p50_ms: number;
  scan_to_line_p95_ms: number;
  scan_keys_to_line_p95_ms: number;
  scan_to_line_n: number;
}

export async function benchCatalogChromium(options: { size?: number } = {}): Promise<CatalogChromiumFigures | null> {
  if (!existsSync(WEB_MAIN) || !existsSync(CHROMIUM)) {
    console.log(`\nScan → line in Chromium: skipped (needs ${existsSync(WEB_MAIN) ? CHROMIUM : 'npm run build'})`);
    return null;
  }
  const size = options.size ?? CATALOG_SIZE;
  const dir = mkdtempSync(join(tmpdir(), 'ringup-bench-scan-'));
  const products = generateCatalog(size);
  // The ledger as a shop would have it: an owner, the wizard done, the catalog imported.
  const reg = openRegister({ ledgerFile: ledgerPathIn(dir), log: { info: () => undefined, error: (m, e) => console.error(m, e) } });
  const owner = await reg.dispatch('setup.createOwner', { name: 'Bench', pin: PIN });
  if (!owner.ok) throw new Error(JSON.stringify(owner.error));
  await reg.dispatch('settings.update', { setupWizardDone: true });
  // Sales need an open shift; the bench times scans, not the float count.
  const shift = await reg.dispatch('shift.open', {
    float: { kind: 'counted', counts: [{ denominationMinor: 10000, count: 1 }] },
    idempotencyKey: randomBytes(16).toString('hex'),
  });
  if (!shift.ok) throw new Error(JSON.stringify(shift.error));
  loadCatalog(reg.db, products);
  reg.close();

  const host = await startWebRegister({ demo: false, dataDir: dir });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(host.url);
    await page.locator('.pin-pad input').fill(PIN);
    await page.locator('.pin-pad input').press('Enter');
    await page
      .getByTestId('search')
      .waitFor()
      .catch(async (error: unknown) => {
        await page.screenshot({ path: join(tmpdir(), 'ringup-bench-scan.png') });
        throw error;
      });
    await until(page, SEARCH_FOCUSED);
    // In the page: when a scan's first key arrives, and when the cart next gains a line.
    await page.evaluate(`(() => {
      window.scanStart = null;
      window.enterAt = null;
      window.scanTimes = [];
      window.keysTimes = [];
      window.armed = false;
      window.addEventListener('keydown', (e) => {
        if (!window.armed) return;
        if (window.scanStart === null) window.scanStart = performance.now();
        if (e.key === 'Enter') window.enterAt = performance.now();
      }, true);
      let lines = 0;
      new MutationObserver(() => {
        const now = document.querySelectorAll('[data-testid="cart-line"]').length;
        if (now > lines && window.armed && window.enterAt !== null) {
          window.scanTimes.push(performance.now() - window.enterAt);
          window.keysTimes.push(performance.now() - window.scanStart);
          window.scanStart = null;
          window.enterAt = null;
          window.armed = false;
        }
        lines = now;
      }).observe(document.body, { childList: true, subtree: true });
    })()`);
    const cdp = await page.context().newCDPSession(page);
    // Each product once: a product scanned again in the same cart adds to its line's quantity and
    // no line appears, which the wait below would take for a lost scan (it did, about one run in 40).
    const picked = new Set<number>();
    const pick = () => {
      let at = Math.floor(Math.random() * products.length);
      while (picked.has(at) && picked.size < products.length) at = (at + 1) % products.length;
      picked.add(at);
      return products[at]?.barcode ?? '';
    };
    let inCart = 0;
    for (let i = 0; i < SCANS; i++) {
      // Only scans are timed: the payment's keys in between are not.
      await page.evaluate('window.scanStart = null; window.enterAt = null; window.armed = true');
      let at = Date.now() / 1000;
      for (const ch of pick()) {
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: ch, text: ch, timestamp: at });
        await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: ch, timestamp: at + 0.001 });
        at += 0.004;
      }
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key: 'Enter', text: '\r', code: 'Enter', windowsVirtualKeyCode: 13, timestamp: at });
      await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key: 'Enter', code: 'Enter', windowsVirtualKeyCode: 13, timestamp: at + 0.001 });
      inCart++;
      await until(page, `document.querySelectorAll('[data-testid="cart-line"]').length >= ${inCart}`);
      // A till's sale is a few dozen lines: pay every 20 so the cart stays the size a cashier sees.
      if (inCart === 20) {
        await page.keyboard.press('F12');
        await page.keyboard.type('99999');
        await page.keyboard.press('Enter');
        await page.getByTestId('receipt-no').waitFor();
        await page.keyboard.press('Enter');
        await page.getByTestId('cart-empty').waitFor();
        await until(page, SEARCH_FOCUSED);
        inCart = 0;
      }
    }
    const times = await page.evaluate<number[]>('window.scanTimes');
    const keysTimes = await page.evaluate<number[]>('window.keysTimes');
    const figures: CatalogChromiumFigures = {
      scan_to_line_p50_ms: Number(percentile(times, 50).toFixed(1)),
      scan_to_line_p95_ms: Number(percentile(times, 95).toFixed(1)),
      scan_keys_to_line_p95_ms: Number(percentile(keysTimes, 95).toFixed(1)),
      scan_to_line_n: times.length,
    };
    console.log(
      `\nScan → line in Chromium (${size.toLocaleString('en')} products loaded, web host, n=${times.length}; load average ${fmt(loadavg()[0] ?? 0, 1)})`,
    );
    console.log(
      `  scan's Enter in the page → cart line in the DOM   p50 ${fmt(figures.scan_to_line_p50_ms, 1)} ms   p95 ${fmt(figures.scan_to_line_p95_ms, 1)} ms`,
    );
    console.log(`  its first key → cart line (with the keystrokes)  p95 ${fmt(figures.scan_keys_to_line_p95_ms, 1)} ms`);
    return figures;
  } finally {
    await browser.close();
    await host.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void benchCatalogChromium();
