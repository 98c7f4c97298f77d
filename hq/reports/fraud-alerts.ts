// The registers' own fraud alerts, as their uploaded journals tell them: every fraud.alert_raised
// without a fraud.alert_acknowledged of the same alert id from the same register is open. HQ reads
// the payloads as data (checked here with zod), never with the register's code; acknowledging
// stays at the register, whose journal is the only place an acknowledgement can come from.
import type { Pool } from 'pg';
import { z } from 'zod';
import type { HqFraudAlert, HqRegisterFraud } from '../../preload/contract/hq-wire';

/** Open alerts shown per register in the owner's overview; the rest are counted ("and N more"). */
export const FRAUD_ALERTS_PER_REGISTER = 10;

const int = z.number().int();
const shortText = z.string().max(100);

const scope = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('register'), registerId: shortText }),
  z.object({ kind: z.literal('operator'), operatorId: int }),
  z.object({ kind: z.literal('card'), maskedPan: shortText }),
  z.object({ kind: z.literal('document'), documentId: shortText }),
]);

/** The payload of a fraud.alert_raised entry (main/fraud/fraud-journal.ts), as far as HQ shows it. */
const raisedEntry = z.object({
  at: int,
  data: z.object({
    alertId: int,
    rule: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/),
    scope,
    registerId: shortText,
    operatorId: int.nullable(),
    businessDay: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    documentIds: z.array(shortText).max(1000),
    seqs: z.array(int).max(1000),
    params: z.record(z.string().max(64), z.number().finite()),
  }),
});

/** setup.owner_created and operator.created: the names the register gave its operators. */
const operatorCreated = z.object({ data: z.object({ operatorId: int, name: z.string().max(200) }) });

interface OpenRow {
  registerId: string;
  seq: string;
  payload: string;
  total: number;
}

/**
 * Per register (all of them, or one), its open fraud alerts, newest first, at most `limit` each;
 * registers without any are left out.
 */
export async function openFraudAlerts(pool: Pool, options: { limit: number; registerId?: string }): Promise<Map<string, HqRegisterFraud>> {
  // Per register through the (register_id, kind) index: the lateral join reads only alert entries.
  const open = await pool.query<OpenRow>(
    `SELECT o."registerId", o.seq, o.payload, o.total FROM (
       SELECT r.id AS "registerId", e.seq, e.payload,
              row_number() OVER (PARTITION BY r.id ORDER BY e.seq DESC) AS n,
              count(*) OVER (PARTITION BY r.id)::int AS total
         FROM registers r
         CROSS JOIN LATERAL (
           SELECT e.seq, e.payload FROM journal_entries e
            WHERE e.register_id = r.id AND e.kind = 'fraud.alert_raised'
              AND NOT EXISTS (
                SELECT 1 FROM journal_entries a
                 WHERE a.register_id = r.id AND a.kind = 'fraud.alert_acknowledged'
                   AND (a.payload::jsonb #> '{data,alertId}') = (e.payload::jsonb #> '{data,alertId}'))
         ) e
        WHERE $1::text IS NULL OR r.id = $1
     ) o WHERE o.n <= $2 ORDER BY o."registerId", o.seq DESC`,
    [options.registerId ?? null, options.limit],
  );
  const result = new Map<string, HqRegisterFraud>();
  if (open.rows.length === 0) return result;
  const registerIds = [...new Set(open.rows.map((r) => r.registerId))];
  const parsed = open.rows.map((row) => ({ row, entry: raisedEntry.safeParse(JSON.parse(row.payload)) }));
  const documentIds = [...new Set(parsed.flatMap((p) => (p.entry.success ? p.entry.data.data.documentIds : [])))];
  const [names, receipts] = await Promise.all([operatorNamesOf(pool, registerIds), receiptNumbersOf(pool, registerIds, documentIds)]);

  for (const { row, entry } of parsed) {
    const fraud = result.get(row.registerId) ?? { alerts: [], more: 0, unreadable: 0 };
    result.set(row.registerId, fraud);
    fraud.more = row.total - Math.min(row.total, options.limit);
    if (!entry.success) {
      fraud.unreadable += 1;
      continue;
    }
    const named = names.get(row.registerId) ?? new Map<number, string>();
    const d = entry.data.data;
    const alert: HqFraudAlert = {
      alertId: d.alertId,
      rule: d.rule,
      scope: d.scope,
      localRegisterId: d.registerId,
      businessDay: d.businessDay,
      at: entry.data.at,
      journalSeq: Number(row.seq),
      params: d.params,
      operatorName: d.operatorId === null ? null : (named.get(d.operatorId) ?? null),
      operatorNames: Object.fromEntries(
        Object.entries(d.params).flatMap(([key, id]) => {
          const name = key.endsWith('OperatorId') ? named.get(id) : undefined;
          return name === undefined ? [] : [[key, name]];
        }),
      ),
      documents: d.documentIds.map((documentId) => ({ documentId, receiptNo: receipts.get(`${row.registerId}\u0000${documentId}`) ?? null })),
      seqs: d.seqs,
    };
    fraud.alerts.push(alert);
  }
  return result;
}

async function operatorNamesOf(pool: Pool, registerIds: string[]): Promise<Map<string, Map<number, string>>> {
  const rows = await pool.query<{ registerId: string; payload: string }>(
    `SELECT register_id AS "registerId", payload FROM journal_entries
      WHERE register_id = ANY($1::text[]) AND kind IN ('setup.owner_created', 'operator.created') ORDER BY register_id, seq`,
    [registerIds],
  );
  const names = new Map<string, Map<number, string>>();
  for (const row of rows.rows) {
    const created = operatorCreated.safeParse(JSON.parse(row.payload));
    if (!created.success) continue;
    const of = names.get(row.registerId) ?? new Map<number, string>();
    of.set(created.data.data.operatorId, created.data.data.name);
    names.set(row.registerId, of);
  }
  return names;
}

async function receiptNumbersOf(pool: Pool, registerIds: string[], documentIds: string[]): Promise<Map<string, number>> {
  if (documentIds.length === 0) return new Map();
  const rows = await pool.query<{ registerId: string; id: string; receiptNo: number }>(
    `SELECT register_id AS "registerId", id, receipt_no AS "receiptNo" FROM documents WHERE register_id = ANY($1::text[]) AND id = ANY($2::text[])`,
    [registerIds, documentIds],
  );
  return new Map(rows.rows.map((r) => [`${r.registerId}\u0000${r.id}`, r.receiptNo]));
}
