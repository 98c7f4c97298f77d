import type { ErrorParams } from '../../preload/contract/result';
import type { SyncStatusView } from '../../preload/contract/sync-views';
import type { Db } from '../ledger/database';
import { journalHead, pendingVersions, readLink } from './sync-store';

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
  };
}
