import type { Page } from '@playwright/test';
import { closePagesAndStop, expect, OWNER, startRegister, test } from './fixtures';

// The first run as the QA sweep found it (sweep-train #5, #10, #12, #16): a store name of spaces,
// the wizard by keyboard, a reload mid-wizard, and the English welcome form's buttons. At 1024×768.
const SIZE = { width: 1024, height: 768 };

async function ownerForm(page: Page, url: string, storeName: string): Promise<void> {
  await page.setViewportSize(SIZE);
  await page.goto(url);
  await expect(page.getByRole('heading', { name: '欢迎使用 Ringup' })).toBeVisible();
  await page.getByLabel('店主姓名').fill(OWNER.name);
  await page.getByLabel('密码（4–8 位数字）').fill(OWNER.pin);
  await page.getByLabel('再次输入密码').fill(OWNER.pin);
  await page.getByLabel('店铺名称').fill(storeName);
}

test('a store name of only spaces is refused in words and creates no owner; the wizard shows the name and puts it right', async ({ page }) => {
  const { register, stop } = await startRegister({ demo: false });
  try {
    await ownerForm(page, register.url, '   ');
    await page.getByRole('button', { name: '创建店主并开始' }).click();
    await expect(page.getByTestId('error')).toHaveText('请输入店铺名称：它会显示在屏幕顶部并印在每张小票上。');
    await expect(page.getByRole('heading', { name: '欢迎使用 Ringup' })).toBeVisible();
    await expect(page.getByTestId('wizard')).toHaveCount(0);

    await page.getByLabel('店铺名称').fill('林记便利店');
    await page.getByRole('button', { name: '创建店主并开始' }).click();
    await expect(page.getByTestId('wizard-step')).toHaveText('店铺信息');
    const storeName = page.getByTestId('wizard-storeName');
    await expect(storeName).toHaveValue('林记便利店');
    // Cleared in the wizard, it is refused there too and nothing is saved.
    await storeName.fill('  ');
    await page.getByTestId('wizard-save').click();
    await expect(page.getByTestId('error')).toHaveText('请输入店铺名称：它会显示在屏幕顶部并印在每张小票上。');
    await expect(page.getByTestId('wizard-step')).toHaveText('店铺信息');
    await storeName.fill('林记便利店（漕溪店）');
    await page.getByTestId('wizard-save').click();
    await expect(page.getByTestId('wizard-step')).toHaveText('收银机');
    await page.getByTestId('wizard-later').click();
    await expect(page.getByTestId('store-name')).toHaveText('林记便利店（漕溪店）');
  } finally {
    await closePagesAndStop(page.context(), stop);
  }
});

/** The focus is on a field of the step itself: not on nothing, not on 以后再说, back or skip. */
async function focusInStep(page: Page, step: string): Promise<void> {
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const active = document.activeElement;
          if (!active || active === document.body) return 'nothing';
          const testId = active.getAttribute('data-testid') ?? '';
          if (['wizard-later', 'wizard-back', 'wizard-skip'].includes(testId)) return testId;
          return active.closest('[data-testid="wizard"]') ? 'in step' : 'outside';
        }),
      { message: `the focus on opening ${step}` },
    )
    .toBe('in step');
}

test('each wizard step opens with the keys in its first field; Tab goes on through the form and Enter saves from its button', async ({ page }) => {
  const { register, stop } = await startRegister({ demo: false });
  try {
    await ownerForm(page, register.url, '林记便利店');
    await page.getByLabel('店铺名称').press('Enter');
    const step = page.getByTestId('wizard-step');
    await expect(step).toHaveText('店铺信息');
    await expect(page.getByTestId('wizard-storeName')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByTestId('wizard-storeAddress')).toBeFocused();
    await page.keyboard.type('上海市徐汇区漕溪北路 88 号');
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    await expect(page.getByTestId('wizard-save')).toBeFocused();
    await page.keyboard.press('Enter');

    await expect(step).toHaveText('收银机');
    await expect(page.getByTestId('wizard-registerId')).toBeFocused();
    await page.getByTestId('wizard-skip').click();
    await expect(step).toHaveText('小票');
    await expect(page.getByLabel('小票语言')).toBeFocused();
    for (const next of ['税率', '商品', '打印机', '刷卡终端']) {
      await page.getByTestId('wizard-skip').click();
      await expect(step).toHaveText(next);
      await focusInStep(page, next);
    }
    // Back to the first step: its field has the keys again, with the address as saved.
    for (let i = 0; i < 6; i++) await page.getByTestId('wizard-back').click();
    await expect(step).toHaveText('店铺信息');
    await expect(page.getByTestId('wizard-storeName')).toBeFocused();
    await expect(page.getByTestId('wizard-storeAddress')).toHaveValue('上海市徐汇区漕溪北路 88 号');
  } finally {
    await closePagesAndStop(page.context(), stop);
  }
});

test('a reload mid-wizard comes back to the same step, with what was saved; once finished, a reload leaves the wizard', async ({ page }) => {
  const { register, stop } = await startRegister({ demo: false });
  try {
    await ownerForm(page, register.url, '林记便利店');
    await page.getByRole('button', { name: '创建店主并开始' }).click();
    const step = page.getByTestId('wizard-step');
    await expect(step).toHaveText('店铺信息');
    await page.getByTestId('wizard-skip').click();
    await expect(step).toHaveText('收银机');
    await page.getByTestId('wizard-registerId').fill('R2');
    await page.getByTestId('wizard-save').click();
    await expect(step).toHaveText('小票');
    await page.getByTestId('wizard-skip').click();
    await expect(step).toHaveText('税率');

    await page.reload();
    await expect(step).toHaveText('税率');
    await expect(page.locator('.wizard__steps [aria-current="step"]')).toHaveText('税率');
    await focusInStep(page, '税率');
    await page.getByTestId('wizard-back').click();
    await page.getByTestId('wizard-back').click();
    await expect(step).toHaveText('收银机');
    await expect(page.getByTestId('wizard-registerId')).toHaveValue('R2');

    await page.getByTestId('wizard-later').click();
    await expect(page.getByTestId('open-shift')).toBeVisible();
    await page.reload();
    await expect(page.getByTestId('open-shift')).toBeVisible();
    await expect(page.getByTestId('wizard')).toHaveCount(0);
  } finally {
    await closePagesAndStop(page.context(), stop);
  }
});

test('English welcome form: "Restore from a backup" keeps the padding of the button beside it', async ({ page, register }) => {
  await page.setViewportSize(SIZE);
  await page.goto(register.url);
  await page.getByRole('button', { name: 'English', exact: true }).click();
  const restore = page.getByRole('button', { name: 'Restore from a backup' });
  await expect(restore).toBeVisible();
  // The space between the label and the button's border, each side, measured on the label's own box.
  const gaps = await restore.evaluate((button) => {
    const range = document.createRange();
    range.selectNodeContents(button);
    const text = range.getBoundingClientRect();
    const box = button.getBoundingClientRect();
    return { left: text.left - box.left, right: box.right - text.right, clipped: button.scrollWidth > button.clientWidth };
  });
  expect(gaps.clipped).toBe(false);
  expect(gaps.left).toBeGreaterThanOrEqual(12);
  expect(gaps.right).toBeGreaterThanOrEqual(12);
  await expect(page.getByRole('button', { name: 'Create owner and start' })).toBeInViewport({ ratio: 1 });
  await expect(restore).toBeInViewport({ ratio: 1 });
});
