import type { Page } from '@playwright/test';
import { startWebRegister, type WebRegister } from '../support/web-register';
import { OWNER } from './fixtures';

/**
 * A power cut at the counter: the register process is killed (SIGKILL), started again on the same
 * data folder and port, and the owner logs in again. Answers the new register process.
 */
export async function restartAndLogIn(page: Page, current: WebRegister, dataDir: string): Promise<WebRegister> {
  // The window leaves before its register dies (a dead socket would only fill its console).
  await page.goto('about:blank');
  const exited = new Promise((r) => current.child.once('exit', r));
  current.child.kill('SIGKILL');
  await exited;
  const next = await startWebRegister({ dataDir, port: Number(new URL(current.origin).port) });
  await page.goto(next.url);
  await page.getByRole('option', { name: new RegExp(OWNER.name) }).click();
  await page.getByTestId('pin').fill(OWNER.pin);
  await page.getByTestId('pin').press('Enter');
  return next;
}
