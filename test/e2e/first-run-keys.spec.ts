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
