import type { Page } from '@playwright/test';
import { expect } from './fixtures';

// Steps of the shift e2e specs (handovers, their fraud alert): logging in where the register may
// ask for the opening float, and counting the drawer by denomination.

/** Logs in where the register may ask for the opening float (no shift open) rather than the sale. */
export async function logInTo(page: Page, name: string, pin: string): Promise<void> {
  await page.getByRole('option', { name: new RegExp(name) }).click();
  await page.getByTestId('pin').fill(pin);
  await page.getByTestId('pin').press('Enter');
  await expect(page.getByTestId('operator-name')).toContainText(name);
}

/** Fills a count (opening or closing: `prefix` names its form) by denomination and submits it. */
export async function countAndSubmit(page: Page, prefix: string, counts: Record<number, string>): Promise<void> {
  for (const [denomination, pieces] of Object.entries(counts)) await page.getByTestId(`count-${denomination}`).fill(pieces);
  await page.getByTestId(`${prefix}-submit`).click();
}
