import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { randomUUID } from 'node:crypto';
import WebSocket from 'ws';
import { TOKEN_STORAGE_KEY, WS_PROTOCOL, WS_TOKEN_PREFIX, type ServerMessage } from '../../preload/contract/web-protocol';
import { startWebRegister, type WebRegister } from '../support/web-register';

export type Register = Pick<WebRegister, 'origin' | 'url' | 'token' | 'pid' | 'output'>;

/**
 * Starts a register in browser mode with demo data on a fresh data folder, as its own process on
 * its own port. The `register` fixture is one; a test that needs a second starts it here.
 */
export async function startRegister(options: { demo?: boolean } = {}): Promise<{ register: Register; stop(): Promise<void> }> {
  const register = await startWebRegister(options);
  return { register, stop: register.stop };
}

/**
 * Closes a test's pages, then stops their register: a page still loading something (the shipped
 * CJK font is fetched a subset at a time, as characters and weights are first used, the receipt
 * preview's too) would otherwise log a refused request.
 */
export async function closePagesAndStop(context: BrowserContext, stop: () => Promise<void>): Promise<void> {
  for (const p of context.pages()) await p.close();
  await stop();
}

/** A register in browser mode with demo data on a fresh data folder, stopped after the test. */
export const test = base.extend<{ register: Register; pageErrors: string[] }>({
  /** Console errors and uncaught exceptions (a CSP violation shows up here); each test ends by checking none happened. */
  pageErrors: [
    async ({ context }, use) => {
      const errors: string[] = [];
      context.on('page', (p) => {
        p.on('pageerror', (e) => errors.push(e.message));
        p.on('console', (m) => m.type() === 'error' && errors.push(`${m.text()} (${m.location().url})`));
      });
      await use(errors);
      expect(errors, 'errors in the page console').toEqual([]);
    },
    { auto: true },
  ],
  register: async ({ context }, use) => {
    const { register, stop } = await startRegister();
    try {
      await use(register);
    } finally {
      await closePagesAndStop(context, stop);
    }
  },
});

export { expect };

export const OWNER = { name: '王店长', pin: '2580', store: '测试便利店' };

/**
 * The owner logged in on the sale screen, with a shift opened on FLOAT and the wizard left for
 * later, as createOwner and openShift leave it. The first run in Chinese is arranged through the
 * register's own calls, the ones those screens send (their own specs drive the screens): 228
 * tests start here, and driving the three screens cost each of them about 0.7–0.9 s.
 */
export async function setUpOwner(page: Page, register: Register, language: 'zh-CN' | 'en' = 'zh-CN'): Promise<void> {
  if (language !== 'zh-CN') {
    // The page keeps the language the first-run screen chose; that screen sets it for English.
    await createOwner(page, register, language);
    await openShift(page);
  } else {
    await arrangeFirstRun(register);
    await page.goto(register.url);
    await expect(page.getByTestId('operator-name')).toContainText(OWNER.name);
  }
  await saleScreenReady(page);
}

/** What the first-run screen, its 以后再说 and the opening count send, in that order. */
async function arrangeFirstRun(register: Register): Promise<void> {
  await registerCall(register, 'setup.createOwner', { name: OWNER.name, pin: OWNER.pin, storeLocale: 'zh-CN', storeName: OWNER.store });
  await registerCall(register, 'settings.update', { setupWizardDone: true });
  const { denominations } = (await registerCall(register, 'shift.current', {})) as { denominations: number[] };
  // The till sends every denomination, zeros included.
  const counts = denominations.map((d) => ({ denominationMinor: d, count: Number((FLOAT as Record<number, string>)[d] ?? 0) }));
  await registerCall(register, 'shift.open', { float: { kind: 'counted', counts }, idempotencyKey: randomUUID().replaceAll('-', '') });
}

/**
 * One call to the register from the test itself, over a socket of its own that presents what
 * the page would: the register's origin and the launch token. A refusal fails the test.
 */
async function registerCall(register: Register, name: string, input: unknown): Promise<unknown> {
  const ws = new WebSocket(`${register.origin.replace(/^http/, 'ws')}/ws`, [WS_PROTOCOL, `${WS_TOKEN_PREFIX}${register.token}`], {
    headers: { Origin: register.origin },
  });
  try {
    await new Promise<void>((opened, failed) => {
      ws.once('open', () => opened());
      ws.once('error', failed);
    });
    const result = await new Promise<ServerMessage & { type: 'result' }>((answered, failed) => {
      ws.on('message', (data: Buffer) => {
        const message = JSON.parse(data.toString()) as ServerMessage;
        if (message.type === 'result' && message.id === 1) answered(message);
      });
      ws.once('error', failed);
      ws.send(JSON.stringify({ type: 'call', id: 1, name, input }));
    });
    if (!result.result.ok) throw new Error(`${name} refused: ${JSON.stringify(result.result.error)}`);
    return result.result.value;
  } finally {
    ws.close();
  }
}

