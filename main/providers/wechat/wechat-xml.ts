// The flat XML of WeChat Pay v2 (`<xml><key>value</key>...</xml>`), pure. Values go out in CDATA
// so no field can break the document; a reply is read into a flat string map (nested elements
// do not occur in the calls the register makes).
import { XMLBuilder, XMLParser } from 'fast-xml-parser';

const parser = new XMLParser({
  // Every value stays a string: "0001" is an order number, not the number 1.
  parseTagValue: false,
  ignoreAttributes: true,
  cdataPropName: false,
  trimValues: false,
  processEntities: true,
  // No DOCTYPE processing: an entity expansion in a reply must not cost memory.
  allowBooleanAttributes: false,
});

const builder = new XMLBuilder({ cdataPropName: '__cdata', format: false, suppressEmptyNode: false });

export function toWechatXml(params: Readonly<Record<string, string | undefined>>): string {
  const body: Record<string, { __cdata: string }> = {};
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === '') continue;
    if (!/^[a-z_0-9]+$/.test(k)) throw new Error(`not a WeChat Pay field name: ${k}`);
    // "]]>" would close the CDATA section early; callers clean free text (the subject) before signing.
    if (v.includes(']]>')) throw new Error(`${k} holds "]]>"`);
    body[k] = { __cdata: v };
  }
  return builder.build({ xml: body });
}

/** The reply's fields, or null when it is not the `<xml>` document the API sends. */
export function fromWechatXml(text: string): Record<string, string> | null {
  let doc: unknown;
  try {
    doc = parser.parse(text, true);
  } catch {
    return null;
  }
  const root = (doc as { xml?: unknown } | null)?.xml;
  if (!root || typeof root !== 'object') return null;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(root as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
  }
  return out;
}
