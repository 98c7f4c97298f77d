// Taking this register out of the chain, by its owner: the journal goes up once more (best
// effort), HQ is told (a signed request, hq/auth/withdraw.ts) and from then on refuses the key;
// here the link and its key go, with the versions pulled and not yet in force (they belonged to
// the chain). Nothing of the till's own is deleted: the journal keeps every sale, and records the
// withdrawal with what HQ held and what it never got. The till then works alone and may enrol
// anew (a new register id at HQ). When HQ cannot be reached or refuses, nothing changes here
// unless the owner asks to withdraw at this till only (a lost HQ); HQ's owner then withdraws it there.
import { hqPaths, type WithdrawResponse } from '../../preload/contract/hq-wire';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import type { SecretBox } from '../scan-pay/secret-box';
import { postToHq } from './hq-client';
import { journalHead, readLink } from './sync-store';

export async function withdrawFromHq(
  db: Db,
  secrets: SecretBox,
  input: { operatorId: number; hereOnly: boolean },
  clock: () => number,
  timeoutMs = 15_000,
): Promise<void> {
  const row = readLink(db);
  if (!row) throw new ServiceError('sync.not_enrolled');
  let confirmedAt: number | null = null;
  if (!input.hereOnly) {
    const link = { hqUrl: row.hq_url, registerId: row.register_id, secret: Buffer.from(secrets.open(row.secret), 'hex'), clockOffsetMs: row.clock_offset_ms };
    const answer = await postToHq<WithdrawResponse>(row.hq_url, hqPaths.withdraw, { registerId: row.register_id }, { timeoutMs, sign: { link, now: clock() } });
    if (answer.ok) confirmedAt = answer.value.withdrawnAt;
    // Already out (HQ's owner withdrew it there): HQ says so, with the moment.
    else if (answer.error.code === 'hq.register_withdrawn' && typeof answer.error.params.withdrawnAt === 'number')
      confirmedAt = answer.error.params.withdrawnAt;
    else throw new ServiceError(answer.error.code, answer.error.params);
  }
  const now = clock();
  db.transaction(() => {
    const current = readLink(db);
    if (!current || current.register_id !== row.register_id) throw new ServiceError('sync.not_enrolled');
    const localSeq = journalHead(db);
    sql(db, 'DELETE FROM sync_link WHERE id = 1').run();
    const dropped = sql(db, 'DELETE FROM sync_versions WHERE applied_at IS NULL').run().changes;
    // Applied versions are in the journal; their rows would clash with a new HQ's numbers.
    sql(db, 'DELETE FROM sync_versions').run();
    appendJournal(
      db,
      'sync.withdrawn',
      {
        operatorId: input.operatorId,
        hqUrl: current.hq_url,
        registerId: current.register_id,
        shopId: current.shop_id,
        ackedSeq: current.acked_seq,
        notUploaded: Math.max(0, localSeq - current.acked_seq),
        versionsDropped: dropped,
        hqWithdrawnAt: confirmedAt,
      },
      now,
    );
  })();
}