/** The first run up to the owner logged in, the wizard left for later: the register then asks for the opening float. */
export async function createOwner(page: Page, register: Register, language: 'zh-CN' | 'en' = 'zh-CN'): Promise<void> {
  await page.goto(register.url);
  await expect(page.getByRole('heading', { name: '欢迎使用 Ringup' })).toBeVisible();
  await page.getByLabel('店主姓名').fill(OWNER.name);
  await page.getByLabel('密码（4–8 位数字）').fill(OWNER.pin);
  await page.getByLabel('再次输入密码').fill(OWNER.pin);
  await page.getByLabel('店铺名称').fill(OWNER.store);
  await page.getByLabel('店铺语言').selectOption(language);
  await page.getByRole('button', { name: '创建店主并开始' }).click();
  // The rest of the first-run wizard is for wizard.spec.ts; here the owner finishes it later.
  await page.getByTestId('wizard-later').click();
  await expect(page.getByTestId('operator-name')).toContainText(OWNER.name);
}

/** The opening float the e2e shifts start with: 2 × ¥100 and 5 × ¥10. */
export const FLOAT = { 10000: '2', 1000: '5' } as const;

/**
 * What the operator does after logging in to a register without a shift: counts the float by
 * denomination and opens one. Sales need it.
 */
export async function openShift(page: Page, counts: Record<number, string> = FLOAT): Promise<void> {
  await expect(page.getByTestId('open-shift')).toBeVisible();
  for (const [denomination, pieces] of Object.entries(counts)) await page.getByTestId(`count-${denomination}`).fill(pieces);
  await page.getByTestId('opening-count-submit').click();
  await expect(page.getByTestId('open-shift')).toBeHidden();
}

/**
 * The sale screen has loaded its sale and listens for keys: it focuses the search field as it
 * starts. The header shows the operator a moment earlier, and a shortcut pressed in that moment
 * would go nowhere.
 */
export async function saleScreenReady(page: Page): Promise<void> {
  await expect(page.getByTestId('search')).toBeFocused();
}

/**
 * The next sale's screen, empty and listening: the completed sale's cart is gone, so a key or a
 * scan acts on the new sale. The sale screen focuses its search field as it mounts; the empty
 * cart says the register's new sale has been loaded into it.
 */
export async function nextSaleReady(page: Page): Promise<void> {
  await expect(page.getByTestId('cart-empty')).toBeVisible();
  await saleScreenReady(page);
}

/**
 * The number the completion screen shows, as the receipt prints it (R1-000042), read back as the
 * ledger counts it (42) for the calls that look a sale up by number.
 */
export async function completedReceiptNo(page: Page): Promise<number> {
  const text = (await page.getByTestId('receipt-no').textContent()) ?? '';
  const match = /^R\d+-(?:T-)?(\d{6})$/.exec(text);
  expect(match, `receipt number "${text}"`).not.toBeNull();
  return Number(match?.[1]);
}

/**
 * The completion screen takes Enter (next sale) once it has put the focus on its 下一笔 button:
 * it shows the completed sale a moment before it listens, and an Enter in that moment is lost.
 */
export async function completionReady(page: Page): Promise<void> {
  await expect(page.getByTestId('completion')).toBeVisible();
  await expect(page.getByTestId('next-sale')).toBeFocused();
}

/** Leaves the completion screen by Enter, as a cashier does, and waits for the next sale's empty cart. */
export async function nextSale(page: Page): Promise<void> {
  await completionReady(page);
  await page.keyboard.press('Enter');
  await nextSaleReady(page);
}

/**
 * Leaves a finished return or void by Enter, back to the sale. The done panel listens for Enter
 * once it has put the focus on its finish button; it shows its figures a moment before.
 */
export async function finishRefund(page: Page): Promise<void> {
  await expect(page.getByTestId('refund-finish')).toBeFocused();
  await page.keyboard.press('Enter');
  await saleScreenReady(page);
}

/** An ad-hoc item paid in cash by mouse, checked to print as `receiptNo`; ends on the next sale, ready for keys. */
export async function adHocCashSale(page: Page, item: { name: string; price: string; tendered: string; receiptNo: string }): Promise<void> {
  await ringUpAdHoc(page, item.name, item.price);
  await page.getByTestId('tendered').fill(item.tendered);
  await page.getByTestId('take-cash').click();
  await expect(page.getByTestId('receipt-no')).toHaveText(item.receiptNo);
  await page.getByTestId('next-sale').click();
  await nextSaleReady(page);
}

