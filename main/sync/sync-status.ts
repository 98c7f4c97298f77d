import type { ErrorParams } from '../../preload/contract/result';
import type { SyncStatusView } from '../../preload/contract/sync-views';
import type { Db } from '../ledger/database';
import type { JournalPayloads } from '../ledger/journal-payloads';
import { INDEXED_KINDS } from '../ledger/journal-kind-index';
import { sql } from '../ledger/statements';
import { journalHead, pendingVersions, readLink } from './sync-store';

/** The last applied operators version's journal entry, if any. */
function lastOperatorsApplied(db: Db): JournalPayloads['sync.version_applied'] | null {
  const payload = sql(
    db,
    `SELECT payload FROM journal WHERE kind = 'sync.version_applied' AND ${INDEXED_KINDS} AND json_extract(payload, '$.data.kind') = 'operators' ORDER BY seq DESC LIMIT 1`,
  )
    .pluck()
    .get() as string | undefined;
  return payload === undefined ? null : (JSON.parse(payload) as { data: JournalPayloads['sync.version_applied'] }).data;
}

/** Owners the last applied operators version left as they were (see apply-operators.ts), if any. */
function keptOwners(data: JournalPayloads['sync.version_applied'] | null): SyncStatusView['keptOwners'] {
  return data?.keptOwners && data.keptOwners.length > 0 ? { version: data.version, names: data.keptOwners } : null;
}

/** Operators whose own change here was newer than HQ's in the last applied operators version. */
function keptLocal(data: JournalPayloads['sync.version_applied'] | null): SyncStatusView['keptLocal'] {
  return data?.keptLocal && data.keptLocal.length > 0 ? { version: data.version, names: data.keptLocal } : null;
}

/** Versions shown with what was skipped of them, at most. */
const SKIPPED_SHOWN = 5;

/**
 * The shop's name as HQ gave it last: a rename at HQ comes down as a settings version with the
 * store name (hq/http/admin-routes.ts); before one has taken effect, the name at enrolment.
 */
function shopName(db: Db): string | null {
  const renamed = sql(
    db,
    `SELECT json_extract(body, '$.settings.storeName') FROM sync_versions
      WHERE kind = 'settings' AND applied_at IS NOT NULL AND json_extract(body, '$.settings.storeName') IS NOT NULL
      ORDER BY effective_at DESC, version DESC LIMIT 1`,
  )
    .pluck()
    .get() as string | undefined;
  return typeof renamed === 'string' ? renamed : enrolledShopName(db);
}

function enrolledShopName(db: Db): string | null {
  const row = sql(
    db,
    `SELECT json_extract(payload, '$.data.shopName') AS name FROM journal WHERE kind = 'sync.enrolled' AND ${INDEXED_KINDS} ORDER BY seq DESC LIMIT 1`,
  ).get() as { name: string | null } | undefined;
  return typeof row?.name === 'string' ? row.name : null;
}

function skippedInVersions(db: Db): SyncStatusView['skippedInVersions'] {
  const rows = sql(
    db,
    `SELECT at, payload FROM journal WHERE kind = 'sync.version_applied' AND ${INDEXED_KINDS} AND json_extract(payload, '$.data.skipped') IS NOT NULL ORDER BY seq DESC LIMIT ?`,
  ).all(SKIPPED_SHOWN) as { at: number; payload: string }[];
  return rows.map((r) => {
    const data = (JSON.parse(r.payload) as { data: JournalPayloads['sync.version_applied'] }).data;
    return { version: data.version, kind: data.kind, appliedAt: r.at, skipped: data.skipped ?? [] };
  });
}

export function syncStatus(db: Db): SyncStatusView {
  const link = readLink(db);
  const localSeq = journalHead(db);
  const operators = lastOperatorsApplied(db);
  if (!link) {
    return {
      enrolled: false,
      hqUrl: null,
      registerId: null,
      shopId: null,
      shopName: null,
      localSeq,
      ackedSeq: 0,
      pendingEntries: localSeq,
      ackedAt: null,
      state: 'not_enrolled',
      lastError: null,
      lastAttemptAt: null,
      nextAttemptAt: null,
      downVersion: 0,
      pulledAt: null,
      pendingVersions: 0,
      keptOwners: null,
      keptLocal: null,
      skippedInVersions: [],
    };
  }
  return {
    enrolled: true,
    hqUrl: link.hq_url,
    registerId: link.register_id,
    shopId: link.shop_id,
    shopName: shopName(db),
    localSeq,
    ackedSeq: link.acked_seq,
    pendingEntries: Math.max(0, localSeq - link.acked_seq),
    ackedAt: link.acked_at,
    state: link.state,
    lastError: link.last_error ? { code: link.last_error, params: link.last_error_params ? (JSON.parse(link.last_error_params) as ErrorParams) : {} } : null,
    lastAttemptAt: link.last_attempt_at,
    nextAttemptAt: link.next_attempt_at,
    downVersion: link.down_version,
    pulledAt: link.pulled_at,
    pendingVersions: pendingVersions(db),
    keptOwners: keptOwners(operators),
    keptLocal: keptLocal(operators),
    skippedInVersions: skippedInVersions(db),
  };
}
