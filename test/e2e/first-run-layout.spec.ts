import { expect, FLOAT, OWNER, scan, test } from './fixtures';
import { checkLayout, inViewport } from './layout';
import { WATER } from './refund-steps';

// Issue 13, layout and accessibility at 1024×768 of the screens around the sale, in Chinese and
// in English: the first-run owner form and every step of the setup wizard, the opening count of
// a shift, the login screen, the customer display, and the blind count at the shift's close with
// its result. The wizard speaks the language chosen on the owner form, so each language is a
// first run of its own. Each state: no sideways scroll, nothing out of its box or clipped, 44 px
// targets, no axe violation; a screenshot of each is kept.
const LANGUAGES = [
  { lang: 'zh-CN', button: '中文', steps: ['店铺信息', '收银机', '小票', '税率', '商品', '打印机', '刷卡终端'] },
  { lang: 'en', button: 'English', steps: 7 },
] as const;

for (const { lang, button, steps } of LANGUAGES) {
  test(`${lang}: the first run, the wizard, the opening and blind counts, the login and the customer display fit 1024×768 and pass an axe audit`, async ({
    page,
    context,
    register,
  }, info) => {
    test.setTimeout(120_000);
    const at = `${lang} 1024x768`;
    await page.setViewportSize({ width: 1024, height: 768 });
    await page.goto(register.url);
    await expect(page.getByRole('heading', { name: '欢迎使用 Ringup' })).toBeVisible();
    await page.getByLabel('店主姓名').fill(OWNER.name);
    await page.getByLabel('密码（4–8 位数字）').fill(OWNER.pin);
    await page.getByLabel('再次输入密码').fill(OWNER.pin);
    await page.getByLabel('店铺名称').fill(OWNER.store);
    await page.getByLabel('店铺语言').selectOption(lang);
    // The form keeps what was typed when the screen's language changes.
    await page.getByRole('button', { name: button, exact: true }).click();
    await expect(page.getByRole('button', { name: button, exact: true })).toHaveAttribute('aria-pressed', 'true');
    await checkLayout(page, info, `${at} setup owner`);
    await page.locator('form.setup button[type="submit"]').click();

    // Every step of the wizard, in order, skipped once checked.
    const step = page.getByTestId('wizard-step');
    const count = typeof steps === 'number' ? steps : steps.length;
    for (let i = 0; i < count; i++) {
      await expect(page.locator('.wizard__steps [aria-current="step"]')).toHaveText((await step.textContent()) ?? 'none');
      if (typeof steps !== 'number') await expect(step).toHaveText(steps[i] ?? '');
      await checkLayout(page, info, `${at} wizard ${i + 1}`);
      await page.getByTestId('wizard-skip').click();
      if (i + 1 < count) await expect(page.locator('.wizard__steps li').nth(i + 1)).toHaveAttribute('aria-current', 'step');
    }

    // The opening count: the float by denomination.
    await expect(page.getByTestId('open-shift')).toBeVisible();
    for (const [denomination, pieces] of Object.entries(FLOAT)) await page.getByTestId(`count-${denomination}`).fill(pieces);
    await checkLayout(page, info, `${at} opening count`);
    await page.getByTestId('opening-count-submit').click();
    await expect(page.getByTestId('search')).toBeFocused();

    // The login screen, before and after the operator is chosen.
    await page.getByTestId('logout').click();
    await expect(page.getByRole('option', { name: new RegExp(OWNER.name) })).toBeVisible();
    await checkLayout(page, info, `${at} login`);
    await page.getByRole('option', { name: new RegExp(OWNER.name) }).click();
    await expect(page.getByTestId('pin')).toBeFocused();
    // The whole pad and its Log in button on the screen, not below the fold of a 768 px counter screen.
    expect(await inViewport(page.locator('.pin-pad .button--primary')), `${at}: log in button`).toBe(true);
    await checkLayout(page, info, `${at} login pin`);
    await page.getByTestId('pin').fill(OWNER.pin);
    await page.getByTestId('pin').press('Enter');
    await expect(page.getByTestId('search')).toBeFocused();

    // The customer display beside a sale of one line, in the customer's own choice of language.
    await scan(page, WATER);
    await expect(page.getByTestId('cart-line')).toHaveCount(1);
    const display = await context.newPage();
    await display.setViewportSize({ width: 1024, height: 768 });
    await display.goto(`${register.origin}/customer-display.html`);
    await expect(display.getByTestId('display-line')).toHaveCount(1);
    await display.getByRole('button', { name: button, exact: true }).click();
    await expect(display.getByRole('button', { name: button, exact: true })).toHaveAttribute('aria-pressed', 'true');
    // Its Chinese is set in the font the register ships, whatever fonts the machine has.
    expect(await display.evaluate(async () => (await document.fonts.load('16px "Noto Sans SC"', '测试便利店中文')).length)).toBeGreaterThan(0);
    expect(await display.locator('h1, button').evaluateAll((els) => els.filter((el) => !getComputedStyle(el).fontFamily.includes('Noto Sans SC')).length)).toBe(
      0,
    );
    await checkLayout(display, info, `${at} customer display`);
    await display.close();

    // The blind count at the close of the shift: no expected figure until the count is in.
    await page.getByTestId('open-back-office').click();
    await page.getByTestId('back-office-nav-shift').click();
    await page.getByTestId('shift-close-start').click();
    await expect(page.getByTestId('closing-count')).toBeVisible();
    await page.getByTestId('count-10000').fill('2');
    await page.getByTestId('count-1000').fill('5');
    await checkLayout(page, info, `${at} blind count`);
    await page.getByTestId('closing-count-submit').click();
    await expect(page.getByTestId('shift-closing')).toBeVisible();
    await expect(page.getByTestId('expected-total')).toBeVisible();
    await checkLayout(page, info, `${at} count result`);
  });
}
