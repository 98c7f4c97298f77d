// The receipt's SVG (receiptline's layout, made in main) as elements of this page. An SVG shown
// through <img> cannot use the page's fonts, so on a till without a CJK font every Chinese
// character of the preview was a box; inline, its text is set in the shipped Noto Sans SC.
// Inline markup could carry script, so the parsed tree keeps only what receiptline draws with:
// the elements and attributes below, and images only as data: URLs. Everything else (its
// <style>, which @imports a web font, any script, handler or link) is dropped before the tree
// enters the page.

const SVG_NS = 'http://www.w3.org/2000/svg';

const ELEMENTS = new Set(['svg', 'g', 'text', 'tspan', 'path', 'image', 'defs', 'filter', 'feFlood', 'feComposite']);

const ATTRIBUTES = new Set([
  'width',
  'height',
  'viewBox',
  'preserveAspectRatio',
  'x',
  'y',
  'd',
  'fill',
  'stroke',
  'stroke-width',
  'stroke-dasharray',
  'transform',
  'font-family',
  'font-size',
  'dominant-baseline',
  'text-anchor',
  'text-decoration',
  'lang',
  'id',
  'filter',
  'flood-color',
  'in2',
  'operator',
  'href',
]);

function allowed(attr: Attr): boolean {
  if (attr.namespaceURI !== null || !ATTRIBUTES.has(attr.localName)) return false;
  if (attr.localName === 'href') return attr.value.startsWith('data:image/');
  // A filter may only point into the receipt's own <defs>.
  if (attr.localName === 'filter') return /^url\(#[\w-]+\)$/.test(attr.value);
  return true;
}

function clean(element: Element): void {
  for (const attr of [...element.attributes]) if (!allowed(attr)) element.removeAttributeNode(attr);
  for (const child of [...element.children]) {
    if (child.namespaceURI === SVG_NS && ELEMENTS.has(child.localName)) clean(child);
    else child.remove();
  }
}

/** The receipt as an <svg> element of `page`, cleaned; null if the text is not an SVG document. */
export function receiptSvgElement(svg: string, page: Document): SVGSVGElement | null {
  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml');
  const root = parsed.documentElement;
  if (root.namespaceURI !== SVG_NS || root.localName !== 'svg') return null;
  clean(root);
  return page.importNode(root, true) as unknown as SVGSVGElement;
}
