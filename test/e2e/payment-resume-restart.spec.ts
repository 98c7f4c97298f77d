import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startWebRegister, type WebRegister } from '../support/web-register';
import { restartAndLogIn } from './restart-steps';
import { callRegister, closePagesAndStop, expect, ringUpAdHoc, setUpOwner, test } from './fixtures';

// The whole register process dies while the customer is at the card terminal (the demo terminal
// keeps them 8 s on the PIN for amounts ending in .47) and is started again on the same data
// folder and address. Its start-up recovery settles the payment; the cashier's window, back
// after logging in again, shows how it ended instead of a cart that silently lost its payment.
test('card: the register restarts while the customer enters the PIN; after logging in again the window says how the payment ended', async ({
  page,
  context,
}) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ringup-web-restart-'));
  let current: WebRegister = await startWebRegister({ dataDir });
  try {
    await setUpOwner(page, current);
    await ringUpAdHoc(page, '礼品卡套', '23.47');
    await page.getByTestId('pay-card').click();
    await expect(page.getByTestId('card-step')).toHaveText('请顾客输入密码', { timeout: 10_000 });

    current = await restartAndLogIn(page, current, dataDir);
    // The demo terminal started afresh with the register: it never booked the payment. The restart
    // cut it off; no bank declined the card, and the cashier is not told it did.
    await expect(page.getByTestId('error')).toHaveText('收银机重新启动，这笔刷卡没有完成，未扣款。可以再次刷卡。', { timeout: 20_000 });
    await expect(page.getByTestId('card-step')).toBeHidden();
    await expect(page.getByTestId('payment')).toBeVisible();
    await expect(page.getByTestId('amount-due')).toHaveText('¥23.47');
    await expect(page.getByTestId('pay-card')).toBeEnabled();
    const open = (await callRegister(page, 'sale.current', {})) as { value: { status: string; payments: unknown[] } };
    expect(open.value).toMatchObject({ status: 'open', payments: [] });
  } finally {
    await closePagesAndStop(context, current.stop);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
