// One upload from one register: entries in order, idempotent on (register, seq). HQ continues the
// chain from what it holds: entries it has are compared (another hash at the same seq is a fork,
// refused and kept as evidence), new ones must follow its head without a gap (a gap is answered
// with the seq to send from) and must hash right; the records they reference must agree with
// them. All of it is stored in one transaction, or none of it.
import type { Pool, PoolClient } from 'pg';
import { uploadRequest, type HqHead, type UploadResponse, type WireEntry } from '../../preload/contract/hq-wire';
import { checkAndParseEntry, entryHash } from '../../main/journal-chain/chain';
import type { RegisterIdentity } from '../auth/verify-request';
import { HqError } from '../http/hq-error';
import { raiseAlert } from './alerts';
import type { ParsedEntry } from './parsed-entry';
import { insertRecords, matchRecords, RecordRefusal } from './records';

/** What a refused upload leaves behind: the alert to raise once its transaction is rolled back. */
type Refusal = { ok: false; error: HqError; alert?: Parameters<typeof raiseAlert>[1] };
/** An accepted upload, with the head to move to when it added entries. */
type Verdict = { ok: true; response: UploadResponse; head?: HqHead } | Refusal;

export async function ingestUpload(pool: Pool, who: RegisterIdentity, body: unknown, now: number): Promise<UploadResponse> {
  const client = await pool.connect();
  let verdict: Verdict;
  try {
    // The transaction opens and the signer's head is locked while the body is parsed here: one
    // round trip, and PostgreSQL works on it meanwhile. The signer's id came through the signature
    // check; the literal is escaped all the same.
    const locking = client.query(`BEGIN; SELECT seq, hash FROM journal_heads WHERE register_id = ${client.escapeLiteral(who.registerId)} FOR UPDATE`);
    const upload = parseUpload(who, body);
    const opened = (await locking) as unknown as [unknown, { rows: HqHead[] }];
    verdict = upload.ok ? await ingestLocked(client, who.registerId, upload.request, opened[1].rows[0], now) : upload;
    if (verdict.ok && verdict.head) {
      // The new head and the commit, in one round trip (values checked above: integers and hex).
      const { seq, hash } = verdict.head;
      await client.query(
        `UPDATE journal_heads SET seq = ${seq}, hash = ${client.escapeLiteral(hash)}, updated_at = ${now} WHERE register_id = ${client.escapeLiteral(who.registerId)}; COMMIT`,
      );
    } else await client.query(verdict.ok ? 'COMMIT' : 'ROLLBACK');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  if (verdict.ok) return verdict.response;
  if (verdict.alert) await raiseAlert(pool, verdict.alert, now);
  throw verdict.error;
}

type UploadRequestData = ReturnType<typeof uploadRequest.parse>;

/** The body as an upload of the signer's own entries, in order; refused before anything is read. */
function parseUpload(who: RegisterIdentity, body: unknown): { ok: true; request: UploadRequestData } | Refusal {
  const parsed = uploadRequest.safeParse(body);
  if (!parsed.success) return { ok: false, error: new HqError('hq.invalid_input', 400, { field: parsed.error.issues[0]?.path.join('.') ?? '' }) };
  const req = parsed.data;
  if (req.registerId !== who.registerId) {
    // A register's key speaking for another register: never written, always shown to the owner.
    return {
      ok: false,
      error: new HqError('hq.forbidden', 403, { registerId: req.registerId }),
      alert: { kind: 'forged_register', registerId: who.registerId, params: { claimed: req.registerId } },
    };
  }
  const first = req.entries[0]?.seq ?? 0;
  const outOfOrder = req.entries.findIndex((e, i) => e.seq !== first + i);
  if (outOfOrder >= 0) {
    const e = req.entries[outOfOrder];
    return {
      ok: false,
      error: new HqError('hq.tampered', 422, { reason: 'not_consecutive', seq: e?.seq ?? null }),
      alert: { kind: 'upload_tampered', registerId: who.registerId, params: { reason: 'not_consecutive', seq: e?.seq ?? null }, evidence: e },
    };
  }
  return { ok: true, request: req };
}

async function ingestLocked(client: PoolClient, registerId: string, req: UploadRequestData, head: HqHead | undefined, now: number): Promise<Verdict> {
  if (!head) return { ok: false, error: new HqError('hq.unknown_register', 401, { registerId }) };

  const held = req.entries.filter((e) => e.seq <= head.seq);
  const fresh = req.entries.filter((e) => e.seq > head.seq);
  const first = fresh[0];
  if (first && first.seq !== head.seq + 1) {
    return { ok: false, error: new HqError('hq.gap', 409, { expectedSeq: head.seq + 1, headSeq: head.seq, headHash: head.hash }) };
  }

  if (held.length > 0) {
    const stored = await client.query<{ seq: number; hash: string }>(
      'SELECT seq, hash FROM journal_entries WHERE register_id = $1 AND seq = ANY($2::bigint[])',
      [registerId, held.map((e) => e.seq)],
    );
    const byseq = new Map(stored.rows.map((r) => [r.seq, r.hash]));
    for (const e of held) {
      const mine = byseq.get(e.seq);
      if (mine !== e.hash) return fork(registerId, e, mine ?? null, head);
    }
  }

  // Checked a slice at a time, each slice's insert sent as soon as it holds: PostgreSQL writes one
  // slice while the next is hashed here (the two run on different cores). A later refusal rolls
  // the whole transaction back, so nothing of a refused upload is kept. The inserts are chained,
  // each sent when the one before has answered: what node-postgres did with queries handed to a
  // busy client, which it deprecates (pg 9 refuses them).
  const parsedFresh = new Map<number, ParsedEntry>();
  let writing: Promise<unknown> = Promise.resolve();
  const settle = async () => {
    await writing;
  };
  let prev = head;
  for (let from = 0; from < fresh.length;) {
    // A short first slice: PostgreSQL starts writing after a few entries rather than waiting for a full slice's hashing.
    const slice = fresh.slice(from, from + (from === 0 ? FIRST_SLICE : SLICE));
    from += slice.length;
    for (const e of slice) {
      const checked = checkAndParseEntry(e, prev.seq + 1, prev.hash);
      if (!checked.ok) {
        await settle();
        const reason = checked.reason;
        // The register's own chain holds but does not follow ours: its history differs from what it uploaded before.
        if (reason === 'prev_hash_mismatch' && e.seq === head.seq + 1 && entryHash(e.prev_hash, e.payload) === e.hash)
          return fork(registerId, e, head.hash, head);
        return tampered(registerId, e, reason);
      }
      parsedFresh.set(e.seq, { seq: e.seq, at: e.at, kind: e.kind, data: (checked.value.data ?? {}) as Record<string, unknown> });
      prev = { seq: e.seq, hash: e.hash };
    }
    writing = writing.then(() => insertEntries(client, registerId, slice, now));
  }

  let records: ReturnType<typeof matchRecords>;
  try {
    records = matchRecords(req.records, parsedFresh);
  } catch (error) {
    await settle();
    if (!(error instanceof RecordRefusal)) throw error;
    return {
      ok: false,
      error: new HqError(error.code, 422, { seq: error.seq, field: error.field }),
      alert: { kind: 'upload_tampered', registerId, params: { reason: error.code, seq: error.seq, field: error.field }, evidence: error.evidence },
    };
  }
  await settle();

  if (fresh.length > 0) await insertRecords(client, registerId, records, parsedFresh);
  return { ok: true, response: { head: prev, added: fresh.length }, head: fresh.length > 0 ? prev : undefined };
}

/** Entries per insert statement (and per slice of checking), the first one short. */
const FIRST_SLICE = 64;
const SLICE = 250;

/**
 * The slice goes to PostgreSQL as one JSON text (the entries as parsed, their keys the columns'):
 * JSON.stringify is native, where node-postgres would escape every payload into an array literal
 * in JavaScript, on the same thread that checks the next slice.
 */
function insertEntries(client: PoolClient, registerId: string, entries: readonly WireEntry[], now: number): Promise<unknown> {
  return client.query(
    `INSERT INTO journal_entries (register_id, seq, at, kind, payload, prev_hash, hash, received_at)
     SELECT $1, seq, at, kind, payload, prev_hash, hash, $3
     FROM json_to_recordset($2::json) AS u(seq bigint, at bigint, kind text, payload text, prev_hash text, hash text) ORDER BY seq`,
    [registerId, JSON.stringify(entries), now],
  );
}

function fork(registerId: string, offered: WireEntry, storedHash: string | null, head: HqHead): Verdict {
  return {
    ok: false,
    error: new HqError('hq.fork', 409, { seq: offered.seq, headSeq: head.seq }),
    alert: { kind: 'fork', registerId, params: { seq: offered.seq, storedHash, offeredHash: offered.hash }, evidence: offered },
  };
}

function tampered(registerId: string, e: WireEntry, reason: string): Verdict {
  return {
    ok: false,
    error: new HqError('hq.tampered', 422, { seq: e.seq, reason }),
    alert: { kind: 'upload_tampered', registerId, params: { seq: e.seq, reason }, evidence: e },
  };
}
