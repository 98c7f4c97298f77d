import { existsSync } from 'node:fs';
import { APP_ENTRY_URL } from '../../main/host/electron-policy/app-url';
import { appCsp } from '../../main/host/electron-policy/csp';
import { ledgerPathIn, openRegister } from '../../main/register';
import { expect, launchRegister, test, type RendererGlobals } from './fixtures';

const OWNER_PIN = '2580';
const WATER_BARCODE = '6901234567892'; // demo catalog: mineral water, 2.00

test.describe('window hardening', () => {
  test('the window shows app://ringup, with context isolation and no Node in the page', async ({ page }) => {
    expect(page.url()).toBe(APP_ENTRY_URL);
    const seen = await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      return {
        // contextBridge refuses to work without context isolation, so the bridge existing proves it.
        bridge: typeof g.ringup,
        require: typeof g.require,
        process: typeof g.process,
        module: typeof g.module,
        Buffer: typeof g.Buffer,
        isSecureContext: g.isSecureContext,
      };
    });
    expect(seen).toEqual({ bridge: 'object', require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined', isSecureContext: true });
  });

  test('a page that replaces built-ins in its own world cannot reach into the preload', async ({ page }) => {
    // With context isolation the preload keeps its own JSON/Array: the bridge still answers.
    const result = await page.evaluate(async () => {
      const g = globalThis as unknown as { JSON: unknown; Array: { prototype: { push: unknown } } };
      const saved = { JSON: g.JSON, push: g.Array.prototype.push };
      g.JSON = null;
      g.Array.prototype.push = () => {
        throw new Error('tampered');
      };
      try {
        return await (globalThis as RendererGlobals).ringup!.invoke('session.current', {});
      } finally {
        g.JSON = saved.JSON;
        g.Array.prototype.push = saved.push;
      }
    });
    expect(result).toMatchObject({ ok: true });
  });

  test('app:// serves the renderer with the CSP header and refuses traversal', async ({ page }) => {
    const responses = await page.evaluate(async () => {
      const probe = async (path: string) => {
        const r = await fetch(path);
        return { status: r.status, csp: r.headers.get('content-security-policy'), nosniff: r.headers.get('x-content-type-options') };
      };
      return {
        index: await probe('/index.html'),
        encodedSlash: await probe('/..%2f..%2fpackage.json'),
        encodedDots: await probe('/%2e%2e%2f%2e%2e%2fpackage.json'),
        backslash: await probe('/..%5c..%5cpackage.json'),
        missing: await probe('/no-such-file.js'),
      };
    });
    expect(responses.index).toEqual({ status: 200, csp: appCsp(), nosniff: 'nosniff' });
    for (const refused of [responses.encodedSlash, responses.encodedDots, responses.backslash, responses.missing]) expect(refused.status).toBe(404);
  });

  test('the CSP blocks inline scripts and remote requests', async ({ page }) => {
    const violated = await page.evaluate(
      () =>
        new Promise<string>((resolve) => {
          const g = globalThis as RendererGlobals;
          g.document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective));
          const script = g.document.createElement('script');
          script.textContent = 'globalThis.__inline = 1';
          g.document.head.append(script);
          setTimeout(() => resolve('none'), 2_000);
        }),
    );
    expect(violated).toMatch(/^script-src/);
    expect(await page.evaluate(() => (globalThis as unknown as Record<string, unknown>).__inline)).toBeUndefined();
    const remote = await page.evaluate(() =>
      fetch('https://example.com/').then(
        () => 'loaded',
        () => 'blocked',
      ),
    );
    expect(remote).toBe('blocked');
  });

  test('permissions are refused', async ({ page }) => {
    const state = await page.evaluate(async () => {
      const nav = (globalThis as unknown as { navigator: { permissions: { query(d: { name: string }): Promise<{ state: string }> } } }).navigator;
      return (await nav.permissions.query({ name: 'geolocation' })).state;
    });
    expect(state).toBe('denied');
  });
});

test.describe('navigation denial', () => {
  test('the page cannot navigate away, open windows, or reach file://', async ({ app, page, mainLog }) => {
    for (const target of ['https://example.com/', 'file:///etc/passwd', 'app://ringup.evil/index.html']) {
      await page.evaluate((url) => {
        (globalThis as RendererGlobals).location.href = url;
      }, target);
      // Main refuses the navigation in will-navigate and logs it: that refusal is what would have come first.
      await expect.poll(() => mainLog.join('').includes(`refused navigation to ${target}`), { message: target }).toBe(true);
      expect(page.url(), `after trying ${target}`).toBe(APP_ENTRY_URL);
    }
    // javascript: is not a navigation at all: the page stays and still answers.
    await page.evaluate(() => {
      (globalThis as RendererGlobals).location.href = 'javascript:void(0)';
    });
    expect(await page.evaluate(() => (globalThis as RendererGlobals).location.href)).toBe(APP_ENTRY_URL);
    // window.open is answered by main's handler before it returns: null means it was denied.
    expect(await page.evaluate(() => (globalThis as RendererGlobals).open('https://example.com/'))).toBeNull();
    expect(await page.evaluate(() => (globalThis as RendererGlobals).open('app://ringup/index.html'))).toBeNull();
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(app.windows()).toHaveLength(1);
    // The bridge still works: the page was never replaced.
    expect(await page.evaluate(() => typeof (globalThis as RendererGlobals).ringup?.invoke)).toBe('function');
  });
});

