// What the owner's back office shows in HQ mode, in one answer: per shop and per register the
// day's and the month's figures (sums of the registers' Zs), each register's upload state, the
// consistency check's differences, the alerts nobody has acknowledged at HQ and, per register, the
// fraud alerts the register raised and has not acknowledged itself. Read-only: asked for by
// an enrolled register on its owner's behalf, signed with that register's key.
import type { Pool } from 'pg';
import type { OwnerOverview } from '../../preload/contract/hq-wire';
import { listAlerts } from '../ingest/alerts';
import { FRAUD_ALERTS_PER_REGISTER, openFraudAlerts } from './fraud-alerts';
import { registerStatus } from './register-status';
import { consistencyCheck, zSums, type UncoveredDay } from './reports';

/** Alerts shown at most; the owner acknowledges them at HQ. */
const MAX_ALERTS = 200;

async function registerSums(pool: Pool, day: string, monthFrom: string, monthTo: string) {
  const rows = await pool.query<{
    registerId: string;
    dayNetMinor: number;
    dayDocuments: number;
    dayZs: number;
    monthNetMinor: number;
    monthDocuments: number;
    monthZs: number;
    dayHandoverMinor: number | null;
    dayHandoverUnrecorded: number;
    monthHandoverMinor: number | null;
    monthHandoverUnrecorded: number;
  }>(
    `SELECT register_id AS "registerId",
            COALESCE(SUM(net_minor) FILTER (WHERE business_day = $1), 0)::bigint AS "dayNetMinor",
            COALESCE(SUM(document_count) FILTER (WHERE business_day = $1), 0)::bigint AS "dayDocuments",
            COUNT(*) FILTER (WHERE business_day = $1)::int AS "dayZs",
            SUM(net_minor)::bigint AS "monthNetMinor", SUM(document_count)::bigint AS "monthDocuments", COUNT(*)::int AS "monthZs",
            SUM(handover_minor) FILTER (WHERE business_day = $1)::bigint AS "dayHandoverMinor",
            COUNT(*) FILTER (WHERE business_day = $1 AND handover_minor IS NULL)::int AS "dayHandoverUnrecorded",
            SUM(handover_minor)::bigint AS "monthHandoverMinor",
            COUNT(*) FILTER (WHERE handover_minor IS NULL)::int AS "monthHandoverUnrecorded"
       FROM z_reports WHERE business_day BETWEEN $2 AND $3 GROUP BY register_id`,
    [day, monthFrom, monthTo],
  );
  return new Map(rows.rows.map((r) => [r.registerId, r]));
}

export async function ownerOverview(pool: Pool, day: string, now: number): Promise<OwnerOverview> {
  const month = day.slice(0, 7);
  const [from, to] = [`${month}-01`, `${month}-31`];
  const [shops, dayFigures, monthFigures, registers, sums, check, alerts, fraud] = await Promise.all([
    pool.query<{ id: string; name: string }>('SELECT id, name FROM shops ORDER BY id'),
    zSums(pool, { from: day, to: day }, 'day'),
    zSums(pool, { from, to }, 'month'),
    registerStatus(pool),
    registerSums(pool, day, from, to),
    consistencyCheck(pool, { from, to }),
    listAlerts(pool, true),
    openFraudAlerts(pool, { limit: FRAUD_ALERTS_PER_REGISTER }),
  ]);
  const notClosed = (match: (u: UncoveredDay) => boolean) => {
    const days = check.uncovered.filter(match);
    return { documentCount: days.reduce((n, u) => n + u.documentCount, 0), netMinor: days.reduce((n, u) => n + u.netMinor, 0) };
  };
  const figure = (f: { netMinor: number; documentCount: number; zCount: number; handoverMinor: number | null; handoverUnrecorded: number } | undefined) => ({
    netMinor: f?.netMinor ?? 0,
    documentCount: f?.documentCount ?? 0,
    zCount: f?.zCount ?? 0,
    // No Z at all: nothing to be unknown about, so 0; Zs none of which chained it: unknown (null).
    handoverMinor: f ? f.handoverMinor : 0,
    handoverUnrecorded: f?.handoverUnrecorded ?? 0,
  });
  return {
    day,
    month,
    serverTime: now,
    shops: shops.rows.map((s) => ({
      shopId: s.id,
      name: s.name,
      day: { ...figure(dayFigures.find((f) => f.shopId === s.id)), notClosed: notClosed((u) => u.shopId === s.id && u.businessDay === day) },
      month: { ...figure(monthFigures.find((f) => f.shopId === s.id)), notClosed: notClosed((u) => u.shopId === s.id) },
      registers: registers
        .filter((r) => r.shopId === s.id)
        .map((r) => {
          const sum = sums.get(r.registerId);
          return {
            registerId: r.registerId,
            name: r.name,
            enrolled: r.enrolled,
            withdrawnAt: r.withdrawnAt,
            headSeq: r.headSeq,
            lastUploadAt: r.lastUploadAt,
            openAlerts: r.openAlerts,
            day: {
              ...figure(
                sum && {
                  netMinor: sum.dayNetMinor,
                  documentCount: sum.dayDocuments,
                  zCount: sum.dayZs,
                  handoverMinor: sum.dayZs > 0 ? sum.dayHandoverMinor : 0,
                  handoverUnrecorded: sum.dayHandoverUnrecorded,
                },
              ),
              notClosed: notClosed((u) => u.registerId === r.registerId && u.businessDay === day),
            },
            month: {
              ...figure(
                sum && {
                  netMinor: sum.monthNetMinor,
                  documentCount: sum.monthDocuments,
                  zCount: sum.monthZs,
                  handoverMinor: sum.monthHandoverMinor,
                  handoverUnrecorded: sum.monthHandoverUnrecorded,
                },
              ),
              notClosed: notClosed((u) => u.registerId === r.registerId),
            },
            fraud: fraud.get(r.registerId) ?? { alerts: [], more: 0, unreadable: 0 },
          };
        }),
    })),
    zChecked: check.zChecked,
    differences: check.differences,
    uncovered: check.uncovered,
    alerts: alerts.slice(-MAX_ALERTS).map((a) => ({ id: a.id, kind: a.kind, registerId: a.registerId, params: a.params, raisedAt: a.raisedAt })),
  };
}
