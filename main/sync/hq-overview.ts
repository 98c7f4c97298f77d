// The owner's view of HQ, read through this register: main asks HQ with the register's own signed
// credentials (the window never holds them) and hands the answer on. Read-only at both ends.
import { hqPaths, overviewRequest, type OwnerOverview } from '../../preload/contract/hq-wire';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import type { SecretBox } from '../scan-pay/secret-box';
import { postToHq, type HqLink } from './hq-client';
import { readLink } from './sync-store';

export async function hqOverview(db: Db, secrets: SecretBox, day: string, clock: () => number, timeoutMs = 15_000): Promise<OwnerOverview> {
  const row = readLink(db);
  if (!row) throw new ServiceError('sync.not_enrolled');
  const link: HqLink = {
    hqUrl: row.hq_url,
    registerId: row.register_id,
    secret: Buffer.from(secrets.open(row.secret), 'hex'),
    clockOffsetMs: row.clock_offset_ms,
  };
  const request = overviewRequest.parse({ registerId: row.register_id, day });
  let answer = await postToHq<OwnerOverview>(link.hqUrl, hqPaths.overview, request, { timeoutMs, sign: { link, now: clock() } });
  // A clock that drifted since the last upload: sign once more by HQ's time, as the uploader would.
  if (!answer.ok && answer.error.code === 'hq.clock_skew' && typeof answer.error.params.serverTime === 'number') {
    link.clockOffsetMs = answer.error.params.serverTime - clock();
    answer = await postToHq<OwnerOverview>(link.hqUrl, hqPaths.overview, request, { timeoutMs, sign: { link, now: clock() } });
  }
  if (!answer.ok) throw new ServiceError(answer.error.code, answer.error.params);
  return answer.value;
}
