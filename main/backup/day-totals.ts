// The per-day figures a manifest states and a verifier recomputes three times: from the
// snapshot, from the CSV files and from the JSON files. Pure: rows in, totals out.
import type { DayTotals } from './bundle-format';

/** Every YYYY-MM-DD from `from` to `to` inclusive (calendar arithmetic in UTC: no zone can skip a date). */
export function daysBetween(from: string, to: string): string[] {
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

export class TotalsBuilder {
  private readonly days = new Map<string, DayTotals>();
  private readonly documentDay = new Map<string, string>();
  /** Training documents (schema 12): added up apart, under `<kind>.training` and `<method>.training`, so no business figure holds them. */
  private readonly training = new Set<string>();

  constructor(from: string, to: string) {
    for (const day of daysBetween(from, to)) this.days.set(day, { documents: 0, kinds: {}, payments: {} });
  }

  /** A completed document; false when its day is outside the range (a bundle never holds one). */
  addDocument(d: { id: string; kind: string; businessDay: string; totalMinor: number; taxMinor: number; training?: boolean }): boolean {
    const day = this.days.get(d.businessDay);
    if (!day) return false;
    this.documentDay.set(d.id, d.businessDay);
    if (d.training) this.training.add(d.id);
    day.documents += 1;
    const kind = (day.kinds[d.training ? `${d.kind}.training` : d.kind] ??= { count: 0, totalMinor: 0, taxMinor: 0 });
    kind.count += 1;
    kind.totalMinor += d.totalMinor;
    kind.taxMinor += d.taxMinor;
    return true;
  }

  /** A payment of a document added before; false when that document is not in the range. */
  addPayment(p: { documentId: string; method: string; amountMinor: number }): boolean {
    const dayKey = this.documentDay.get(p.documentId);
    const day = dayKey === undefined ? undefined : this.days.get(dayKey);
    if (!day) return false;
    const method = (day.payments[this.training.has(p.documentId) ? `${p.method}.training` : p.method] ??= { count: 0, amountMinor: 0 });
    method.count += 1;
    method.amountMinor += p.amountMinor;
    return true;
  }

  result(): Record<string, DayTotals> {
    return Object.fromEntries(this.days);
  }
}

/** The first difference between two sets of totals, as "day field", or null when they agree. */
export function totalsDifference(expected: Record<string, DayTotals>, actual: Record<string, DayTotals>): { day: string; field: string } | null {
  const days = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  for (const day of [...days].sort()) {
    const e = expected[day];
    const a = actual[day];
    if (!e || !a) return { day, field: 'day' };
    if (e.documents !== a.documents) return { day, field: 'documents' };
    for (const [group, left, right] of [
      ['kinds', e.kinds, a.kinds],
      ['payments', e.payments, a.payments],
    ] as const) {
      const keys = new Set([...Object.keys(left), ...Object.keys(right)]);
      for (const key of [...keys].sort()) {
        const l = left[key] as Record<string, number> | undefined;
        const r = right[key] as Record<string, number> | undefined;
        if (!l || !r) return { day, field: `${group}.${key}` };
        for (const field of Object.keys(l)) if (l[field] !== r[field]) return { day, field: `${group}.${key}.${field}` };
      }
    }
  }
  return null;
}