test.describe('preload surface', () => {
  test('window.ringup is the only addition, with invoke and on only', async ({ page }) => {
    const surface = await page.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown>;
      const api = g.ringup as Record<string, unknown>;
      return {
        keys: Object.keys(api).sort(),
        types: Object.keys(api)
          .sort()
          .map((k) => typeof api[k]),
        suspicious: Object.getOwnPropertyNames(g).filter((k) => /ringup|ipc|electron|require|contextBridge/i.test(k)),
      };
    });
    expect(surface).toEqual({ keys: ['invoke', 'on'], types: ['function', 'function'], suspicious: ['ringup'] });
  });

  test('on() refuses unknown events and returns an unsubscribe function', async ({ page }) => {
    const result = await page.evaluate(() => {
      const api = (globalThis as RendererGlobals).ringup!;
      let refused = false;
      try {
        (api.on as (e: string, l: () => void) => () => void)('ipc:anything', () => undefined);
      } catch {
        refused = true;
      }
      const off = api.on('sale.changed', () => undefined);
      return { refused, off: typeof off };
    });
    expect(result).toEqual({ refused: true, off: 'function' });
  });

  test("unknown calls get the router's coded error, not an exception", async ({ page }) => {
    const result = await page.evaluate(() => (globalThis as RendererGlobals).ringup!.invoke('__proto__' as never, {}));
    expect(result).toMatchObject({ ok: false, error: { code: 'request.unknown_call' } });
  });
});

test.describe('a cash sale through real IPC', () => {
  test('rings up, pays cash, pushes events, and survives a restart with the ledger closed cleanly', async ({ app, page, dataDir }) => {
    const outcome = await page.evaluate(
      async ({ pin, barcode }) => {
        const api = (globalThis as RendererGlobals).ringup!;
        const events: string[] = [];
        let completed: () => void = () => undefined;
        const sawCompletion = new Promise<void>((resolve) => (completed = resolve));
        const off = api.on('sale.changed', (sale) => {
          events.push(`${sale.status}:${sale.lines.length}`);
          if (sale.status === 'completed') completed();
        });
        const owner = await api.invoke('setup.createOwner', { name: 'Owner', pin });
        const sale = await api.invoke('sale.current', {});
        if (!owner.ok || !sale.ok) return { error: JSON.stringify([owner, sale]) };
        const added = await api.invoke('sale.addProduct', { saleId: sale.value.id, code: barcode });
        const paid = await api.invoke('sale.tenderCash', { saleId: sale.value.id, tenderedMinor: 1000, idempotencyKey: 'electron-e2e-cash-0001' });
        const replay = await api.invoke('sale.tenderCash', { saleId: sale.value.id, tenderedMinor: 1000, idempotencyKey: 'electron-e2e-cash-0001' });
        // The completion event, not a pause, says every event of the sale has arrived.
        await sawCompletion;
        off();
        return { ownerId: owner.value.operator?.id ?? 0, added, paid, replay, events };
      },
      { pin: OWNER_PIN, barcode: WATER_BARCODE },
    );
    if ('error' in outcome) throw new Error(outcome.error);
    expect(outcome.added.ok && outcome.added.value.remainingMinor).toBe(200);
    expect(outcome.paid).toMatchObject({ ok: true, value: { receiptNo: 1, changeMinor: 800, sale: { status: 'completed' } } });
    expect(outcome.replay).toEqual(outcome.paid); // idempotent: a double click never charges twice
    expect(outcome.events).toContain('open:1');

    await app.close();
    const ledger = ledgerPathIn(dataDir);
    expect(existsSync(ledger)).toBe(true);
    // SQLite removes the WAL only when the last connection closes cleanly.
    expect(existsSync(`${ledger}-wal`)).toBe(false);

    // The sale is in the ledger: read it back in Node, then once more through a relaunched app.
    const register = openRegister({ ledgerFile: ledger });
    try {
      expect((await register.dispatch('session.login', { operatorId: outcome.ownerId, pin: OWNER_PIN })).ok).toBe(true);
      const stored = await register.dispatch('sale.byReceipt', { receiptNo: 1 });
      expect(stored).toMatchObject({ ok: true, value: { status: 'completed', paidMinor: 200 } });
    } finally {
      register.close();
    }

    const again = await launchRegister(dataDir);
    try {
      const page2 = await again.firstWindow();
      await expect.poll(() => page2.evaluate(() => typeof (globalThis as RendererGlobals).ringup)).toBe('object');
      const operators = await page2.evaluate(() => (globalThis as RendererGlobals).ringup!.invoke('session.operators', {}));
      expect(operators).toMatchObject({ ok: true, value: [{ id: outcome.ownerId }] });
    } finally {
      await again.close();
    }
  });
});

test.describe('single instance', () => {
  test('a second launch on the same data folder quits and leaves the first running', async ({ app, page, dataDir }) => {
    const second = await launchRegister(dataDir).catch((error: unknown) => (error instanceof Error ? error : new Error(String(error))));
    if (!(second instanceof Error)) {
      // Playwright may attach before the lock check quits it: it must still exit on its own.
      await expect.poll(() => second.process().exitCode, { timeout: 15_000 }).not.toBeNull();
    }
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(page.url()).toBe(APP_ENTRY_URL);
  });
});
