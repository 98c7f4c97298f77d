import type { ErrorParams } from '../../preload/contract/result';
import type { SyncStatusView } from '../../preload/contract/sync-views';
import type { Db } from '../ledger/database';
import { INDEXED_KINDS } from '../ledger/journal-kind-index';
import { sql } from '../ledger/statements';
import { journalHead, pendingVersions, readLink } from './sync-store';

/** Owners the last applied operators version left as they were (see apply-operators.ts), if any. */
function keptOwners(db: Db): SyncStatusView['keptOwners'] {
  const payload = sql(
    db,
    `SELECT payload FROM journal WHERE kind = 'sync.version_applied' AND ${INDEXED_KINDS} AND json_extract(payload, '$.data.kind') = 'operators' ORDER BY seq DESC LIMIT 1`,
  )
    .pluck()
    .get() as string | undefined;
  if (payload === undefined) return null;
  const data = (JSON.parse(payload) as { data: { version: number; keptOwners?: string[] } }).data;
  return data.keptOwners && data.keptOwners.length > 0 ? { version: data.version, names: data.keptOwners } : null;
}

export function syncStatus(db: Db): SyncStatusView {
  const link = readLink(db);
  const localSeq = journalHead(db);
  if (!link) {
    return {
      enrolled: false,
      hqUrl: null,
      registerId: null,
      shopId: null,
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
    };
  }
  return {
    enrolled: true,
    hqUrl: link.hq_url,
    registerId: link.register_id,
    shopId: link.shop_id,
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
    keptOwners: keptOwners(db),
  };
}
