import type { Page } from '@playwright/test';
import { expect } from './fixtures';

/**
 * In the back office (open): 总部上传 / HQ upload, the register enrolled at `hqUrl` with the
 * one-time `code`, and every entry it holds uploaded (the section follows the upload by itself).
 */
export async function enrolAtHq(page: Page, hqUrl: string, code: string): Promise<void> {
  await page.getByTestId('back-office-nav-hq').click();
  await page.getByTestId('hq-url').fill(hqUrl);
  await page.getByTestId('hq-code').fill(code);
  await page.getByTestId('hq-enrol').click();
  await expect(page.getByTestId('hq-acked')).toContainText('（待传 0 条）', { timeout: 15_000 });
}
