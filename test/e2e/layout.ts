// Layout checks for the counter screens (issue 13): what a cashier at a 1024×768 or 1366×768
// touchscreen would notice, measured in the page. Each returns what is wrong, so a failure says
// which element and by how much.
import { expect, type Locator, type Page, type TestInfo } from '@playwright/test';
import { axeViolations } from './axe';

export const RESOLUTIONS = [
  { width: 1024, height: 768 },
  { width: 1366, height: 768 },
] as const;

/** Elements wider than their scroll box lets them be, and the page itself, scrolling sideways. */
export async function horizontalScroll(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.scrollingElement ?? document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) found.push(`page: ${root.scrollWidth} > ${root.clientWidth}`);
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const style = getComputedStyle(el);
      if (style.overflowX !== 'auto' && style.overflowX !== 'scroll') continue;
      // A receipt image or a table may scroll on purpose inside its own box; nothing else may.
      if (el.closest('.receipt-preview, .code-block')) continue;
      if (el.scrollWidth > el.clientWidth + 1) found.push(`${describe(el)}: ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return found;

    function describe(el: Element): string {
      const id = el.getAttribute('data-testid');
      return `${el.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''}.${[...el.classList].join('.')}`;
    }
  });
}

/** The element's box lies inside the window (not below the fold, not cut off at a side). */
export async function inViewport(locator: Locator): Promise<boolean> {
  const page = locator.page();
  const box = await locator.boundingBox();
  const size = page.viewportSize();
  if (!box || !size) return false;
  return box.x >= -0.5 && box.y >= -0.5 && box.x + box.width <= size.width + 0.5 && box.y + box.height <= size.height + 0.5;
}

/**
 * Visible elements whose box sticks out of the open dialog's box, and text cut off inside its
 * own box (scrollWidth beyond clientWidth on an element that hides its overflow, or a button
 * whose label does not fit), anywhere on the page.
 */
export async function overflowAndClipping(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none';
    };
    const describe = (el: Element) => {
      const id = el.getAttribute('data-testid');
      const text = (el.textContent ?? '').trim().slice(0, 30);
      return `${el.tagName.toLowerCase()}${id ? `[data-testid=${id}]` : ''} "${text}"`;
    };
    for (const dialog of document.querySelectorAll('dialog[open]')) {
      const frame = dialog.getBoundingClientRect();
      for (const el of dialog.querySelectorAll('*')) {
        if (!visible(el)) continue;
        const r = el.getBoundingClientRect();
        if (r.left < frame.left - 1 || r.right > frame.right + 1) found.push(`sticks out of its dialog sideways: ${describe(el)}`);
      }
      if (frame.bottom > window.innerHeight + 1 || frame.top < -1) found.push(`dialog taller than the window: ${describe(dialog)}`);
    }
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      // Text for screen readers only is 1 px on purpose (.visually-hidden): no one sees it clipped.
      if (!visible(el) || el.closest('.receipt-preview, .visually-hidden')) continue;
      const s = getComputedStyle(el);
      const clipsX = s.overflowX === 'hidden' || s.overflowX === 'clip' || s.textOverflow === 'ellipsis';
      const isButton = el.matches('button, .button, .chip, [role="option"], a');
      // An ellipsis on a long product name is a choice (the full name is a line below in the cart); a button's label is not.
      if (isButton && el.scrollWidth > el.clientWidth + 1) found.push(`label does not fit its button: ${describe(el)} ${el.scrollWidth} > ${el.clientWidth}`);
      else if (clipsX && s.textOverflow !== 'ellipsis' && el.scrollWidth > el.clientWidth + 1 && !['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName))
        found.push(`text clipped: ${describe(el)} ${el.scrollWidth} > ${el.clientWidth}`);
    }
    return found;
  });
}

/**
 * Tables wider than the box they sit in (the page need not scroll for it: at 1024 px the documents'
 * table ran 17 px into its section's padding, its last button at the card's edge), and a cell's
 * button sticking out of its table.
 */
export async function tablesOutOfTheirBox(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const table of document.querySelectorAll<HTMLElement>('table')) {
      const r = table.getBoundingClientRect();
      const parent = table.parentElement;
      if (r.width === 0 || r.height === 0 || !parent || table.closest('.receipt-preview, .code-block')) continue;
      const p = parent.getBoundingClientRect();
      const s = getComputedStyle(parent);
      const right = p.right - parseFloat(s.paddingRight) - parseFloat(s.borderRightWidth);
      const left = p.left + parseFloat(s.paddingLeft) + parseFloat(s.borderLeftWidth);
      const name = table.getAttribute('aria-label') ?? table.getAttribute('data-testid') ?? '';
      if (r.right > right + 1 || r.left < left - 1)
        found.push(`table "${name}" ${Math.round(r.left)}–${Math.round(r.right)} outside ${Math.round(left)}–${Math.round(right)}`);
      for (const button of table.querySelectorAll('button, .button')) {
        const b = button.getBoundingClientRect();
        if (b.right > r.right + 1)
          found.push(`button "${(button.textContent ?? '').trim()}" in table "${name}" ends at ${Math.round(b.right)} > ${Math.round(r.right)}`);
      }
    }
    return found;
  });
}

/**
 * How many lines each element's text is set on, for every element the locator matches that is
 * shown (hidden ones are left out): its text fragments' boxes, a fragment below the current line's
 * foot starting a new line (an inline box on the same line overlaps it). A cell holding a button
 * is measured by its text, not by the button's height. One round trip to the page for them all.
 */
async function linesOfEach(locator: Locator): Promise<{ text: string; lines: number }[]> {
  return locator.evaluateAll((els) =>
    els
      .filter((el) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
      })
      .map((el) => {
        const rects: DOMRect[] = [];
        const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange();
          range.selectNodeContents(node);
          rects.push(...[...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0));
        }
        rects.sort((a, b) => a.top - b.top);
        let lines = 0;
        let bottom = -Infinity;
        for (const r of rects) {
          if (r.top >= bottom - 1) {
            lines++;
            bottom = r.bottom;
          } else bottom = Math.max(bottom, r.bottom);
        }
        return { text: (el.textContent ?? '').trim(), lines };
      }),
  );
}

/** How many lines the (one, shown) element's text is set on; see linesOfEach. */
export async function textLines(locator: Locator): Promise<number> {
  await expect(locator).toBeVisible();
  const [first] = await linesOfEach(locator);
  return first?.lines ?? 0;
}

/**
 * Tokens a table sets on more than one line: a figure (a right-aligned cell: ¥18.50, -¥2.00,
 * 7 · ¥18.50) or text marked as one (.unbroken, a document's day).
 */
export async function brokenTokens(page: Page): Promise<string[]> {
  const tokens = await linesOfEach(page.locator('.data-table td.numeric, .unbroken, .documents__day'));
  return tokens.filter((t) => t.lines > 1).map((t) => `"${t.text}" on ${t.lines} lines`);
}

/** Touch targets (buttons, links, fields, options, a checkbox's label) smaller than 44 × 44 px. */
export async function smallTargets(page: Page, least = 44): Promise<string[]> {
  return page.evaluate((min) => {
    const found: string[] = [];
    const targets = document.querySelectorAll<HTMLElement>(
      'button, a[href], input:not([type="hidden"]), select, textarea, [role="option"], [role="button"], [role="radio"], [role="tab"], summary',
    );
    for (const el of targets) {
      const r0 = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      if (r0.width === 0 || r0.height === 0 || s.visibility === 'hidden' || el.closest('[hidden], .visually-hidden')) continue;
      // A checkbox or radio is tapped through its label, which is the target.
      const target = (el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio') && el.closest('label')) || el;
      const r = target.getBoundingClientRect();
      if (r.width + 0.5 < min || r.height + 0.5 < min) {
        const id = target.getAttribute('data-testid');
        const text = (target.textContent ?? target.getAttribute('aria-label') ?? '').trim().slice(0, 24);
        found.push(`${target.tagName.toLowerCase()}${id ? `[${id}]` : ''} "${text}" ${Math.round(r.width)}×${Math.round(r.height)}`);
      }
    }
    return found;
  }, least);
}

/**
 * Chinese text not set in the font the register ships (Noto Sans SC): on a till without a CJK
 * font it shows as empty boxes. A form control keeps the browser's font unless its CSS says so.
 */
export async function unshippedFont(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found = new Set<string>();
    const cjk = /[\u3400-\u9fff]/;
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || el.closest('.receipt-preview, svg, option')) continue;
      const own = el instanceof HTMLSelectElement ? (el.selectedOptions[0]?.text ?? '') : el instanceof HTMLInputElement ? el.value || el.placeholder : '';
      const text =
        own ||
        [...el.childNodes]
          .filter((n) => n.nodeType === Node.TEXT_NODE)
          .map((n) => n.textContent ?? '')
          .join('');
      if (!cjk.test(text) || getComputedStyle(el).fontFamily.includes('Noto Sans SC')) continue;
      found.add(`${el.tagName.toLowerCase()} "${text.trim().slice(0, 20)}": ${getComputedStyle(el).fontFamily}`);
    }
    return [...found];
  });
}

/**
 * Every check on one screen state: no sideways scroll, nothing out of its dialog or clipped,
 * touch targets of 44 px, Chinese in the shipped font, and an axe audit (WCAG 2 A/AA and best practice) with no violation.
 * A screenshot of the state is kept with the test's results. Soft: one run names every fault of every state.
 */
export async function checkLayout(page: Page, info: TestInfo, state: string): Promise<void> {
  expect.soft(await horizontalScroll(page), `${state}: sideways scroll`).toEqual([]);
  expect.soft(await overflowAndClipping(page), `${state}: overflow or clipping`).toEqual([]);
  expect.soft(await smallTargets(page), `${state}: touch targets`).toEqual([]);
  expect.soft(await unshippedFont(page), `${state}: Chinese not in the shipped font`).toEqual([]);
  expect.soft(await axeViolations(page), `${state}: axe`).toEqual([]);
  const path = info.outputPath(`${state.replace(/[^\w.-]+/g, '-')}.png`);
  await page.screenshot({ path });
  await info.attach(`${state}.png`, { path, contentType: 'image/png' });
}
