// Enrolment: the owner types HQ's address and the one-time code HQ gave them; HQ answers with this
// register's name there and its own key, which is sealed at rest and never journalled or shown.
import { enrolRequest, hqPaths, type EnrolResponse } from '../../preload/contract/hq-wire';
import { ServiceError } from '../common/service-error';
import type { Db } from '../ledger/database';
import { appendJournal } from '../ledger/journal';
import { sql } from '../ledger/statements';
import type { SecretBox } from '../scan-pay/secret-box';
import { postToHq } from './hq-client';
import { readLink } from './sync-store';

export async function enrolWithHq(
  db: Db,
  secrets: SecretBox,
  input: { hqUrl: string; code: string; localRegisterId: string; operatorId: number },
  clock: () => number,
  timeoutMs = 15_000,
): Promise<void> {
  if (readLink(db)) throw new ServiceError('sync.already_enrolled');
  const request = enrolRequest.parse({ code: input.code, localRegisterId: input.localRegisterId });
  const answer = await postToHq<EnrolResponse>(input.hqUrl, hqPaths.enrol, request, { timeoutMs });
  if (!answer.ok) throw new ServiceError(answer.error.code, answer.error.params);
  const { registerId, shopId, shopName, secret, serverTime } = answer.value;
  const now = clock();
  db.transaction(() => {
    if (readLink(db)) throw new ServiceError('sync.already_enrolled');
    sql(db, 'INSERT INTO sync_link (id, hq_url, register_id, shop_id, secret, secret_box, enrolled_at, clock_offset_ms) VALUES (1, ?, ?, ?, ?, ?, ?, ?)').run(
      input.hqUrl,
      registerId,
      shopId,
      secrets.seal(secret),
      secrets.kind,
      now,
      serverTime - now,
    );
    appendJournal(
      db,
      'sync.enrolled',
      { operatorId: input.operatorId, hqUrl: input.hqUrl, registerId, shopId, ...(typeof shopName === 'string' ? { shopName } : {}) },
      now,
    );
  })();
}
