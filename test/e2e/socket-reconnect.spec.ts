import type { WebSocketRoute } from '@playwright/test';
import { callRegister, expect, setUpOwner, test } from './fixtures';

// Browser mode: the page's socket to the register drops (the host cuts off a tab that stopped
// reading; a line fails) while the sale changes in another window, then comes back. The events
// sent meanwhile never reached the page: it reloads and shows the sale as main has it.
test('a socket that drops and comes back reloads the page: the line added meanwhile in another window is on screen', async ({ page, context, register }) => {
  const routes: WebSocketRoute[] = [];
  let reopen: () => void = () => undefined;
  const reopened = new Promise<void>((resolve) => (reopen = resolve));
  await page.routeWebSocket(/\/ws$/, async (ws) => {
    // Once the first socket has gone, the way back stays shut until the other window has rung the line up.
    if (routes.some((r) => r !== ws)) await reopened;
    routes.push(ws);
    ws.connectToServer();
  });
  await setUpOwner(page, register);
  await expect(page.getByTestId('cart-empty')).toBeVisible();
  const [first] = routes;
  if (!first) throw new Error('the page opened no socket');
  await page.evaluate(() => ((globalThis as { beforeDrop?: boolean }).beforeDrop = true));

  // The other window (not routed) rings up a line while this page's socket is down.
  const other = await context.newPage();
  await other.goto(register.url);
  await expect(other.getByTestId('operator-name')).toBeVisible();
  await first.close();
  const sale = (await callRegister(other, 'sale.current', {})) as { value: { id: string } };
  expect(await callRegister(other, 'sale.addCustomLine', { saleId: sale.value.id, name: '断线期间', qtyMilli: 1000, unitPriceMinor: 500 })).toMatchObject({
    ok: true,
  });
  reopen();

  await expect(page.getByTestId('cart-line')).toHaveCount(1, { timeout: 10_000 });
  await expect(page.getByTestId('cart-line')).toContainText('断线期间');
  // A fresh page, not the old one patched: what it showed before the drop is gone with it.
  expect(await page.evaluate(() => (globalThis as { beforeDrop?: boolean }).beforeDrop ?? false)).toBe(false);
});
