// The axe audit the layout checks run on every screen state: axe-core itself, put into the page
// once per document and run there.
//
// @axe-core/playwright, which this replaces, evaluated the 550 kB axe script in the page twice on
// every audit and then finished each audit in a new blank page of its own. One audit took 1.4 s
// where running axe in a page that already has it takes about 0.13 s (back-office-layout part 1
// alone, 20 audits: 28 s → 2.6 s plus one injection of 0.26 s per page load). The app has no
// frames, so what that library added over axe.run (auditing cross-origin frames) is not needed.
import axe from 'axe-core';
import type { Page } from '@playwright/test';

/** WCAG 2.0 and 2.1, levels A and AA, and axe's best practices: what every screen must pass. */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

/** Each axe violation on the page as it is now: the rule's id and the elements it found, by selector. */
export async function axeViolations(page: Page): Promise<string[]> {
  // A reload or a navigation gives the page a new document without axe in it.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = await page.evaluate((tags) => (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: 'tag', values: tags } }), TAGS);
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
