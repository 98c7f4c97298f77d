// Alerts as stored: raised (row + journal entry, inside the transaction of the entry that
// completed the pattern), listed for the owner and the Z, acknowledged once with a note.
import type { ZFraudAlertView } from '../../preload/contract/day-close-views';
import type { FraudAlertView, FraudParams, FraudRule, FraudScope } from '../../preload/contract/fraud-views';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import { scopeKey, type AlertDraft } from './fraud-rules';

interface AlertRow {
  id: number;
  rule: FraudRule;
  scope: string;
  register_id: string;
  operator_id: number | null;
  business_day: string;
  at: number;
  trigger_seq: number;
  journal_seq: number;
  document_ids: string;
  seqs: string;
  params: string;
  acknowledged_at: number | null;
  acknowledged_by: number | null;
  note: string | null;
}

export function raiseAlert(db: Db, alert: AlertDraft): number {
  const { lastInsertRowid } = sql(
    db,
    `INSERT INTO fraud_alerts (rule, scope_key, scope, register_id, operator_id, business_day, at, trigger_seq, journal_seq, document_ids, seqs, params)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)`,
  ).run(
    alert.rule,
    scopeKey(alert.scope),
    JSON.stringify(alert.scope),
    alert.registerId,
    alert.operatorId,
    alert.businessDay,
    alert.at,
    alert.triggerSeq,
    JSON.stringify(alert.documentIds),
    JSON.stringify(alert.seqs),
    JSON.stringify(alert.params),
  );
  const alertId = Number(lastInsertRowid);
  const seq = appendJournal(
    db,
    'fraud.alert_raised',
    {
      alertId,
      rule: alert.rule,
      scope: alert.scope,
      registerId: alert.registerId,
      operatorId: alert.operatorId,
      businessDay: alert.businessDay,
      triggerSeq: alert.triggerSeq,
      documentIds: alert.documentIds,
      seqs: alert.seqs,
      params: alert.params,
    },
    alert.at,
  );
  // Only the row's own journal seq is filled in after the entry exists; the trigger allows nothing else.
  sql(db, 'UPDATE fraud_alerts SET journal_seq = ? WHERE id = ?').run(seq, alertId);
  return alertId;
}

/** What a stored alert says, as the rules drafted it (for comparing with a recomputation). */
export function storedDrafts(db: Db): AlertDraft[] {
  const rows = sql(db, 'SELECT * FROM fraud_alerts ORDER BY id').all() as AlertRow[];
  return rows.map((r) => ({
    rule: r.rule,
    scope: JSON.parse(r.scope) as FraudScope,
    registerId: r.register_id,
    operatorId: r.operator_id,
    businessDay: r.business_day,
    at: r.at,
    triggerSeq: r.trigger_seq,
    documentIds: JSON.parse(r.document_ids) as string[],
    seqs: JSON.parse(r.seqs) as number[],
    params: JSON.parse(r.params) as FraudParams,
  }));
}

function operatorName(db: Db, id: number | null): string | null {
  if (id === null) return null;
  return (sql(db, 'SELECT name FROM operators WHERE id = ?').get(id) as { name: string } | undefined)?.name ?? null;
}

/** The names behind the figures that name an operator by id (`…OperatorId`): a handover names who closed and who opened. */
function operatorNames(db: Db, params: FraudParams): Record<string, string> {
  const names: Record<string, string> = {};
  for (const [key, id] of Object.entries(params)) {
    const name = key.endsWith('OperatorId') ? operatorName(db, id) : null;
    if (name !== null) names[key] = name;
  }
  return names;
}

function view(db: Db, r: AlertRow): FraudAlertView {
  const documentIds = JSON.parse(r.document_ids) as string[];
  const receiptNo = sql(db, 'SELECT receipt_no FROM documents WHERE id = ?');
  const params = JSON.parse(r.params) as FraudParams;
  return {
    id: r.id,
    rule: r.rule,
    scope: JSON.parse(r.scope) as FraudScope,
    operatorName: operatorName(db, r.operator_id),
    operatorNames: operatorNames(db, params),
    registerId: r.register_id,
    businessDay: r.business_day,
    at: r.at,
    params,
    documents: documentIds.map((documentId) => ({
      documentId,
      receiptNo: (receiptNo.get(documentId) as { receipt_no: number | null } | undefined)?.receipt_no ?? null,
    })),
    seqs: JSON.parse(r.seqs) as number[],
    journalSeq: r.journal_seq,
    acknowledged: r.acknowledged_at === null ? null : { at: r.acknowledged_at, operatorName: operatorName(db, r.acknowledged_by) ?? '', note: r.note ?? '' },
  };
}

export function listAlerts(db: Db, options: { filter?: 'open' | 'all'; businessDay?: string; registerId?: string; limit?: number }): FraudAlertView[] {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (options.filter === 'open') where.push('acknowledged_at IS NULL');
  if (options.businessDay !== undefined) {
    where.push('business_day = ?');
    args.push(options.businessDay);
  }
  if (options.registerId !== undefined) {
    where.push('register_id = ?');
    args.push(options.registerId);
  }
  const rows = db
    .prepare(`SELECT * FROM fraud_alerts ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ?`)
    .all(...args, options.limit ?? 200) as AlertRow[];
  return rows.map((r) => view(db, r));
}

export function acknowledgeAlert(db: Db, alertId: number, operatorId: number, note: string, now: number): FraudAlertView {
  return db.transaction(() => {
    const row = sql(db, 'SELECT * FROM fraud_alerts WHERE id = ?').get(alertId) as AlertRow | undefined;
    if (!row) throw new ServiceError('fraud.alert_not_found', { alertId });
    if (row.acknowledged_at !== null) throw new ServiceError('fraud.already_acknowledged', { alertId });
    sql(db, 'UPDATE fraud_alerts SET acknowledged_at = ?, acknowledged_by = ?, note = ? WHERE id = ?').run(now, operatorId, note, alertId);
    appendJournal(db, 'fraud.alert_acknowledged', { alertId, operatorId, note }, now);
    const updated = sql(db, 'SELECT * FROM fraud_alerts WHERE id = ?').get(alertId) as AlertRow;
    return view(db, updated);
  })();
}

/** The business day's alerts on the register, oldest first, as the Z lists them. */
export function alertsOfDay(db: Db, registerId: string, businessDay: string): ZFraudAlertView[] {
  const rows = sql(
    db,
    `SELECT a.id, a.rule, a.scope, a.at, o.name AS operator_name, a.acknowledged_at FROM fraud_alerts a LEFT JOIN operators o ON o.id = a.operator_id
      WHERE a.register_id = ? AND a.business_day = ? ORDER BY a.id`,
  ).all(registerId, businessDay) as { id: number; rule: FraudRule; scope: string; at: number; operator_name: string | null; acknowledged_at: number | null }[];
  return rows.map((r) => ({
    id: r.id,
    rule: r.rule,
    scope: JSON.parse(r.scope) as FraudScope,
    at: r.at,
    operatorName: r.operator_name,
    acknowledged: r.acknowledged_at !== null,
  }));
}
