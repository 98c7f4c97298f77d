/**
 * Deterministic JSON: object keys sorted, no whitespace. The journal hashes this text, so the
 * same event must always serialise to the same bytes. Only JSON-safe values are allowed; a
 * float or undefined in an audit payload is a bug, so it throws. Keys sort by UTF-16 code units
 * (Array.prototype.sort's default order); undefined members are left out, as JSON.stringify does.
 * Written as plain loops: HQ runs it on every entry it receives.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isSafeInteger(value)) throw new TypeError(`canonical JSON accepts integers only, got ${value}`);
      return String(value);
    case 'object': {
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record).sort();
      let out = '{';
      let first = true;
      for (const key of keys) {
        const member = record[key];
        if (member === undefined) continue;
        out += `${first ? '' : ','}${JSON.stringify(key)}:${canonicalJson(member)}`;
        first = false;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
  }
}

/** Every object's keys already in sorted order and every number a safe integer: what JSON.stringify needs to write canonical JSON. */
function sortedAndIntegral(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return true;
    case 'number':
      return Number.isSafeInteger(value);
    case 'object': {
      if (Array.isArray(value)) {
        for (let i = 0; i < value.length; i++) if (!sortedAndIntegral(value[i])) return false;
        return true;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record);
      for (let i = 0; i < keys.length; i++) {
        const key = keys[i] as string;
        if (i > 0 && !((keys[i - 1] as string) < key)) return false;
        if (!sortedAndIntegral(record[key])) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

/**
 * Whether `text` is the canonical JSON of `value` (as parsed from it). When the keys already come
 * sorted and every number is an integer, canonical JSON is what the native JSON.stringify writes,
 * so that is tried first: HQ checks every entry it receives, and building the text again here
 * cost twice as much. Anything else (index-like keys, which objects list first whatever their
 * order in the text, or text that is not canonical at all) is settled by canonicalJson itself.
 */
export function isCanonicalJsonText(value: unknown, text: string): boolean {
  if (JSON.stringify(value) === text && sortedAndIntegral(value)) return true;
  try {
    return canonicalJson(value) === text;
  } catch {
    return false;
  }
}
