// Reading requests at HQ: every refusal names the field it is about (an unknown key by its own
// name, a date that is not on the calendar, a reversed range), and an id the owner names must exist.
import type { Pool } from 'pg';
import { z } from 'zod';
import { HqError } from './hq-error';

export function json(body: Buffer): unknown {
  try {
    return body.length === 0 ? {} : (JSON.parse(body.toString('utf8')) as unknown);
  } catch {
    throw new HqError('hq.invalid_input', 400, { field: 'body' });
  }
}

/** The field a zod issue is about; an unrecognized key is named itself (`foo`, `body.settings.storeNme`). */
export function issueField(issue: z.core.$ZodIssue | undefined, prefix: string[] = []): string {
  if (!issue) return prefix.join('.');
  const path = [...prefix, ...issue.path.map(String)];
  if (issue.code === 'unrecognized_keys' && issue.keys[0] !== undefined) path.push(issue.keys[0]);
  return path.join('.');
}

export function parse<T extends z.ZodType>(schema: T, value: unknown, prefix: string[] = []): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw new HqError('hq.invalid_input', 400, { field: issueField(r.error.issues[0], prefix) });
  return r.data;
}

/** A business day that is on the calendar: 2026-02-30 and 2026-13-45 are not. */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((d) => {
    const [y, m, day] = d.split('-').map(Number) as [number, number, number];
    const t = new Date(Date.UTC(y, m - 1, day));
    return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === day;
  });

/** from ≤ to, or `hq.invalid_range` naming both. */
export function orderedRange<T extends { from: string; to: string }>(r: T): T {
  if (r.from > r.to) throw new HqError('hq.invalid_range', 400, { field: 'from', from: r.from, to: r.to });
  return r;
}

export async function knownShop(pool: Pool, shopId: string | null | undefined): Promise<void> {
  if (shopId === null || shopId === undefined) return;
  const r = await pool.query('SELECT 1 FROM shops WHERE id = $1', [shopId]);
  if (r.rowCount === 0) throw new HqError('hq.not_found', 404, { field: 'shop', shopId });
}

export async function knownRegister(pool: Pool, registerId: string | undefined): Promise<void> {
  if (registerId === undefined) return;
  const r = await pool.query('SELECT 1 FROM registers WHERE id = $1', [registerId]);
  if (r.rowCount === 0) throw new HqError('hq.not_found', 404, { field: 'register', registerId });
}