/** F12 opens the payment screen; keys sent before it has taken the focus still reach the sale screen (where F8 is a line discount). */
export async function openPayment(page: Page): Promise<void> {
  await page.keyboard.press('F12');
  await expect(page.getByTestId('tendered')).toBeFocused();
}

/**
 * Adds one ad-hoc item (F4) at `price` (yuan) and goes on to the payment screen: how the card
 * and printing tests get a sale of exactly the amount they need.
 */
export async function ringUpAdHoc(page: Page, name: string, price: string): Promise<void> {
  await page.keyboard.press('F4');
  const adHoc = page.getByRole('dialog', { name: '临时商品' });
  await adHoc.getByLabel('商品名称').fill(name);
  await adHoc.getByLabel('数量').fill('1');
  await adHoc.getByLabel('单价').fill(price);
  await adHoc.getByRole('button', { name: '加入销售' }).click();
  await expect(adHoc).toBeHidden();
  await page.getByTestId('pay-cash').click();
  await expect(page.getByTestId('payment')).toBeVisible();
}

/** Points the register at a (virtual) network printer on 127.0.0.1 and saves; leaves the back office on the printer section. */
export async function connectPrinter(page: Page, port: number): Promise<void> {
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-printer').click();
  await page.getByTestId('printer-enabled').check();
  await page.getByTestId('printer-host').fill('127.0.0.1');
  await page.getByTestId('printer-port').fill(String(port));
  await page.getByTestId('printer-save').click();
  await expect(page.getByTestId('notice')).toHaveText('打印机设置已保存。');
}

/**
 * A keyboard-wedge scanner: the whole code in one fast burst, then Enter. `gapMs(i)` is the gap
 * before key i (4 ms by default): a till under load holds a key back now and then.
 */
export async function scan(page: Page, code: string, gapMs: (index: number) => number = () => 4): Promise<void> {
  // The till tells a scan from typing by the keys' own timestamps. A real scanner stamps them a
  // few ms apart whatever the machine is doing; so do we, through the DevTools protocol, so a busy
  // test machine cannot turn a scan into typing.
  const cdp = await page.context().newCDPSession(page);
  let at = Date.now() / 1000;
  const press = async (key: string, text: string, extra: Record<string, unknown> = {}) => {
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyDown', key, text, timestamp: at, ...extra });
    await cdp.send('Input.dispatchKeyEvent', { type: 'keyUp', key, timestamp: at + 0.001, ...extra });
  };
  const keys = [...code];
  for (const [i, ch] of keys.entries()) {
    if (i > 0) at += gapMs(i) / 1000;
    await press(ch, ch);
  }
  at += gapMs(keys.length) / 1000;
  await press('Enter', '\r', { code: 'Enter', windowsVirtualKeyCode: 13 });
  await cdp.detach();
}

/**
 * Calls the register the way the page does, over its own WebSocket presenting the launch token
 * the page keeps. Only for arranging what the UI has no screen for yet, such as adding a cashier.
 */
export async function callRegister(page: Page, name: string, input: unknown): Promise<unknown> {
  return page.evaluate(
    ({ name, input, protocol, tokenPrefix, tokenKey }) =>
      new Promise((resolveCall, reject) => {
        // Runs in the page; the node project has no DOM types, so the globals are typed here.
        interface PageSocket {
          onerror: () => void;
          onopen: () => void;
          onmessage: (event: { data: string }) => void;
          send(text: string): void;
          close(): void;
        }
        const page = globalThis as unknown as {
          WebSocket: new (url: string, protocols: string[]) => PageSocket;
          location: { host: string };
          localStorage: { getItem(key: string): string | null };
        };
        const ws = new page.WebSocket(`ws://${page.location.host}/ws`, [protocol, `${tokenPrefix}${page.localStorage.getItem(tokenKey) ?? ''}`]);
        ws.onerror = () => reject(new Error('socket failed'));
        ws.onopen = () => ws.send(JSON.stringify({ type: 'call', id: 1, name, input }));
        ws.onmessage = (event) => {
          const message = JSON.parse(event.data) as { type: string; id?: number; result?: unknown };
          if (message.type !== 'result' || message.id !== 1) return;
          ws.close();
          resolveCall(message.result);
        };
      }),
    { name, input, protocol: WS_PROTOCOL, tokenPrefix: WS_TOKEN_PREFIX, tokenKey: TOKEN_STORAGE_KEY },
  );
}

/**
 * The text of the receipt preview on screen (the printer's own layout, an SVG in the page).
 * receiptline sets each character in its own <tspan>; its no-break spaces read as spaces.
 */
export async function previewText(page: Page): Promise<string> {
  const svg = page.getByTestId('receipt-preview').locator('svg');
  await expect(svg).toBeVisible();
  return (await svg.evaluate((el) => el.textContent ?? '')).replace(/\u00a0/g, ' ');
}
