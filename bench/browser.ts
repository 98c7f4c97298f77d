// The register as the cashier meets it: browser mode (out/main/web.js) in Debian's Chromium,
// driven by Playwright.
//  - cold start: from spawning the register process to the first page a cashier can use (the
//    first-run form, its first field ready for typing), on a fresh data folder;
//  - scan to line: from the Enter that ends a scanner's burst to the first frame that shows the
//    cart changed. Keys arrive as a keyboard-wedge scanner sends them, stamped a few ms apart
//    (through the DevTools protocol, as the e2e tests do); the page's own clock measures.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { figure, fmt, median, percentile } from './stats';
import { FIVE_CODES } from './ledger';
import { startWebRegister } from '../test/support/web-register';
import { size, SMOKE } from './scale';

export interface BrowserFigures {
  scan_to_line_demo_p95_ms: number;
  cold_start_ms: number;
}

const ROOT = resolve(__dirname, '..');
const COLD_STARTS = size(5, 1);
const SCANS = size(100, 3);

/** The first-run form is up and its first field takes keys. */
async function firstRunUsable(page: Page): Promise<void> {
  const name = page.getByLabel('店主姓名');
  await name.waitFor({ state: 'visible' });
  await name.focus();
  await page.waitForFunction("document.activeElement?.tagName === 'INPUT'");
}

async function coldStarts(browser: Browser): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < COLD_STARTS + 1; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const t0 = performance.now();
    const reg = await startWebRegister();
    try {
      await page.goto(reg.url);
      await firstRunUsable(page);
      // The first start also warms the OS page cache for the build and the Chromium profile.
      if (i > 0) times.push(performance.now() - t0);
    } finally {
      await context.close();
      await reg.stop();
    }
  }
  return times;
}

/** A keyboard-wedge scanner: the whole code in one burst, each key stamped 4 ms after the last, then Enter. */
async function scan(page: Page, code: string): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  let at = Date.now() / 1000;
  const press = async (key: string, text: string, extra: Record<string, unknown> = {}): Promise<void> => {
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text, timestamp: at, ...extra });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, timestamp: at + 0.001, ...extra });
    at += 0.004;
  };
  for (const ch of code) await press(ch, ch);
  await press('Enter', '\r', { code: 'Enter', windowsVirtualKeyCode: 13 });
  await cdp.detach();
}

const PROBE = `(() => {
  const cartText = () => document.querySelector('[data-testid="cart"], [data-testid="cart-empty"]')?.textContent ?? '';
  const probe = { enterAt: 0, before: '', resolve: null, done: Promise.resolve(0) };
  probe.arm = () => {
    probe.enterAt = 0;
    probe.done = new Promise((r) => (probe.resolve = r));
  };
  window.scanProbe = probe;
  window.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    probe.enterAt = performance.now();
    probe.before = cartText();
  }, true);
  new MutationObserver(() => {
    const resolveScan = probe.resolve;
    if (!resolveScan || probe.enterAt === 0 || cartText() === probe.before) return;
    probe.resolve = null;
    requestAnimationFrame(() => resolveScan(performance.now() - probe.enterAt));
  }).observe(document.body, { subtree: true, childList: true, characterData: true });
})()`;

async function scansToLine(browser: Browser): Promise<number[]> {
  const reg = await startWebRegister();
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  try {
    await page.goto(reg.url);
    await page.getByLabel('店主姓名').fill('Bench');
    await page.getByLabel('密码（4–8 位数字）').fill('4826');
    await page.getByLabel('再次输入密码').fill('4826');
    await page.getByLabel('店铺名称').fill('Bench');
    await page.getByRole('button', { name: '创建店主并开始' }).click();
    // The rest of the first-run wizard later; then the opening float (sales need an open shift).
    await page.getByTestId('wizard-later').click();
    await page.getByTestId('count-10000').fill('2');
    await page.getByTestId('opening-count-submit').click();
    await page.getByTestId('search').waitFor({ state: 'visible' });
    await page.waitForFunction("document.activeElement?.dataset.testid === 'search'");
    // In the page: note the Enter of each burst, and the first frame after the cart's text changed.
    // (A string, not a function: tsx would wrap named functions in a helper the page lacks.)
    await page.evaluate(PROBE);
    const times: number[] = [];
    for (let i = 0; i < SCANS + 5; i++) {
      await page.evaluate('window.scanProbe.arm()');
      await scan(page, FIVE_CODES[i % FIVE_CODES.length] ?? '');
      const ms = await page.evaluate<number>('window.scanProbe.done');
      // The first few warm up the page and the register.
      if (i >= 5) times.push(ms);
    }
    return times;
  } finally {
    await context.close();
    await reg.stop();
  }
}

export async function benchBrowser(log: (line: string) => void): Promise<BrowserFigures> {
  // Always measure the code as it is now: the build takes seconds. Not in the smoke run inside
  // `npm test`, which has just built: there, rebuilding emptied out/ while the other vitest worker
  // ran suites that start out/main (build-output, self-check, the Electron start sequence).
  if (!SMOKE) {
    const build = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`build failed:\n${build.stderr}${build.stdout}`);
  }
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  try {
    const starts = await coldStarts(browser);
    const scans = await scansToLine(browser);
    const figures: BrowserFigures = {
      scan_to_line_demo_p95_ms: figure(percentile(scans, 95), 1),
      cold_start_ms: figure(median(starts), 0),
    };
    log(`\nBrowser mode in Chromium (Playwright): out/main/web.js, demo catalog`);
    log(`  cold start, process spawn → first-run form ready   median ${fmt(figures.cold_start_ms, 0)} ms  (${starts.map((t) => fmt(t, 0)).join(', ')} ms)`);
    log(
      `  scan → line on screen (Enter → first frame after)  p50 ${fmt(percentile(scans, 50), 1)} ms  p95 ${fmt(figures.scan_to_line_demo_p95_ms, 1)} ms  max ${fmt(Math.max(...scans), 1)} ms  (n=${scans.length})`,
    );
    return figures;
  } finally {
    await browser.close();
  }
}
