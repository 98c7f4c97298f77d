import { callRegister, expect, ringUpAdHoc, saleScreenReady, scan, setUpOwner, test } from './fixtures';

// Demo catalog: 6901234567892 = 农夫山泉 550ml ¥2.00; 2100001004521 = 0.452 kg of apples at ¥9.80/kg.
const WATER = '6901234567892';

test("the customer display follows the sale on a second page, in the customer's language, and can do nothing but read", async ({ page, register, context }) => {
  await setUpOwner(page, register);
  // The second page: same origin, so the same launch token from this browser's storage.
  const display = await context.newPage();
  await display.goto(`${register.origin}/customer-display.html`);
  await expect(display.getByTestId('display-store')).toHaveText('测试便利店');
  await expect(display.getByTestId('display-welcome')).toHaveText('欢迎光临');
  // Drawn in the font the app ships, served by the register: a till without a CJK font shows Chinese, not boxes.
  expect(await display.evaluate(async () => (await document.fonts.load('16px "Noto Sans SC"', '欢迎光临')).length)).toBeGreaterThan(0);

  await scan(page, WATER);
  await scan(page, '2100001004521');
  await expect(display.getByTestId('display-line')).toHaveCount(2);
  await expect(display.getByTestId('display-line').nth(0)).toContainText('农夫山泉 550ml');
  await expect(display.getByTestId('display-line').nth(1)).toContainText('0.452 kg × ¥9.80/kg');
  await expect(display.getByTestId('display-total')).toHaveText('¥6.43');
  // No rounding set: no second figure.
  await expect(display.getByTestId('display-cash-due')).toHaveCount(0);

  // The customer picks English on their screen; the cashier's screen stays Chinese.
  await display.getByRole('button', { name: 'English' }).click();
  await expect(display.getByText('Total', { exact: true })).toBeVisible();
  await expect(page.getByTestId('cart-empty')).toHaveCount(0);
  await expect(page.getByRole('button', { name: /现金/ }).first()).toBeVisible();

  await page.keyboard.press('F12');
  await page.getByTestId('tendered').fill('10');
  await page.getByTestId('take-cash').click();
  await expect(page.getByTestId('receipt-no')).toHaveText('R1-000001');
  await expect(display.getByTestId('display-thanks')).toHaveText('Thank you, see you again!');
  await expect(display.getByTestId('display-change')).toHaveText('Your change: ¥3.57');

  // Read-only: over its own socket the display may read its view and nothing else.
  const answers = await display.evaluate(async (host) => {
    const token = localStorage.getItem('ringup.launchToken') ?? '';
    const ws = new WebSocket(`ws://${host}/ws/display`, ['ringup.v1', `ringup.token.${token}`]);
    await new Promise((r) => (ws.onopen = r));
    const results: Record<number, unknown> = {};
    const done = new Promise<void>((resolve) => {
      ws.onmessage = (e) => {
        const m = JSON.parse(String(e.data)) as { type: string; id?: number; result?: unknown };
        if (m.type === 'result' && m.id !== undefined) results[m.id] = m.result;
        if (Object.keys(results).length === 3) resolve();
      };
    });
    ws.send(JSON.stringify({ type: 'call', id: 1, name: 'sale.current', input: {} }));
    ws.send(JSON.stringify({ type: 'call', id: 2, name: 'session.logout', input: {} }));
    ws.send(JSON.stringify({ type: 'call', id: 3, name: 'display.current', input: {} }));
    await done;
    ws.close();
    return results;
  }, new URL(register.origin).host);
  expect(answers[1]).toEqual({ ok: false, error: { code: 'request.unknown_call', params: {} } });
  expect(answers[2]).toEqual({ ok: false, error: { code: 'request.unknown_call', params: {} } });
  expect(answers[3]).toMatchObject({ ok: true, value: { state: 'done', storeName: '测试便利店' } });
  // The cashier is still logged in: the logout never reached the register.
  await page.getByTestId('next-sale').click();
  await expect(page.getByTestId('cart-empty')).toBeVisible();
});

test('the customer display shows the amount asked by payment code while the customer confirms it, and the training mark on practice sales', async ({
  page,
  register,
  context,
}) => {
  await setUpOwner(page, register);
  const display = await context.newPage();
  await display.goto(`${register.origin}/customer-display.html`);
  await expect(display.getByTestId('display-welcome')).toHaveText('欢迎光临');

  // The demo provider keeps a WeChat payment of an amount ending in .31 waiting for the customer's password.
  await ringUpAdHoc(page, '矿泉水整箱', '12.31');
  await scan(page, '134567890123456789');
  await expect(page.getByTestId('scan-step')).toContainText('请顾客在手机上输入支付密码', { timeout: 10_000 });
  await expect(display.getByTestId('display-scan-pay')).toHaveText('正在用付款码支付 ¥12.31…');
  await expect(page.getByTestId('completion')).toBeVisible({ timeout: 20_000 });
  await expect(display.getByTestId('display-scan-pay')).toHaveCount(0);
  await expect(display.getByTestId('display-thanks')).toHaveText('谢谢惠顾，欢迎再来！');
  await expect(display.getByTestId('display-training')).toHaveCount(0);
  await page.getByTestId('next-sale').click();

  // A practice sale: the customer is told too, so nobody takes it for a real one.
  await page.getByTestId('open-back-office').click();
  await page.getByTestId('back-office-nav-training').click();
  await page.getByTestId('training-register').click();
  await expect(page.getByTestId('training-register')).toBeChecked();
  await page.getByTestId('back-to-sale').click();
  await saleScreenReady(page);
  await scan(page, WATER);
  await expect(display.getByTestId('display-line')).toHaveCount(1);
  await expect(display.getByTestId('display-training')).toContainText('练习');
});

test('rounded for cash, the display shows the cash the cashier asks for beside the total', async ({ page, register, context }) => {
  await setUpOwner(page, register);
  expect(await callRegister(page, 'settings.update', { cashRoundingStepMinor: 10 })).toMatchObject({ ok: true });
  const display = await context.newPage();
  await display.goto(`${register.origin}/customer-display.html`);
  await scan(page, '2100001004521'); // 0.452 kg × ¥9.80 = ¥4.43
  await expect(display.getByTestId('display-total')).toHaveText('¥4.43');
  await expect(display.getByTestId('display-cash-due')).toHaveText('现金应付 ¥4.40');
  await page.keyboard.press('F12');
  await expect(page.getByTestId('payment')).toContainText('¥4.40');
});
