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
